"""Daftar Keluarga: search and filter households, ordered by a transparent priority score; NIK and names
masked by default; export the list as a verval sheet in the P3KE column layout."""
import streamlit as st

from pke import ekspor, fmt, klaster, prioritas, privasi, ui

k = ui.konteks()
ui.kepala_halaman("Daftar keluarga", k)
ui.tolak_data_pribadi_saat_presentasi("Daftar keluarga")
BATAS = 500

with st.expander("Cari dan filter", expanded=True):
    cari = st.text_input("Cari nama kepala keluarga, awal NIK, atau ID P3KE", max_chars=40).strip()
    a, b, c = st.columns(3)
    desil = a.multiselect("Desil", [1, 2, 3, 4], format_func=lambda d: f"Desil {d}", placeholder="Semua desil")
    kunci = b.multiselect("Kebutuhan terbuka di klaster", list(klaster.KUNCI), format_func=klaster.label,
                          placeholder="Semua klaster")
    status = c.multiselect("Status intervensi kebutuhannya", ["belum", "rencana", "proses", "selesai"],
                           placeholder="Semua status",
                           format_func={"belum": "Belum diintervensi", "rencana": "Rencana", "proses": "Proses",
                                        "selesai": "Selesai"}.get)
    t = st.columns(3)
    lansia = t[0].checkbox("Kepala keluarga lansia")
    sendiri = t[1].checkbox("Tinggal sendiri")
    disabilitas = t[2].checkbox("Ada penyandang disabilitas")
    kronis = t[0].checkbox("Ada anggota sakit kronis")
    belum = t[1].checkbox("Belum terjangkau program apa pun")
st.caption(prioritas.aturan() + f" Kebutuhan dan statusnya menurut data terakhir ({ui.meta()['tanggal_data']}).")

data = ui.kueri("daftar_keluarga", kode=k.kode, cari=cari, desil=desil, klaster=kunci, status=status, lansia=lansia,
                sendiri=sendiri, disabilitas=disabilitas, kronis=kronis, belum_terjangkau=belum, batas=BATAS,
                **prioritas.parameter())
total = int(data["total"].iloc[0]) if not data.empty else 0
st.markdown(f"**{fmt.angka(total)} keluarga** memenuhi filter"
            + (f"; ditampilkan {fmt.angka(len(data))} dengan skor tertinggi." if total > len(data) else "."))

lengkap = False
if not ui.presentasi():
    lengkap = st.toggle("Tampilkan NIK dan nama lengkap", help="Data pribadi. Hanya untuk verifikasi lapangan; "
                        "jangan tampilkan di layar rapat.")
    if lengkap:
        st.warning("NIK dan nama lengkap ditampilkan. Jangan tampilkan layar ini di rapat atau di proyektor.")
tampil = data if lengkap else privasi.samarkan(data)

if data.empty:
    st.info("Tidak ada keluarga yang memenuhi filter di wilayah ini.")
    st.stop()

ya = lambda v: "ya" if v else ""  # noqa: E731
tabel = tampil.assign(lansia=tampil["kepala_lansia"].map(ya), sendiri=tampil["tinggal_sendiri"].map(ya),
                      dis=tampil["ada_disabilitas"].map(ya), kronis=tampil["ada_kronis"].map(ya),
                      belum=tampil["belum_terjangkau"].map(ya))[
    ["skor", "kepala_keluarga", "nik", "desa", "kecamatan", "alamat", "desil", "n_individu", "kebutuhan_terbuka",
     "lansia", "sendiri", "dis", "kronis", "belum"]].rename(columns={
        "skor": "Skor", "kepala_keluarga": "Kepala keluarga", "nik": "NIK", "desa": "Desa", "kecamatan": "Kecamatan",
        "alamat": "Alamat", "desil": "Desil", "n_individu": "Anggota", "kebutuhan_terbuka": "Kebutuhan terbuka",
        "lansia": "Lansia", "sendiri": "Sendiri", "dis": "Disabilitas", "kronis": "Kronis",
        "belum": "Belum terjangkau"})
ui.tabel(tabel, tinggi=520)

ids = list(data["id_keluarga_p3ke"])


def berkas_verval() -> bytes:
    # Built only when the button is clicked, not on every rerun of the page.
    return ekspor.lembar_verval(ui.kueri("verval_keluarga", ids=ids), ids, data["skor"],
                                tampilkan_data_pribadi=lengkap)


st.download_button(
    f"Unduh lembar verval ({fmt.angka(len(data))} keluarga, Excel)", berkas_verval, icon=":material/download:",
    file_name=f"verval_{k.kode or 'semua'}_{k.tahun}_tw{k.triwulan}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
st.caption("Lembar memakai nama kolom ekspor P3KE, ditambah skor prioritas dan kolom isian verval "
           "(VERVAL_memenuhi_kriteria_P3KE, alasan, keterangan). NIK dan nama " +
           ("lengkap." if lengkap else "disamarkan; aktifkan tampilan lengkap untuk lembar lapangan."))
