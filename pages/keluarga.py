"""Daftar Keluarga: search and filter households of the user's region (needs, vulnerability, social-assistance
programmes), ordered by a transparent priority score and shown page by page; NIK and names masked by default,
shown in full only to roles allowed to after a stated purpose; the whole filtered list exports as a verval sheet
(Excel) or CSV. Every look at a page, every reveal and every export is in the audit log before the data is shown or
sent. The filters live in the URL (?desil=1&lansia=1&sendiri=1&pkh=tidak), so a link answers a question; the
search text does not (it may be a name or a NIK)."""
import datetime as dt
import json
import math

import streamlit as st

from pke import audit, ekspor, fmt, klaster, prioritas, privasi
from pke.i18n import t
import ui

u = ui.izinkan("keluarga")
k = ui.konteks()
ui.kepala_halaman(t("Daftar keluarga"), k)
ui.tolak_data_pribadi_saat_presentasi(t("Daftar keluarga"))
PER_HALAMAN = 100
DESIL = [1, 2, 3, 4]
STATUS = {"belum": t("Belum diintervensi"), "rencana": t("Rencana"), "proses": t("Proses"), "selesai": t("Selesai")}
# Vulnerability signs: URL key -> (query parameter, label, what it means)
TANDA = {
    "lansia": ("lansia", t("Kepala keluarga lansia"), t("Kepala keluarga berumur 60 tahun atau lebih.")),
    "sendiri": ("sendiri", t("Tinggal sendiri"),
                t("Keluarga dengan satu anggota (anggota yang meninggal atau pindah tidak dihitung).")),
    "disabilitas": ("disabilitas", t("Ada penyandang disabilitas"), None),
    "kronis": ("kronis", t("Ada anggota sakit kronis"), None),
    "belum": ("belum_terjangkau", t("Belum terjangkau program apa pun"),
              t("Bukan penerima bansos mana pun dan belum ada intervensi yang ditandai.")),
}
# Social-assistance programmes of the P3KE data (keluarga.penerima_*): URL key and query parameter -> name
PROGRAM = {"pkh": "PKH", "bpnt": "BPNT", "sembako": "Sembako", "bst": "BST", "bpum": "BPUM"}
PROGRAM_BANTU = {"pkh": t("Program Keluarga Harapan"), "bpnt": t("Bantuan Pangan Non Tunai"),
                 "sembako": t("Program Sembako"), "bst": t("Bantuan Sosial Tunai"),
                 "bpum": t("Bantuan Produktif Usaha Mikro")}
PENERIMA = {"": t("Semua"), "ya": t("Penerima"), "tidak": t("Bukan penerima")}


def daftar_url(kunci: str, sah: list) -> list:
    """?kunci=a,b as the valid values it names, in the order of `sah` (anything else in the URL is dropped)."""
    ada = set(st.query_params.get(kunci, "").split(","))
    return [v for v in sah if str(v) in ada]


def simpan_url(kunci: str, nilai: str) -> None:
    if nilai:
        st.query_params[kunci] = nilai
    elif kunci in st.query_params:
        del st.query_params[kunci]


def awal(kunci_widget: str, nilai) -> None:
    """Seed a filter widget from the URL the first time it is drawn (as ui.pilih_url does)."""
    if kunci_widget not in st.session_state:
        st.session_state[kunci_widget] = nilai


awal("f_desil", daftar_url("desil", DESIL))
awal("f_klaster", daftar_url("klaster", list(klaster.KUNCI)))
awal("f_status", daftar_url("status", list(STATUS)))
for kunci in TANDA:
    awal(f"f_{kunci}", st.query_params.get(kunci) == "1")
for kunci in PROGRAM:
    awal(f"f_{kunci}", st.query_params.get(kunci) if st.query_params.get(kunci) in PENERIMA else "")

with st.expander(t("Cari dan filter"), expanded=True):
    cari = st.text_input(t("Cari nama kepala keluarga, NIK lengkap (16 angka), atau ID P3KE"), max_chars=40).strip()
    a, b, c = st.columns(3)
    desil = a.multiselect(t("Desil"), DESIL, format_func=lambda d: t("Desil {d}", d=d),
                          placeholder=t("Semua desil"), key="f_desil")
    kunci_klaster = b.multiselect(t("Kebutuhan terbuka di klaster"), list(klaster.KUNCI), format_func=klaster.label,
                                  placeholder=t("Semua klaster"), key="f_klaster")
    status = c.multiselect(t("Status intervensi kebutuhannya"), list(STATUS), placeholder=t("Semua status"),
                           format_func=STATUS.get, key="f_status")
    cek = st.columns(3)
    tanda = {kunci: cek[i % 3].checkbox(label, help=bantu, key=f"f_{kunci}")
             for i, (kunci, (_, label, bantu)) in enumerate(TANDA.items())}
    st.caption(t("Penerima bantuan sosial menurut data P3KE"))
    kol = st.columns(len(PROGRAM))
    program = {kunci: kol[i].selectbox(nama, list(PENERIMA), format_func=PENERIMA.get, help=PROGRAM_BANTU[kunci],
                                       key=f"f_{kunci}")
               for i, (kunci, nama) in enumerate(PROGRAM.items())}
simpan_url("desil", ",".join(str(d) for d in desil))
simpan_url("klaster", ",".join(kunci_klaster))
simpan_url("status", ",".join(status))
for kunci, nyala in tanda.items():
    simpan_url(kunci, "1" if nyala else "")
for kunci, nilai in program.items():
    simpan_url(kunci, nilai)
st.caption(prioritas.aturan() + " " + t("Kebutuhan dan statusnya menurut data terakhir ({tanggal}).",
                                        tanggal=fmt.tanggal(ui.meta()["tanggal_data"])))

tujuan = ui.akses.tujuan_akses("keluarga")
lengkap = tujuan is not None
# The filters as query parameters: the same for the total, every page and the export.
saringan = dict(kode=k.kode, cari=cari, desil=desil, klaster=kunci_klaster, status=status, nama_sebagian=lengkap,
                **{param: tanda[kunci] for kunci, (param, _, _) in TANDA.items()},
                **{kunci: {"ya": True, "tidak": False}.get(nilai) for kunci, nilai in program.items()})
total = int(ui.kueri("daftar_keluarga_jumlah", **saringan)["total"].iloc[0])
n_halaman = max(1, math.ceil(total / PER_HALAMAN))
# A changed filter starts again at page 1 (unmasking the names is not a new filter); the page is clamped to the
# list (it may have shrunk since).
tanda_saringan = json.dumps(dict(saringan, nama_sebagian=None), sort_keys=True, default=str)
if st.session_state.get("_keluarga_saringan") != tanda_saringan:
    st.session_state["_keluarga_saringan"] = tanda_saringan
    st.session_state["keluarga_hal"] = 1
halaman = min(max(int(st.session_state.get("keluarga_hal") or 1), 1), n_halaman)
st.session_state["keluarga_hal"] = halaman
mulai = (halaman - 1) * PER_HALAMAN
data = ui.kueri("daftar_keluarga", **saringan, mulai=mulai, batas=PER_HALAMAN, **prioritas.parameter())

saring = {"cari": privasi.samarkan_nik(cari) if cari.isdigit() else cari, "desil": desil, "klaster": kunci_klaster,
          "status": status, **{param: tanda[kunci] for kunci, (param, _, _) in TANDA.items()},
          "program": {kunci: nilai for kunci, nilai in program.items() if nilai}}
# Written before anything about the list is drawn (even its count); if the log cannot be written nothing is shown.
# Each page is a look at other households: each has its entry.
ui.akses.catat(audit.LIHAT_NAMA, k.kode, {"filter": saring, "halaman": halaman, "baris": len(data), "total": total},
               sekali=True)
if lengkap:
    ui.akses.catat(audit.BUKA_NAMA, k.kode, {"tujuan": tujuan, "filter": saring, "halaman": halaman,
                                             "baris": len(data)}, sekali=True)
st.markdown(t("**{n} keluarga** memenuhi filter", n=fmt.angka(total))
            + (t("; halaman {h} dari {n} (keluarga {dari}–{sampai}, skor tertinggi lebih dulu).",
                 h=fmt.angka(halaman), n=fmt.angka(n_halaman), dari=fmt.angka(mulai + 1),
                 sampai=fmt.angka(mulai + len(data)))
               if n_halaman > 1 else "."))
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
     "lansia", "sendiri", "dis", "kronis", "program_diterima", "belum"]].rename(columns={
        "skor": t("Skor"), "kepala_keluarga": t("Kepala keluarga"), "nik": "NIK", "desa": t("Desa"),
        "kecamatan": t("Kecamatan"), "alamat": t("Alamat"), "desil": t("Desil"), "n_individu": t("Anggota"),
        "kebutuhan_terbuka": t("Kebutuhan terbuka"), "lansia": t("Lansia"), "sendiri": t("Sendiri"),
        "dis": t("Disabilitas"), "kronis": t("Kronis"), "program_diterima": t("Bansos diterima"),
        "belum": t("Belum terjangkau")})
ui.tabel(tabel, tinggi=520)

if n_halaman > 1:
    def ke(h: int):
        return lambda: st.session_state.update(keluarga_hal=h)

    kiri, tengah, kanan, _ = st.columns([1, 1, 1, 3], vertical_alignment="bottom")
    kiri.button(t("Sebelumnya"), icon=":material/chevron_left:", disabled=halaman <= 1, on_click=ke(halaman - 1),
                key="keluarga_sebelum", width="stretch")
    tengah.number_input(t("Halaman (dari {n})", n=fmt.angka(n_halaman)), min_value=1, max_value=n_halaman, step=1,
                        key="keluarga_hal")
    kanan.button(t("Berikutnya"), icon=":material/chevron_right:", disabled=halaman >= n_halaman,
                 on_click=ke(halaman + 1), key="keluarga_berikut", width="stretch", icon_position="right")

if not ui.akses.boleh(u, "ekspor_nama"):
    st.caption(t("Lembar verval (Excel) hanya dapat diunduh oleh akun yang berhak mengekspor data nama (operator "
                 "wilayah)."))
    st.stop()

st.subheader(t("Unduh seluruh daftar"))
if total > ekspor.BATAS_BARIS:
    st.info(t("Daftar ini memuat {n} keluarga; satu unduhan memuat paling banyak {batas} keluarga. Persempit filter "
              "(mis. pilih kecamatan, desil atau klaster).", n=fmt.angka(total), batas=fmt.angka(ekspor.BATAS_BARIS)))
    st.stop()
# Everything the files need is taken now: Streamlit builds them when a button is clicked, in a thread without the
# session. They hold the whole filtered list (every page), in the same order, read from the database in batches.
param_ekspor = dict(saringan, lingkup=u.lingkup, **prioritas.parameter())
path_db = ui.versi_db()[0]
penanda = t("Diekspor oleh {nama} pada {waktu}; {isi}.", nama=u.nama,
            waktu=dt.datetime.now().strftime("%d/%m/%Y %H:%M"),
            isi=t("tujuan: {tujuan}", tujuan=t(ui.akses.TUJUAN[tujuan])) if lengkap else t("NIK dan nama disamarkan"))


def berkas(tulis):
    def buat() -> bytes:
        cur = ui.pembaca(path_db).kursor()
        try:
            return tulis(ekspor.potongan_kueri(cur, "daftar_keluarga_ekspor", **param_ekspor),
                         tampilkan_data_pribadi=lengkap, penanda=penanda)[0]
        finally:
            cur.close()
    return buat


def rincian(format_: str) -> dict:
    return {"berkas": "lembar_verval" if format_ == "xlsx" else "daftar_keluarga", "format": format_, "baris": total,
            "lengkap": lengkap, "tujuan": tujuan, "filter": saring}


nama_berkas = f"{k.kode or 'semua'}_{k.tahun}_tw{k.triwulan}"
xlsx, csv_ = st.columns(2)
xlsx.download_button(
    t("Unduh lembar verval ({n} keluarga, Excel)", n=fmt.angka(total)),
    ui.akses.unduhan(audit.EKSPOR_NAMA, k.kode, rincian("xlsx"), berkas(ekspor.tulis_lembar_verval)),
    icon=":material/download:", file_name=f"verval_{nama_berkas}.xlsx", key="unduh_xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
csv_.download_button(
    t("Unduh CSV ({n} keluarga)", n=fmt.angka(total)),
    ui.akses.unduhan(audit.EKSPOR_NAMA, k.kode, rincian("csv"), berkas(ekspor.tulis_csv)),
    icon=":material/download:", file_name=f"keluarga_{nama_berkas}.csv", mime="text/csv", key="unduh_csv")
st.caption(t("Kedua berkas memuat seluruh daftar yang memenuhi filter (semua halaman), urut skor prioritas.") + " "
           + t("Lembar memakai nama kolom ekspor P3KE, ditambah skor prioritas dan kolom isian verval "
               "(VERVAL_memenuhi_kriteria_P3KE, alasan, keterangan).") + " " +
           (t("NIK dan nama lengkap.") if lengkap else
            t("NIK, nama dan alamat disamarkan, dari tanggal lahir hanya tahunnya; nyatakan tujuan dan aktifkan "
              "tampilan lengkap untuk lembar lapangan.")) + " "
           + t("Nama pengunduh dan waktunya tertulis di lembar, dan unduhan tercatat di log audit."))
