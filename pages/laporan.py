"""Laporan: one click gathers the quarterly report of the selected region (headline figures, map, sector gaps,
progress against targets, the ranking of kabupaten or sub-regions, data-quality summary) and offers it as a PDF,
a PowerPoint deck and an Excel workbook. No personal data is in any of them."""
import streamlit as st

from pke import audit, fmt, laporan
from pke.i18n import BAHASA, NAMA_BAHASA, bahasa, t
import ui

u = ui.izinkan("laporan")
k = ui.konteks()
ui.kepala_halaman(t("Laporan triwulan"), k)
if not k.kode:
    st.info(t("Pilih provinsi, kabupaten/kota, kecamatan atau desa di panel kiri."))
    st.stop()
st.markdown(t("Laporan berisi: angka utama, peta kebutuhan, kebutuhan per sektor, progres terhadap target, peringkat "
              "kabupaten/kota (untuk provinsi) atau wilayah di bawahnya, dan ringkasan kualitas data. Grafik dan peta "
              "disertakan sebagai gambar; tabel panjang berlanjut ke halaman atau slide berikutnya. Tanpa data "
              "pribadi."))
bahasa_lap = st.radio(t("Bahasa laporan"), BAHASA, index=BAHASA.index(bahasa()), format_func=NAMA_BAHASA.get,
                      horizontal=True)
kunci = (ui.versi_db(), u.lingkup, k.kode, k.tahun, k.triwulan, bahasa_lap)
siap = st.session_state.get("laporan")
if st.button(t("Buat laporan"), type="primary", icon=":material/description:"):
    bar = st.progress(0.0, text=t("Memulai"))
    lap = ui.susun_laporan(k, bahasa_lap, lambda f, pesan: bar.progress(min(max(f, 0.0), 1.0), text=pesan))
    bar.empty()
    st.session_state["laporan"] = siap = (kunci, lap)

if siap and siap[0] == kunci:
    lap = siap[1]
    st.success(t("Laporan {wilayah}, {periode} siap: {n} bagian.", wilayah=fmt.aman(lap.wilayah), periode=lap.periode,
                 n=len(lap.bagian)))
    if ui.akses.boleh(u, "ekspor_agregat"):
        def unduh(bentuk: str, tulis):  # audited when the file is built, i.e. when the button is clicked
            return ui.akses.unduhan(audit.EKSPOR, k.kode, {"berkas": f"laporan.{bentuk}", "periode": lap.periode},
                                    lambda: tulis(lap))

        a, b, c = st.columns(3)
        a.download_button(t("Unduh PDF"), unduh("pdf", laporan.pdf), file_name=f"{lap.nama_berkas}.pdf",
                          mime="application/pdf", icon=":material/picture_as_pdf:", width="stretch")
        b.download_button(t("Unduh PowerPoint"), unduh("pptx", laporan.pptx), file_name=f"{lap.nama_berkas}.pptx",
                          mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                          icon=":material/slideshow:", width="stretch")
        c.download_button(t("Unduh Excel"), unduh("xlsx", laporan.xlsx), file_name=f"{lap.nama_berkas}.xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          icon=":material/table_view:", width="stretch")
    else:
        st.info(t("Masuk dengan akun untuk mengunduh laporan (PDF, PowerPoint, Excel)."))
    st.markdown("**" + t("Isi laporan") + "**")
    for bag in lap.bagian:
        st.markdown(f"- {fmt.aman(bag.judul)}" + (f" — {t('tabel {n} baris', n=len(bag.tabel.tampil))}"
                                        if bag.tabel is not None else ""))
