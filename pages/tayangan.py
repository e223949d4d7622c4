"""Tayangan Rapat: set up a slideshow of chosen views for the region and period chosen in the sidebar, shown in
presentation mode, stepped by keyboard (or a presenter's clicker) or on a timer. The slideshow is a link."""
import streamlit as st

from pke.i18n import t
import ui
from ui import halaman, tayangan

u = ui.izinkan("tayangan")
JUDUL = {h.url: t(h.judul) for h in halaman.HALAMAN}

k = ui.konteks()
ui.kepala_halaman(t("Tayangan rapat"), k)
st.markdown(t("Tayangan menampilkan halaman terpilih satu per satu dalam mode presentasi (huruf besar, tanpa panel "
              "samping, tanpa data pribadi) untuk wilayah dan periode yang dipilih di panel kiri."))

boleh = [v for v in tayangan.BOLEH if ui.akses.boleh(u, halaman.PER_URL[v].hak)]  # slides this user may open
pilih = st.multiselect(t("Halaman, berurutan"), boleh, default=[v for v in tayangan.BAWAAN if v in boleh],
                       format_func=JUDUL.get, placeholder=t("Pilih halaman"))
detik = st.selectbox(t("Ganti otomatis setiap"), [0, 15, 30, 45, 60, 90, 120], index=0,
                         format_func=lambda d: t("{d} detik", d=d) if d else t("tidak (pakai tombol/keyboard)"))
st.caption(t("Keyboard: → / PageDown / spasi = berikutnya, ← / PageUp = sebelumnya, Esc = selesai. Klik penunjuk "
             "presentasi (clicker) juga bekerja."))
if not pilih:
    st.info(t("Pilih sedikitnya satu halaman."))
    st.stop()

params = tayangan.url_tayangan(pilih, detik, dict(st.query_params))
st.markdown(t("Tautan tayangan ini (dapat dibagikan):"))
st.code(tayangan.tautan(pilih, detik, dict(st.query_params)), language=None)
if st.button(t("Mulai tayangan"), type="primary", icon=":material/play_arrow:"):
    st.switch_page(halaman.PER_URL[pilih[0]].berkas, query_params=params)
