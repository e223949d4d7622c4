"""PKE Dashboard entry point: page config, the shared sidebar context, and navigation over views/."""
import streamlit as st

from pke import ui

st.set_page_config(page_title="Dasbor PKE", page_icon="📊", layout="wide")

halaman = st.navigation([
    st.Page("views/ringkasan.py", title="Ringkasan", icon=":material/dashboard:", url_path="ringkasan", default=True),
    st.Page("views/peta.py", title="Peta", icon=":material/map:", url_path="peta"),
    st.Page("views/sektor.py", title="Sektor", icon=":material/table_chart:", url_path="sektor"),
    st.Page("views/progres.py", title="Progres Triwulan", icon=":material/trending_up:", url_path="progres"),
    st.Page("views/evaluasi.py", title="Evaluasi Provinsi", icon=":material/leaderboard:", url_path="evaluasi"),
    st.Page("views/profil_desa.py", title="Profil Desa", icon=":material/home_pin:", url_path="desa"),
    st.Page("views/keluarga.py", title="Daftar Keluarga", icon=":material/groups:", url_path="keluarga"),
    st.Page("views/kolaborasi.py", title="Peluang Kolaborasi", icon=":material/handshake:", url_path="kolaborasi"),
    st.Page("views/kualitas.py", title="Kualitas Data", icon=":material/fact_check:", url_path="kualitas"),
    st.Page("views/impor.py", title="Impor Data", icon=":material/upload_file:", url_path="impor"),
])
# After st.navigation, so a deep link (e.g. /peta?wilayah=33.04) still opens its view once the build is done.
ui.pastikan_basis_data()

st.sidebar.markdown("## Dasbor PKE")
st.sidebar.caption("Penghapusan Kemiskinan Ekstrem")
st.session_state["konteks"] = ui.pilih_konteks()
if ui.meta().get("demo") == "ya":
    st.sidebar.warning("**Data demo** — sintetis, bukan data P3KE sebenarnya.")
if st.sidebar.button("Mode presentasi", icon=":material/slideshow:", help="Layar rapat: tanpa panel samping, huruf "
                     "besar, tanpa data pribadi. Juga lewat URL: ?presentasi=1"):
    st.query_params["presentasi"] = "1"
    st.rerun()
ui.terapkan_presentasi()

halaman.run()
