"""Impor Data (administrators): upload a file, see what would be accepted and rejected (and why) before anything
is written, import it (only the kabupaten it touches are rewritten; a household file replaces the villages it
contains unless the whole kabupaten is chosen and confirmed), and undo an earlier import exactly. The upload is checked once per file (not
on every rerun), in a separate process with time and memory limits; imports and undos are audited under the
signed-in user's name."""
import datetime as dt

import streamlit as st

from pke import audit, config, fmt, impor, privasi, unggah
from pke.i18n import t
import ui

u = ui.izinkan("impor")
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
    "target": t("Kolom: kode_wilayah (kabupaten/kota, kecamatan atau desa prioritas), klaster, tahun, triwulan, "
                "target_keluarga."),
    "individu": t("Kolom ekspor individu P3KE: id_individu, id_keluarga_p3ke, nik; opsional nama/nama_lengkap, "
                  "jenis_kelamin, hubungan_dengan_kepala_keluarga, tanggal_lahir, pekerjaan, disabilitas, keterangan."),
    "sektor": t("Kolom: sumber (mis. Disperakim RTLH, DTKS), kode_kemendagri, nik dan/atau id; opsional klaster, "
                "status."),
}[jenis])
berkas = st.file_uploader(t("Berkas"), type=["xlsx", "csv"],
                          help=t("Paling besar {mb} MB dan {baris} baris; buku kerja bermakro (.xlsm) tidak diterima.",
                                 mb=unggah.BATAS_UNGGAH // 2**20, baris=fmt.angka(unggah.BATAS_BARIS)))
snapshot = st.date_input(t("Tanggal data P3KE (snapshot)"), value=dt.date.today(), format="DD/MM/YYYY")
petugas = u.nama
# The region this file is for, within the user's scope: rows placed elsewhere are refused, never written.
pilihan_wilayah = [u.lingkup] + [r.kode for r in ui.kueri("wilayah_anak", induk=u.lingkup).itertuples()
                                 if r.kode != u.lingkup]
nama_wilayah = {u.lingkup: t("Seluruh wilayah akses Anda ({kode})", kode=u.lingkup or t("nasional"))} | {
    r.kode: f"{r.nama} ({r.kode})" for r in ui.kueri("wilayah_anak", induk=u.lingkup).itertuples()}
wilayah_impor = st.selectbox(t("Wilayah berkas ini"), pilihan_wilayah, format_func=nama_wilayah.get,
                             help=t("Baris di luar wilayah ini ditolak dengan alasannya."))
ganti = jenis == "keluarga" and st.checkbox(
    t("Ganti seluruh kabupaten (bukan hanya desa yang ada di berkas)"),
    help=t("Bawaan: berkas menggantikan keluarga di desa-desa yang ada di berkas saja; desa lain tetap. Bila "
           "dicentang, keluarga di desa lain kabupaten itu hilang dari data aktif (pemeriksaan menyebut jumlahnya)."))

if berkas is not None:
    isi = berkas.getvalue()
    # One check per file, kind and database version: a rerun (any click on the page) reuses it.
    kunci_periksa = (berkas.file_id, jenis, ui.versi_db(), wilayah_impor, ganti)
    simpanan = st.session_state.get("_impor_periksa")
    if simpanan and simpanan[0] == kunci_periksa:
        hasil = simpanan[1]
    else:
        try:
            with st.spinner(t("Memeriksa berkas… (di proses terpisah; halaman lain tetap melayani)")):
                hasil = unggah.periksa_terpisah(jenis, config.db_path(), isi, berkas.name, lingkup=wilayah_impor,
                                                ganti_kabupaten=ganti)
        except impor.ImporError as e:
            st.error(t("Berkas tidak dapat diimpor: {e}", e=fmt.aman(e)))
            st.stop()
        st.session_state["_impor_periksa"] = (kunci_periksa, hasil)
    for catatan in hasil.catatan:
        st.info(fmt.aman(catatan))
    kol = st.columns(2)
    kol[0].metric(t("Baris diterima"), fmt.angka(len(hasil.diterima)), border=True)
    kol[1].metric(t("Baris ditolak"), fmt.angka(hasil.baris_ditolak), border=True)
    if not hasil.ditolak.empty:
        st.markdown(t("**Baris yang ditolak** (nomor baris sesuai lembar; satu baris per masalah)"))
        ditolak = hasil.ditolak.head(500).assign(  # a NIK in a rejected cell is shown masked, like everywhere
            nilai=lambda d: d["nilai"].map(lambda v: privasi.samarkan_nik(v) if str(v).strip().isdigit()
                                           and len(str(v).strip()) >= 15 else v))
        ui.tabel(ditolak.rename(columns={"baris": t("Baris"), "kolom": t("Kolom"), "nilai": t("Nilai"),
                                                         "alasan": t("Alasan")}), tinggi=300)
        st.download_button(t("Unduh baris yang ditolak (CSV) untuk diperbaiki"), hasil.ditolak_csv(),
                           file_name=berkas.name.rsplit(".", 1)[0] + ".ditolak.csv", mime="text/csv",
                           icon=":material/download:")
    konfirmasi = True
    if hasil.ganti_kabupaten and hasil.hilang:
        st.warning(t("Mengganti seluruh kabupaten: {n} keluarga di desa yang tidak ada di berkas ini akan hilang dari "
                     "data aktif (tetap tersimpan sebagai data lama, dan impor dapat dibatalkan).",
                     n=fmt.angka(hasil.hilang)))
        konfirmasi = st.checkbox(t("Saya mengerti: {n} keluarga hilang dari data aktif", n=fmt.angka(hasil.hilang)))
    if st.button(t("Impor {n} baris", n=fmt.angka(len(hasil.diterima))), type="primary",
                 disabled=len(hasil.diterima) == 0 or not konfirmasi):
        bar = st.progress(0.0, text=t("Mengimpor"))
        try:
            selesai = impor.impor_berkas(
                jenis, config.db_path(), isi, berkas.name, petugas, snapshot, hasil=hasil, ganti_kabupaten=ganti,
                konfirmasi=konfirmasi,
                progres=lambda f, pesan: bar.progress(min(max(f, 0.0), 1.0), text=pesan))
        except impor.ImporError as e:
            bar.empty()
            st.error(t("Impor gagal, tidak ada yang ditulis: {e}", e=fmt.aman(e)))
        else:
            bar.empty()
            ui.akses.catat(audit.IMPOR, wilayah_impor, {"impor": selesai.id_impor, "jenis": jenis, "berkas": berkas.name,
                                                        "ganti_kabupaten": bool(ganti),
                                             "diterima": len(selesai.diterima), "ditolak": selesai.baris_ditolak})
            st.session_state.pop("_impor_periksa", None)
            st.success(t("Impor #{id} selesai: {ringkasan}", id=selesai.id_impor,
                         ringkasan=fmt.aman(selesai.ringkasan())))

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
            if st.form_submit_button(t("Batalkan impor ini")):
                try:
                    n = impor.batalkan_impor(config.db_path(), int(pilih), petugas)
                except impor.ImporError as e:
                    st.error(fmt.aman(e))
                else:
                    ui.akses.catat(audit.BATAL_IMPOR, "", {"impor": int(pilih), "baris": int(n)})
                    st.success(t("Impor #{id} dibatalkan: setiap tabel kembali persis seperti sebelum impor itu "
                                 "({n} baris impor itu dihapus).", id=pilih, n=fmt.angka(n)))
