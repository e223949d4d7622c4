"""PKE Dashboard entry point: language, page config, the shared sidebar context, and navigation over the page registry (ui/halaman.py)."""
import streamlit as st

from pke.i18n import t
import ui
from ui import halaman as daftar_halaman, tayangan

st.set_page_config(page_title="Dasbor PKE", page_icon="📊", layout="wide")
ui.bahasa_dari_url()
ui.gaya_umum()

halaman = st.navigation([st.Page(h.berkas, title=t(h.judul), icon=h.ikon, url_path=h.url, default=(h.url == "ringkasan"))
                         for h in daftar_halaman.HALAMAN])
# After st.navigation, so a deep link (e.g. /peta?wilayah=33.04) still opens its view once the build is done.
ui.pastikan_basis_data()

st.sidebar.markdown("## " + t("Dasbor PKE"))
st.sidebar.caption(t("Penghapusan Kemiskinan Ekstrem"))
ui.pilih_bahasa()
st.session_state["konteks"] = ui.pilih_konteks()
if ui.meta().get("demo") == "ya":
    st.sidebar.warning(t("**Data demo** — sintetis, bukan data P3KE sebenarnya."))
if st.sidebar.button(t("Mode presentasi"), icon=":material/slideshow:",
                     help=t("Layar rapat: tanpa panel samping, huruf besar, tanpa data pribadi. Juga lewat URL: "
                            "?presentasi=1")):
    st.query_params["presentasi"] = "1"
    st.rerun()
ui.terapkan_presentasi(dalam_tayangan=tayangan.aktif(halaman.url_path))
tayangan.kendali(halaman.url_path)

halaman.run()
