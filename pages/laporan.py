"""Laporan: one click gathers the quarterly report of the selected region (headline figures, map, sector gaps,
progress against targets, the ranking of kabupaten or sub-regions, data-quality summary; each section with its key
message) and writes it as a PDF, a PowerPoint deck and an Excel workbook, offered for download. No personal data
is in any of them.

The three files are written when the report is made, not when a download button is clicked: Streamlit runs a
button's data callback outside the page, where an error could only vanish (the button then does nothing). Here a
file that cannot be written is an error on the page, with its reason; the download itself only writes the audit
entry and hands over the bytes."""
import logging

import streamlit as st

from pke import audit, fmt, laporan
from pke.i18n import BAHASA, N_, NAMA_BAHASA, bahasa, t
import ui


u = ui.izinkan("laporan")  # first: no page does anything before its right is checked
k = ui.konteks()
BENTUK = (  # format, writer, button label, MIME type, icon
    ("pdf", laporan.pdf, N_("Unduh PDF"), "application/pdf", ":material/picture_as_pdf:"),
    ("pptx", laporan.pptx, N_("Unduh PowerPoint"),
     "application/vnd.openxmlformats-officedocument.presentationml.presentation", ":material/slideshow:"),
    ("xlsx", laporan.xlsx, N_("Unduh Excel"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
     ":material/table_view:"),
)
log = logging.getLogger(__name__)
ui.kepala_halaman(t("Laporan triwulan"), k)
if not k.kode:
    st.info(t("Pilih provinsi, kabupaten/kota, kecamatan atau desa di panel kiri."))
    st.stop()
st.markdown(t("Laporan berisi: angka utama, peta kebutuhan, kebutuhan per sektor, progres terhadap target, peringkat "
              "kabupaten/kota (untuk provinsi) atau wilayah di bawahnya, dan ringkasan kualitas data; setiap bagian "
              "dibuka dengan satu kalimat pesan utama. Grafik dan peta disertakan sebagai gambar; tabel panjang "
              "berlanjut ke halaman atau slide berikutnya. Tanpa data pribadi."))
bahasa_lap = st.radio(t("Bahasa laporan"), BAHASA, index=BAHASA.index(bahasa()), format_func=NAMA_BAHASA.get,
                      horizontal=True)
kunci = (ui.versi_db(), u.lingkup, k.kode, k.tahun, k.triwulan, bahasa_lap)
siap = st.session_state.get("laporan")
if st.button(t("Buat laporan"), type="primary", icon=":material/description:"):
    st.session_state.pop("laporan", None)
    siap = None
    bar = st.progress(0.0, text=t("Memulai"))
    try:
        lap = ui.susun_laporan(k, bahasa_lap, lambda f, pesan: bar.progress(min(max(f, 0.0), 1.0) * 0.8, text=pesan))
    except Exception as e:  # noqa: BLE001 — whatever it is, the user sees it instead of an empty page
        log.exception("laporan %s %s tw%s", k.kode, k.tahun, k.triwulan)
        bar.empty()
        st.error(t("Laporan tidak dapat dibuat: {e}", e=fmt.aman(e)))
        st.stop()
    berkas: dict[str, bytes | str] = {}
    for i, (bentuk, tulis, *_) in enumerate(BENTUK):
        bar.progress(0.8 + 0.2 * i / len(BENTUK), text=t("Menulis {bentuk}", bentuk=bentuk.upper()))
        try:
            berkas[bentuk] = tulis(lap)
        except Exception as e:  # noqa: BLE001 — one format failing must not hide the others, nor itself
            log.exception("laporan.%s %s %s tw%s", bentuk, k.kode, k.tahun, k.triwulan)
            berkas[bentuk] = f"{type(e).__name__}: {e}"
    bar.empty()
    st.session_state["laporan"] = siap = (kunci, lap, berkas)

if siap and siap[0] == kunci:
    _, lap, berkas = siap
    st.success(t("Laporan {wilayah}, {periode} siap: {n} bagian.", wilayah=fmt.aman(lap.wilayah), periode=lap.periode,
                 n=len(lap.bagian)))
    for bentuk, _, *_ in BENTUK:
        if isinstance(berkas[bentuk], str):
            st.error(t("Berkas {bentuk} tidak dapat ditulis: {e}", bentuk=bentuk.upper(), e=fmt.aman(berkas[bentuk])))
    if ui.akses.boleh(u, "ekspor_agregat"):
        def unduh(bentuk: str):  # audited when the button is clicked; the file was written with the report
            isi = berkas[bentuk]
            return ui.akses.unduhan(audit.EKSPOR, k.kode, {"berkas": f"laporan.{bentuk}", "periode": lap.periode},
                                    lambda: isi)

        for kolom, (bentuk, _, label, mime, ikon) in zip(st.columns(len(BENTUK)), BENTUK):
            if isinstance(berkas[bentuk], bytes):
                kolom.download_button(t(label), unduh(bentuk), file_name=f"{lap.nama_berkas}.{bentuk}", mime=mime,
                                      icon=ikon, width="stretch")
            else:
                kolom.button(t(label), icon=ikon, width="stretch", disabled=True, key=f"tanpa_{bentuk}")
    else:
        st.info(t("Masuk dengan akun untuk mengunduh laporan (PDF, PowerPoint, Excel)."))
    st.markdown("**" + t("Isi laporan") + "**")
    for bag in lap.bagian:
        st.markdown(f"- {fmt.aman(bag.judul)}" + (f" — {t('tabel {n} baris', n=len(bag.tabel.tampil))}"
                                                  if bag.tabel is not None else "")
                    + (f"  \n  {fmt.aman(bag.pesan)}" if bag.pesan else ""))
