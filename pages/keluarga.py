"""Daftar Keluarga: search and filter households of the user's region, ordered by a transparent priority score;
NIK and names masked by default, shown in full only to roles allowed to after a stated purpose; every look at
the list, every reveal and every export is in the audit log before the data is shown or sent."""
import datetime as dt

import streamlit as st

from pke import audit, ekspor, fmt, klaster, prioritas, privasi
from pke.i18n import t
import ui

u = ui.izinkan("keluarga")
k = ui.konteks()
ui.kepala_halaman(t("Daftar keluarga"), k)
ui.tolak_data_pribadi_saat_presentasi(t("Daftar keluarga"))
BATAS = 500

with st.expander(t("Cari dan filter"), expanded=True):
    cari = st.text_input(t("Cari nama kepala keluarga, NIK lengkap (16 angka), atau ID P3KE"), max_chars=40).strip()
    a, b, c = st.columns(3)
    desil = a.multiselect(t("Desil"), [1, 2, 3, 4], format_func=lambda d: t("Desil {d}", d=d),
                          placeholder=t("Semua desil"))
    kunci = b.multiselect(t("Kebutuhan terbuka di klaster"), list(klaster.KUNCI), format_func=klaster.label,
                          placeholder=t("Semua klaster"))
    status = c.multiselect(t("Status intervensi kebutuhannya"), ["belum", "rencana", "proses", "selesai"],
                           placeholder=t("Semua status"),
                           format_func={"belum": t("Belum diintervensi"), "rencana": t("Rencana"),
                                        "proses": t("Proses"), "selesai": t("Selesai")}.get)
    cek = st.columns(3)
    lansia = cek[0].checkbox(t("Kepala keluarga lansia"))
    sendiri = cek[1].checkbox(t("Tinggal sendiri"))
    disabilitas = cek[2].checkbox(t("Ada penyandang disabilitas"))
    kronis = cek[0].checkbox(t("Ada anggota sakit kronis"))
    belum = cek[1].checkbox(t("Belum terjangkau program apa pun"))
st.caption(prioritas.aturan() + " " + t("Kebutuhan dan statusnya menurut data terakhir ({tanggal}).",
                                        tanggal=fmt.tanggal(ui.meta()["tanggal_data"])))

tujuan = ui.akses.tujuan_akses("keluarga")
lengkap = tujuan is not None
data = ui.kueri("daftar_keluarga", kode=k.kode, cari=cari, desil=desil, klaster=kunci, status=status, lansia=lansia,
                sendiri=sendiri, disabilitas=disabilitas, kronis=kronis, belum_terjangkau=belum, batas=BATAS,
                nama_sebagian=lengkap, **prioritas.parameter())
total = int(data["total"].iloc[0]) if not data.empty else 0
saring = {"cari": privasi.samarkan_nik(cari) if cari.isdigit() else cari, "desil": desil, "klaster": kunci,
          "status": status, "lansia": lansia, "sendiri": sendiri, "disabilitas": disabilitas, "kronis": kronis,
          "belum_terjangkau": belum}
# Written before anything about the list is drawn (even its count); if the log cannot be written nothing is shown.
ui.akses.catat(audit.LIHAT_NAMA, k.kode, {"filter": saring, "baris": len(data), "total": total}, sekali=True)
if lengkap:
    ui.akses.catat(audit.BUKA_NAMA, k.kode, {"tujuan": tujuan, "filter": saring, "baris": len(data)}, sekali=True)
st.markdown(t("**{n} keluarga** memenuhi filter", n=fmt.angka(total))
            + (t("; ditampilkan {n} dengan skor tertinggi.", n=fmt.angka(len(data))) if total > len(data) else "."))
if cari and not lengkap:
    st.caption(t("Selama nama disamarkan, pencarian nama hanya cocok dengan nama lengkap yang persis sama."))
tampil = data if lengkap else privasi.samarkan(data)

if data.empty:
    st.info(t("Tidak ada keluarga yang memenuhi filter di wilayah ini."))
    st.stop()

ya = lambda v: t("ya") if v else ""  # noqa: E731
tabel = tampil.assign(kebutuhan_terbuka=tampil["kebutuhan_terbuka"].map(  # cluster labels in the run's language
                          lambda v: ", ".join(t(x) for x in v.split(", ")) if isinstance(v, str) and v else v),
                      lansia=tampil["kepala_lansia"].map(ya), sendiri=tampil["tinggal_sendiri"].map(ya),
                      dis=tampil["ada_disabilitas"].map(ya), kronis=tampil["ada_kronis"].map(ya),
                      belum=tampil["belum_terjangkau"].map(ya))[
    ["skor", "kepala_keluarga", "nik", "desa", "kecamatan", "alamat", "desil", "n_individu", "kebutuhan_terbuka",
     "lansia", "sendiri", "dis", "kronis", "belum"]].rename(columns={
        "skor": t("Skor"), "kepala_keluarga": t("Kepala keluarga"), "nik": "NIK", "desa": t("Desa"),
        "kecamatan": t("Kecamatan"), "alamat": t("Alamat"), "desil": t("Desil"), "n_individu": t("Anggota"),
        "kebutuhan_terbuka": t("Kebutuhan terbuka"), "lansia": t("Lansia"), "sendiri": t("Sendiri"),
        "dis": t("Disabilitas"), "kronis": t("Kronis"), "belum": t("Belum terjangkau")})
ui.tabel(tabel, tinggi=520)

ids = list(data["id_keluarga_p3ke"])
if not ui.akses.boleh(u, "ekspor_nama"):
    st.caption(t("Lembar verval (Excel) hanya dapat diunduh oleh akun yang berhak mengekspor data nama (operator "
                 "wilayah)."))
    st.stop()


def berkas_verval() -> bytes:
    # Built only when the button is clicked (outside the session: scope and user taken now); it names who
    # exported it, when and why.
    penanda = t("Diekspor oleh {nama} pada {waktu}; {isi}.", nama=u.nama,
                waktu=dt.datetime.now().strftime("%d/%m/%Y %H:%M"),
                isi=t("tujuan: {tujuan}", tujuan=t(ui.akses.TUJUAN[tujuan])) if lengkap
                else t("NIK dan nama disamarkan"))
    return ekspor.lembar_verval(ui.kueri_dalam_lingkup("verval_keluarga", ids=ids, lingkup=u.lingkup), ids,
                                data["skor"], tampilkan_data_pribadi=lengkap, penanda=penanda)


st.download_button(
    t("Unduh lembar verval ({n} keluarga, Excel)", n=fmt.angka(len(data))),
    ui.akses.unduhan(audit.EKSPOR_NAMA, k.kode, {"berkas": "lembar_verval", "baris": len(ids), "lengkap": lengkap,
                                                 "tujuan": tujuan, "filter": saring}, berkas_verval),
    icon=":material/download:",
    file_name=f"verval_{k.kode or 'semua'}_{k.tahun}_tw{k.triwulan}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
st.caption(t("Lembar memakai nama kolom ekspor P3KE, ditambah skor prioritas dan kolom isian verval "
             "(VERVAL_memenuhi_kriteria_P3KE, alasan, keterangan).") + " " +
           (t("NIK dan nama lengkap.") if lengkap else
            t("NIK dan nama disamarkan; nyatakan tujuan dan aktifkan tampilan lengkap untuk lembar lapangan.")) + " "
           + t("Nama pengunduh dan waktunya tertulis di lembar, dan unduhan tercatat di log audit."))
