"""Impor Data: upload a P3KE household export, see what would be accepted and rejected (and why) before anything
is written, import it in one transaction, and undo an earlier import."""
import datetime as dt
import os

import streamlit as st

from pke import config, fmt, impor, ui

k = ui.konteks()
st.title("Impor data")
ui.tolak_data_pribadi_saat_presentasi("Impor data")
st.markdown("Berkas .xlsx atau .csv diperiksa dulu; tidak ada yang ditulis sebelum Anda menekan **Impor**.")
ui.label_demo()

jenis = st.radio("Jenis berkas", list(impor.JENIS), horizontal=True, format_func=lambda j: impor.JENIS[j].label)
st.caption({
    "keluarga": "Kolom ekspor P3KE: id_keluarga_p3ke, kode_kemdagri, desil_kesejahteraan, nik, … (varian diterima).",
    "intervensi": "Kolom: id_keluarga_p3ke, klaster, status (rencana/proses/selesai), tanggal; opsional program, "
                  "opd, sumber_dana, tanggal_selesai, nilai_rp, id.",
    "desa_prioritas": "Kolom: kode_kemendagri (atau kode_desa), tahun; opsional dasar_penetapan, opd_pendamping.",
    "target": "Kolom: kode_wilayah (kabupaten), klaster, tahun, triwulan, target_keluarga.",
    "individu": "Kolom ekspor individu P3KE: id_individu, id_keluarga_p3ke, nik; opsional nama/nama_lengkap, "
                "jenis_kelamin, hubungan_dengan_kepala_keluarga, tanggal_lahir, pekerjaan, disabilitas, keterangan.",
    "sektor": "Kolom: sumber (mis. Disperakim RTLH, DTKS), kode_kemendagri, nik dan/atau id; opsional klaster, status.",
}[jenis])
berkas = st.file_uploader("Berkas", type=["xlsx", "csv"])
a, b, c = st.columns(3)
petugas = a.text_input("Nama petugas")
snapshot = b.date_input("Tanggal data P3KE (snapshot)", value=dt.date.today(), format="DD/MM/YYYY")
pin = c.text_input("PIN", type="password", help="Menulis ke basis data memerlukan PIN administrator (PKE_ADMIN_PIN).")

if berkas is not None:
    isi = berkas.getvalue()
    try:
        with st.spinner("Memeriksa berkas…"):
            hasil = impor.periksa(jenis, config.db_path(), isi, berkas.name)
    except impor.ImporError as e:
        st.error(f"Berkas tidak dapat diimpor: {e}")
        st.stop()
    for catatan in hasil.catatan:
        st.info(catatan)
    kol = st.columns(2)
    kol[0].metric("Baris diterima", fmt.angka(len(hasil.diterima)), border=True)
    kol[1].metric("Baris ditolak", fmt.angka(hasil.baris_ditolak), border=True)
    if not hasil.ditolak.empty:
        st.markdown("**Baris yang ditolak** (nomor baris sesuai lembar; satu baris per masalah)")
        ui.tabel(hasil.ditolak.head(500).rename(columns={"baris": "Baris", "kolom": "Kolom", "nilai": "Nilai",
                                                         "alasan": "Alasan"}), tinggi=300)
        st.download_button("Unduh baris yang ditolak (CSV) untuk diperbaiki", hasil.ditolak_csv(),
                           file_name=berkas.name.rsplit(".", 1)[0] + ".ditolak.csv", mime="text/csv",
                           icon=":material/download:")
    pin_benar = os.environ.get("PKE_ADMIN_PIN")
    siap = len(hasil.diterima) > 0 and bool(pin_benar)
    if not pin_benar:
        st.caption("Impor dimatikan: administrator belum mengatur `PKE_ADMIN_PIN`. Pemeriksaan tetap dapat dilakukan.")
    if st.button(f"Impor {fmt.angka(len(hasil.diterima))} baris", type="primary", disabled=not siap):
        if pin != pin_benar:
            st.error("PIN salah; tidak ada yang ditulis.")
        else:
            try:
                with st.spinner("Mengimpor dan membangun ulang ringkasan… dasbor tetap melayani selama proses ini."):
                    selesai = impor.impor_berkas(jenis, config.db_path(), isi, berkas.name, petugas, snapshot)
            except impor.ImporError as e:
                st.error(f"Impor gagal, tidak ada yang ditulis: {e}")
            else:
                st.success(f"Impor #{selesai.id_impor} selesai: {selesai.ringkasan()}")

st.subheader("Riwayat impor")
riwayat = ui.kueri("riwayat_impor")
if riwayat.empty:
    st.info("Belum ada impor; basis data berisi data demo.")
else:
    ui.tabel(riwayat.rename(columns={
        "id": "No", "file": "Berkas", "jenis": "Jenis", "snapshot": "Snapshot", "waktu": "Waktu",
        "baris_diterima": "Diterima", "baris_ditolak": "Ditolak", "pengguna": "Oleh",
        "dibatalkan_pada": "Dibatalkan pada", "dibatalkan_oleh": "Dibatalkan oleh"}))
    aktif = riwayat[riwayat["dibatalkan_pada"].isna()]
    if not aktif.empty:
        with st.form("batal"):
            pilih = st.selectbox("Batalkan impor", list(aktif["id"]),
                                 format_func=lambda i: f"#{i} — {aktif.set_index('id').loc[i, 'file']}")
            nama = st.text_input("Nama petugas yang membatalkan")
            pin_batal = st.text_input("PIN ", type="password")
            if st.form_submit_button("Batalkan impor ini"):
                if pin_batal != os.environ.get("PKE_ADMIN_PIN") or not os.environ.get("PKE_ADMIN_PIN"):
                    st.error("PIN salah; tidak ada yang diubah.")
                elif not nama.strip():
                    st.error("Nama petugas wajib diisi.")
                else:
                    try:
                        n = impor.batalkan_impor(config.db_path(), int(pilih), nama.strip())
                    except impor.ImporError as e:
                        st.error(str(e))
                    else:
                        st.success(f"Impor #{pilih} dibatalkan; {fmt.angka(n)} baris dihapus.")
