"""Who is using this browser tab, and what they may see: the login form, the session cookie, logout, the page
check every page makes, by-name access with a stated purpose, and audit entries written before data is shown.

The session survives a browser refresh through a cookie holding a random token; Streamlit reads cookies on the
server (st.context.cookies) but cannot set one, so a tiny script in the page sets it. Only the token's sha256 is
kept in the operational store (pke.akun), where logout, deactivation and the timeouts revoke it. The token never
goes into a URL (links are shared and projected)."""
from __future__ import annotations

import json
import threading
from collections.abc import Callable

import streamlit as st

from pke import akun, audit, config, demo_akun, fmt, operasional
from pke.i18n import N_, bahasa, dalam_bahasa, t
from ui import halaman

KUKI = "pke_sesi"
_LOKAL = threading.local()

# Purposes a user may state before names and NIK are shown in full (UU 27/2022: processing has a purpose).
TUJUAN = {
    "verval": N_("Verifikasi dan validasi (verval) lapangan"),
    "penyaluran": N_("Penyaluran bantuan"),
    "pendampingan": N_("Pendampingan keluarga"),
    "pemadanan": N_("Pemadanan data (Dukcapil/DTKS)"),
    "pengaduan": N_("Penanganan pengaduan"),
}


def toko():
    """This thread's connection to the operational store: Streamlit runs each session's script in a thread of its
    own, and one SQLite connection must not carry two threads' transactions at once."""
    path = str(config.store_path())
    con = getattr(_LOKAL, "con", None)
    if con is None or getattr(_LOKAL, "path", None) != path:
        con = operasional.buka(path)
        _LOKAL.con, _LOKAL.path = con, path
    return con


# ---------- who is here ----------------------------------------------------------------------------

def sso_aktif() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets.toml at all
        return False


def pulihkan(db_demo: bool) -> akun.Pengguna | None:
    """The signed-in user of this run, checked against the store on every run (so a session revoked elsewhere
    ends at once), from this tab's state or from the cookie after a browser refresh; or from single sign-on."""
    con = toko()
    token = st.session_state.get("_token") or st.context.cookies.get(KUKI)
    # Cookies are read once per connection: after a logout the old token is still "sent" until the next reload.
    if not isinstance(token, str) or len(token) > 100 or token == st.session_state.get("_token_mati"):
        token = None
    u = akun.cek_sesi(con, token) if token else None
    if u is None and token:
        st.session_state["_token_mati"] = token
        st.session_state.pop("_token", None)
        if st.session_state.pop("_masuk", False):
            st.session_state["_pesan_sesi"] = t("Sesi berakhir (30 menit tanpa aktivitas, atau 8 jam). Silakan masuk "
                                                "lagi.")
        st.session_state["_kuki"] = ""  # drop the stale cookie
        token = None
    if (u is None and sso_aktif() and getattr(st.user, "is_logged_in", False)
            and st.user.get("email_verified") is not False):  # an address the identity provider has not verified
        u = akun.dari_email(con, st.user.get("email"))
        if u is not None:
            token = _mulai_sesi(u)
            audit.catat(con, u.nama, audit.MASUK, u.wilayah, {"cara": "sso"})
        else:
            st.session_state["_pesan_sesi"] = t("E-mail {email} belum terhubung ke akun dasbor ini; minta "
                                                "administrator menambahkannya.", email=fmt.aman(st.user.get("email")))
    if u is not None and u.demo and not db_demo:
        # Demo accounts have published passwords: they open the demo database only.
        akun.akhiri_sesi(con, token)
        st.session_state.pop("_token", None)
        st.session_state["_kuki"] = ""
        return None
    if u is not None:
        st.session_state["_token"] = token
        st.session_state["_masuk"] = True
    return u


def _mulai_sesi(u: akun.Pengguna) -> str:
    token = akun.buat_sesi(toko(), u.nama)
    st.session_state["_token"] = token
    st.session_state["_kuki"] = token
    st.session_state["_masuk"] = True
    return token


def tulis_kuki() -> None:
    """Set (or clear) the session cookie in the browser when this run changed it. SameSite=Strict keeps other
    sites from using it; Secure whenever the page is served over HTTPS (behind the office's reverse proxy)."""
    if "_kuki" not in st.session_state:
        return
    token = st.session_state.pop("_kuki")
    umur = akun.MAKS if token else 0
    st.html(f"""<script>
(() => {{
  const aman = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = {json.dumps(KUKI)} + '=' + {json.dumps(token)} + '; Path=/; Max-Age={umur}; SameSite=Strict' + aman;
}})();
</script>""", unsafe_allow_javascript=True)


def pengguna() -> akun.Pengguna | None:
    """The user app.py established for this run (None: nobody may see anything but the login page)."""
    return st.session_state.get("_pengguna")


def masuk(nama: str, sandi: str, db_demo: bool) -> bool:
    u = akun.masuk(toko(), nama, sandi, demo_boleh=db_demo)
    if u is None:
        return False
    _mulai_sesi(u)
    return True


def keluar() -> None:
    token = st.session_state.get("_token")
    akun.akhiri_sesi(toko(), token)
    # Everything this tab held (a built report, a checked upload, filters) belonged to the user who left.
    st.session_state.clear()
    st.session_state["_token_mati"] = token
    st.session_state["_kuki"] = ""
    if sso_aktif() and getattr(st.user, "is_logged_in", False):
        st.logout()


def agregat_publik() -> bool:
    return operasional.pengaturan(toko(), "agregat_publik", "0") == "1"


def pengguna_efektif(db_demo: bool) -> akun.Pengguna | None:
    """The signed-in user, or — on the labelled demo database, or where an administrator made aggregate views
    public — an anonymous visitor who may see aggregates only; else nobody."""
    u = pulihkan(db_demo)
    if u is None and (db_demo or agregat_publik()):
        return akun.ANONIM
    return u


def hak_anonim(u: akun.Pengguna | None) -> bool:
    return u is None or u.peran == akun.ANONIM.peran


def boleh(u: akun.Pengguna | None, hak: str) -> bool:
    return u is not None and u.boleh(hak)  # the anonymous visitor's rights are pke.akun.HAK_ANONIM


def halaman_untuk(u: akun.Pengguna | None) -> list[halaman.Halaman]:
    """The pages this user's navigation offers: the login page to anyone not signed in, the rest by right."""
    hasil = []
    for h in halaman.HALAMAN:
        if h.hak == "":
            if hak_anonim(u):
                hasil.append(h)
        elif boleh(u, h.hak):
            hasil.append(h)
    return hasil


def lewat_app(url: str) -> None:
    """Make sure this run came through app.py (its navigation, login and context)."""
    if "_pengguna" not in st.session_state and not st.session_state.get("_ulang_lewat_app"):
        # This run did not go through app.py: Streamlit ran the page alone, as a legacy pages/ folder app, which
        # it does for a deep link opened before any session has called st.navigation. Nothing is shown; the
        # switch goes through app.py (ui/halaman.py has switched the legacy mode off for the process), which then
        # opens this page with its query parameters from the registry's navigation.
        st.session_state["_ulang_lewat_app"] = True
        st.session_state["_tujuan"] = (url, dict(st.query_params))  # app.py opens it again, through the registry
        halaman.matikan_folder_pages()
        st.switch_page("app.py")


def izinkan(url: str) -> akun.Pengguna:
    """Every page calls this first: the navigation already hides what a user may not open, but a page checks
    again, so a link, a stale tab or a page switch cannot get round it. Returns the user."""
    h = halaman.PER_URL[url]
    lewat_app(url)
    u = pengguna()
    if not boleh(u, h.hak):
        st.error(t("Anda tidak berhak membuka halaman {judul}. Masuk dengan akun yang berhak, atau hubungi "
                   "administrator.", judul=t(h.judul)))
        st.stop()
    if u.lingkup is None:
        st.error(t("Akun Anda belum memiliki wilayah kerja, jadi tidak ada data yang dapat ditampilkan. Hubungi "
                   "administrator."))
        st.stop()
    return u


# ---------- audit and by-name access ----------------------------------------------------------------

def catat(aksi: str, lingkup: str = "", rincian: dict | None = None, sekali: bool = False) -> None:
    """Write an audit entry before the data it describes is shown or sent. If the log cannot be written the
    request is refused: nothing is shown. With `sekali`, an identical entry is written once per session (a
    rerun of the same list is not a new look at it)."""
    u = pengguna()
    if sekali:
        kunci = json.dumps([aksi, lingkup, rincian], sort_keys=True, default=str)
        dilihat = st.session_state.setdefault("_dilihat", set())
        if kunci in dilihat:
            return
    try:
        audit.catat(toko(), u.nama if u else None, aksi, lingkup, rincian)
    except audit.AuditError:
        st.error(t("Log audit tidak dapat ditulis, jadi data ini tidak ditampilkan. Hubungi administrator."))
        st.stop()
    if sekali:
        dilihat.add(kunci)


def unduhan(aksi: str, lingkup: str, rincian: dict, buat: Callable[[], bytes]) -> Callable[[], bytes]:
    """The data callback of a download button. Streamlit runs it only when the button is clicked, in a worker
    thread without the session (no st.session_state, no language of the run), so who, where and the language are
    taken now, when the button is drawn. The audit entry is written first: no entry, no file."""
    u = pengguna()
    nama, kode_bahasa = (u.nama if u else None), bahasa()

    def berkas() -> bytes:
        with dalam_bahasa(kode_bahasa):
            audit.catat(toko(), nama, aksi, lingkup, rincian)
            return buat()

    return berkas


def tujuan_akses(kunci: str) -> str | None:
    """For users allowed to see names and NIK in full: a switch, and a purpose they must state before anything is
    unmasked. Returns the purpose, or None (everything stays masked)."""
    u = pengguna()
    if not boleh(u, "nama_lengkap"):
        return None
    lengkap = st.toggle(t("Tampilkan NIK dan nama lengkap"), key=f"{kunci}_lengkap",
                        help=t("Data pribadi. Hanya untuk keperluan yang dinyatakan; tercatat di log audit. Jangan "
                               "tampilkan di layar rapat."))
    if not lengkap:
        return None
    tujuan = st.selectbox(t("Tujuan membuka data pribadi"), [""] + list(TUJUAN), key=f"{kunci}_tujuan",
                          format_func=lambda x: t(TUJUAN[x]) if x else t("— pilih tujuan —"))
    if not tujuan:
        st.info(t("Pilih tujuan dulu; NIK dan nama tetap disamarkan sampai tujuan dinyatakan."))
        return None
    st.warning(t("NIK dan nama lengkap ditampilkan untuk {tujuan}. Akses ini tercatat atas nama {nama}.",
                 tujuan=t(TUJUAN[tujuan]).lower(), nama=u.nama))
    return tujuan


def akun_demo_tersedia() -> list[dict]:
    """The demo accounts (created on first use of a labelled demo database) for the login page to list."""
    demo_akun.pastikan(toko())
    return demo_akun.DAFTAR
