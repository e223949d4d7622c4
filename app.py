"""PKE Dashboard entry point: language, page config, who the user is, the shared sidebar context, and navigation
over the page registry (ui/halaman.py) limited to the pages the user may open."""
import streamlit as st

from pke import config
from pke.i18n import t
import ui
from ui import akses

st.set_page_config(page_title="Dasbor PKE", page_icon="📊", layout="wide")
ui.bahasa_dari_url()
ui.gaya_umum()

# A missing database is about to be built as the labelled demo (ui.pastikan_basis_data).
db_demo = not config.db_path().exists() or ui.meta().get("demo") == "ya"
st.session_state["_db_demo"] = db_demo
pengguna = akses.pengguna_efektif(db_demo)
st.session_state["_pengguna"] = pengguna

boleh = akses.halaman_untuk(pengguna)
# "/" is Ringkasan whenever the user may see it, so links keep their meaning whoever opens them.
awal = "ringkasan" if any(h.url == "ringkasan" for h in boleh) else boleh[0].url
halaman = st.navigation([st.Page(h.berkas, title=t(h.judul), icon=h.ikon, url_path=h.url, default=(h.url == awal))
                         for h in boleh])
tujuan = st.session_state.pop("_tujuan", None)
if tujuan and any(h.url == tujuan[0] for h in boleh):
    # A deep link that Streamlit first ran as a lone page (ui.akses.izinkan): open it now, through the registry.
    st.switch_page(akses.halaman.PER_URL[tujuan[0]].berkas, query_params=tujuan[1])
if (akses.hak_anonim(pengguna) and halaman.url_path == "" and awal != "masuk" and not st.session_state.get("_sambut")
        and not set(st.query_params) - {"bahasa"}):
    # A visitor arriving at a bare "/" starts on the login page, which lists the demo accounts (once per session);
    # a link naming a region or a slideshow opens what it names.
    st.session_state["_sambut"] = True
    st.switch_page("pages/masuk.py", query_params=dict(st.query_params))
# After st.navigation, so a deep link (e.g. /peta?wilayah=33.04) still opens its view once the build is done.
ui.pastikan_basis_data()
akses.tulis_kuki()

st.sidebar.markdown("## " + t("Dasbor PKE"))
st.sidebar.caption(t("Penghapusan Kemiskinan Ekstrem"))
ui.kotak_pengguna(pengguna)
ui.pilih_bahasa()
if pengguna is not None and pengguna.lingkup is not None:
    st.session_state["konteks"] = ui.pilih_konteks()
    if not ui.presentasi():  # the sidebar is hidden on the wall
        ui.cari_desa(st.session_state["konteks"].tahun)
if db_demo:
    st.sidebar.warning(t("**Data demo** — sintetis, bukan data P3KE sebenarnya."))
elif ui.meta().get("demo") == "campuran":
    st.sidebar.warning(t("**Sebagian data demo** — kabupaten yang belum diimpor berisi data sintetis."))
if akses.boleh(pengguna, "presentasi") and st.sidebar.button(
        t("Mode presentasi"), icon=":material/slideshow:",
        help=t("Layar rapat: tanpa panel samping, huruf besar, tanpa data pribadi. Juga lewat URL: ?presentasi=1")):
    st.query_params["presentasi"] = "1"
    st.rerun()
url_kini = halaman.url_path or awal  # the start page is served at "/"
if st.session_state.get("_url_kini") != url_kini:
    # another view: its URL choices (ui.pilih_url) start from its own URL and defaults — `urut` or `prioritas`
    # mean different things on Evaluasi, Peringkat Desa and the register, and Streamlit would drop the previous
    # view's widget state only after this run
    for kunci in [x for x in st.session_state if isinstance(x, str) and x.startswith("url_")]:
        del st.session_state[kunci]
    st.session_state["_url_kini"] = url_kini
if "konteks" in st.session_state:  # a slide needs a region and period; a visitor of a closed database has none
    ui.terapkan_presentasi(url_kini)

halaman.run()
