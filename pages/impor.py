"""Impor Data: upload a P3KE household export, see what would be accepted and rejected (and why) before anything
is written, import it in one transaction, and undo an earlier import."""
import datetime as dt
import os

import streamlit as st

from pke import config, fmt, impor
from pke.i18n import t
import ui

k = ui.konteks()
st.title(t("Impor data"))
ui.tolak_data_pribadi_saat_presentasi(t("Impor data"))
st.markdown(t("Berkas .xlsx atau .csv diperiksa dulu; tidak ada yang ditulis sebelum Anda menekan **Impor**."))
ui.label_demo()

jenis = st.radio(t("Jenis berkas"), list(impor.JENIS), horizontal=True, format_func=lambda j: t(impor.JENIS[j].label))
st.caption({
    "keluarga": t("Kolom ekspor P3KE: id_keluarga_p3ke, kode_kemdagri, desil_kesejahteraan, nik, … (varian diterima)."),
    "intervensi": t("Kolom: id_keluarga_p3ke, klaster, status (rencana/proses/selesai), tanggal; opsional program, "
                    "opd, sumber_dana, tanggal_selesai, nilai_rp, id."),
    "desa_prioritas": t("Kolom: kode_kemendagri (atau kode_desa), tahun; opsional dasar_penetapan, opd_pendamping."),
    "target": t("Kolom: kode_wilayah (kabupaten), klaster, tahun, triwulan, target_keluarga."),
    "individu": t("Kolom ekspor individu P3KE: id_individu, id_keluarga_p3ke, nik; opsional nama/nama_lengkap, "
                  "jenis_kelamin, hubungan_dengan_kepala_keluarga, tanggal_lahir, pekerjaan, disabilitas, keterangan."),
    "sektor": t("Kolom: sumber (mis. Disperakim RTLH, DTKS), kode_kemendagri, nik dan/atau id; opsional klaster, "
                "status."),
}[jenis])
berkas = st.file_uploader(t("Berkas"), type=["xlsx", "csv"])
a, b, c = st.columns(3)
petugas = a.text_input(t("Nama petugas"))
snapshot = b.date_input(t("Tanggal data P3KE (snapshot)"), value=dt.date.today(), format="DD/MM/YYYY")
pin = c.text_input("PIN", type="password", help=t("Menulis ke basis data memerlukan PIN administrator (PKE_ADMIN_PIN)."))

if berkas is not None:
    isi = berkas.getvalue()
    try:
        with st.spinner(t("Memeriksa berkas…")):
            hasil = impor.periksa(jenis, config.db_path(), isi, berkas.name)
    except impor.ImporError as e:
        st.error(t("Berkas tidak dapat diimpor: {e}", e=e))
        st.stop()
    for catatan in hasil.catatan:
        st.info(catatan)
    kol = st.columns(2)
    kol[0].metric(t("Baris diterima"), fmt.angka(len(hasil.diterima)), border=True)
    kol[1].metric(t("Baris ditolak"), fmt.angka(hasil.baris_ditolak), border=True)
    if not hasil.ditolak.empty:
        st.markdown(t("**Baris yang ditolak** (nomor baris sesuai lembar; satu baris per masalah)"))
        ui.tabel(hasil.ditolak.head(500).rename(columns={"baris": t("Baris"), "kolom": t("Kolom"), "nilai": t("Nilai"),
                                                         "alasan": t("Alasan")}), tinggi=300)
        st.download_button(t("Unduh baris yang ditolak (CSV) untuk diperbaiki"), hasil.ditolak_csv(),
                           file_name=berkas.name.rsplit(".", 1)[0] + ".ditolak.csv", mime="text/csv",
                           icon=":material/download:")
    pin_benar = os.environ.get("PKE_ADMIN_PIN")
    siap = len(hasil.diterima) > 0 and bool(pin_benar)
    if not pin_benar:
        st.caption(t("Impor dimatikan: administrator belum mengatur `PKE_ADMIN_PIN`. Pemeriksaan tetap dapat "
                     "dilakukan."))
    if st.button(t("Impor {n} baris", n=fmt.angka(len(hasil.diterima))), type="primary", disabled=not siap):
        if pin != pin_benar:
            st.error(t("PIN salah; tidak ada yang ditulis."))
        else:
            try:
                with st.spinner(t("Mengimpor dan membangun ulang ringkasan… dasbor tetap melayani selama proses ini.")):
                    selesai = impor.impor_berkas(jenis, config.db_path(), isi, berkas.name, petugas, snapshot)
            except impor.ImporError as e:
                st.error(t("Impor gagal, tidak ada yang ditulis: {e}", e=e))
            else:
                st.success(t("Impor #{id} selesai: {ringkasan}", id=selesai.id_impor, ringkasan=selesai.ringkasan()))

st.subheader(t("Riwayat impor"))
riwayat = ui.kueri("riwayat_impor")
if riwayat.empty:
    st.info(t("Belum ada impor; basis data berisi data demo."))
else:
    ui.tabel(riwayat.rename(columns={
        "id": t("No"), "file": t("Berkas"), "jenis": t("Jenis"), "snapshot": t("Snapshot"), "waktu": t("Waktu"),
        "baris_diterima": t("Diterima"), "baris_ditolak": t("Ditolak"), "pengguna": t("Oleh"),
        "dibatalkan_pada": t("Dibatalkan pada"), "dibatalkan_oleh": t("Dibatalkan oleh")}))
    aktif = riwayat[riwayat["dibatalkan_pada"].isna()]
    if not aktif.empty:
        with st.form("batal"):
            pilih = st.selectbox(t("Batalkan impor"), list(aktif["id"]),
                                 format_func=lambda i: f"#{i} — {aktif.set_index('id').loc[i, 'file']}")
            nama = st.text_input(t("Nama petugas yang membatalkan"))
            pin_batal = st.text_input("PIN ", type="password")
            if st.form_submit_button(t("Batalkan impor ini")):
                if pin_batal != os.environ.get("PKE_ADMIN_PIN") or not os.environ.get("PKE_ADMIN_PIN"):
                    st.error(t("PIN salah; tidak ada yang diubah."))
                elif not nama.strip():
                    st.error(t("Nama petugas wajib diisi."))
                else:
                    try:
                        n = impor.batalkan_impor(config.db_path(), int(pilih), nama.strip())
                    except impor.ImporError as e:
                        st.error(str(e))
                    else:
                        st.success(t("Impor #{id} dibatalkan; {n} baris dihapus.", id=pilih, n=fmt.angka(n)))
