"""The page registry: every view listed once — its file, title, icon, the right a user needs to open it, and
whether it may be shown on the wall (presentation mode and the meeting slideshow). app.py builds the navigation
from it, each page checks it again, and the slideshow, the tests and the benchmarks read it."""
from __future__ import annotations

from dataclasses import dataclass

from pke.i18n import N_


@dataclass(frozen=True)
class Halaman:
    url: str        # url path ("ringkasan" is also served at "/")
    berkas: str     # the script, relative to the app's folder
    judul: str      # title, translated with t() where shown
    ikon: str
    hak: str        # the right (pke.akun.HAK) a user needs to open it; "" = the login page, for those not signed in
    dinding: bool   # may be a slide: shows no personal data and no widgets in presentation mode


HALAMAN: tuple[Halaman, ...] = (
    Halaman("masuk", "pages/masuk.py", N_("Masuk"), ":material/login:", "", False),
    Halaman("ringkasan", "pages/ringkasan.py", N_("Ringkasan"), ":material/dashboard:", "agregat", True),
    Halaman("peta", "pages/peta.py", N_("Peta"), ":material/map:", "agregat", True),
    Halaman("sektor", "pages/sektor.py", N_("Sektor"), ":material/table_chart:", "agregat", True),
    Halaman("peringkat_desa", "pages/peringkat_desa.py", N_("Peringkat Desa"), ":material/format_list_numbered:",
            "agregat", True),
    Halaman("progres", "pages/progres.py", N_("Progres Triwulan"), ":material/trending_up:", "agregat", True),
    Halaman("evaluasi", "pages/evaluasi.py", N_("Evaluasi Provinsi"), ":material/leaderboard:", "agregat", True),
    Halaman("desa", "pages/profil_desa.py", N_("Profil Desa"), ":material/home_pin:", "agregat", True),
    Halaman("register_desa_prioritas", "pages/register_desa_prioritas.py", N_("Register Desa Prioritas"),
            ":material/assignment_ind:", "agregat", True),
    Halaman("keluarga", "pages/keluarga.py", N_("Daftar Keluarga"), ":material/groups:", "daftar_nama", False),
    Halaman("kolaborasi", "pages/kolaborasi.py", N_("Peluang Kolaborasi"), ":material/handshake:", "agregat", True),
    Halaman("kualitas", "pages/kualitas.py", N_("Kualitas Data"), ":material/fact_check:", "agregat", True),
    Halaman("laporan", "pages/laporan.py", N_("Laporan"), ":material/description:", "agregat", False),
    Halaman("lapor_opd", "pages/lapor_opd.py", N_("Laporan OPD"), ":material/assignment_turned_in:", "pantau_laporan",
            False),
    # On the wall it is the slide "Tindak lanjut rakor lalu": the counts and a static table, no account names.
    Halaman("tindak_lanjut", "pages/tindak_lanjut.py", N_("Tindak Lanjut Rakor"), ":material/task_alt:",
            "tindak_lanjut", True),
    Halaman("tayangan", "pages/tayangan.py", N_("Tayangan Rapat"), ":material/slideshow:", "presentasi", False),
    Halaman("impor", "pages/impor.py", N_("Impor Data"), ":material/upload_file:", "impor", False),
    Halaman("akun", "pages/akun.py", N_("Akun Pengguna"), ":material/manage_accounts:", "akun", False),
    Halaman("audit", "pages/audit.py", N_("Log Audit"), ":material/policy:", "audit", False),
)
PER_URL: dict[str, Halaman] = {h.url: h for h in HALAMAN}
DINDING: tuple[str, ...] = tuple(h.url for h in HALAMAN if h.dinding)


def matikan_folder_pages() -> None:
    """Streamlit treats a `pages/` folder beside the entry point as a legacy multipage app until some run calls
    st.navigation; a deep link opened first after the server starts would then run its page without app.py (no
    login, no context). The registry above is the only source of pages, so the legacy mode is off from the start."""
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False


matikan_folder_pages()
