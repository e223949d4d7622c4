"""Streamlit glue shared by the pages: the read-only connection, cached queries, the region and period
selectors (kept in st.query_params so every view is a shareable URL), and page headers.

Pages compose these with pke.charts and pke.maps; they never open files or write SQL."""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

import duckdb
import pandas as pd
import streamlit as st

from pke import akun, config, db, fmt, klaster, laporan, operasional
from pke.i18n import BAHASA, N_, NAMA_BAHASA, atur_bahasa, bahasa, t
from ui import akses
from ui.akses import izinkan, pengguna  # noqa: F401  (pages call ui.izinkan)

TINGKAT_LABEL = {"provinsi": N_("Provinsi"), "kabupaten": N_("Kabupaten/Kota"), "kecamatan": N_("Kecamatan"),
                 "desa": N_("Desa/Kelurahan")}
PANJANG_ANAK = {0: 2, 2: 5, 5: 8, 8: 13, 13: 13}


# ---------- database -------------------------------------------------------------------------------

_PEMBACA: dict[str, db.Pembaca] = {}
_KUNCI_KONEKSI = threading.RLock()


def pembaca(path: str) -> db.Pembaca:
    """The process's reader of database `path` (pke.db.Pembaca: a connection per catalog version, never closed
    under a running query)."""
    with _KUNCI_KONEKSI:
        if path not in _PEMBACA:
            _PEMBACA[path] = db.Pembaca(path)
        return _PEMBACA[path]


def versi_db() -> tuple[str, tuple]:
    path = str(config.db_path())
    return path, pembaca(path).versi()


@st.cache_data(show_spinner=False, max_entries=1024)
def _kueri(nama: str, path: str, versi: tuple, params: tuple, versi_toko: tuple | None = None) -> pd.DataFrame:
    cur = pembaca(path).kursor()
    try:
        return db.jalankan(cur, nama, **dict(params))
    finally:
        cur.close()


def kueri(nama: str, **params) -> pd.DataFrame:
    """Run a named query of queries/ with $named parameters; cached per database version and, for every query
    that can return regions or households, per user scope: the signed-in user's region subtree is passed as
    $lingkup, never taken from the page or the URL. Cluster labels come back in the language of the run."""
    if "lingkup" in db.parameter(nama):
        u = akses.pengguna()
        if u is None or u.lingkup is None:
            st.error(t("Tidak ada wilayah akses untuk pengguna ini; tidak ada data yang ditampilkan."))
            st.stop()
        params["lingkup"] = u.lingkup
    return kueri_dalam_lingkup(nama, **params)


def kueri_dalam_lingkup(nama: str, **params) -> pd.DataFrame:
    """kueri() with the scope passed explicitly (`lingkup=` taken from the signed-in user when the page was drawn):
    for download callbacks, which Streamlit runs outside the session."""
    path, versi = versi_db()
    try:
        # targets and approved OPD reports come from the operational store: its own version keys the cache too
        versi_toko = ((str(config.store_path()), operasional.versi_kueri(akses.toko()))
                      if db.membaca_operasional(nama) else None)
        return klaster.terjemahkan(_kueri(nama, path, versi, tuple(sorted(params.items())), versi_toko))
    except (duckdb.CatalogException, duckdb.BinderException) as e:
        # A database built by an older version lacks what the queries now read: say how to fix it.
        st.error(t("Basis data {path} dibuat oleh versi dasbor yang lebih lama dan tidak cocok dengan kueri "
                   "'{nama}'. Bangun ulang: `python -m pke demo` (atau impor ulang data). Rincian: {e}",
                   path=path, nama=nama, e=e))
        st.stop()


def susun_laporan(k: Konteks, bahasa_laporan: str, progres_cb=None) -> laporan.Laporan:
    """Gather the quarterly report of the context's region, within the user's scope, on the app's read-only
    connection, with the meeting follow-ups from the operational store."""
    from pke import tindak_lanjut

    path, _ = versi_db()
    lingkup = akses.pengguna().lingkup
    # the meeting decisions concerning the region, for those who may see them (pimpinan, analysts, OPD)
    keputusan = (tindak_lanjut.daftar(akses.toko(), k.kode, lingkup)
                 if akses.boleh(akses.pengguna(), "tindak_lanjut") else None)
    cur = pembaca(path).kursor()
    try:
        return laporan.susun(cur, k.kode, k.tahun, k.triwulan, bahasa_laporan, progres_cb=progres_cb,
                             lingkup=lingkup, tindak_lanjut=keputusan)
    finally:
        cur.close()


# The first start's demo build and the background completion of its province live in ui/bangun.py.
from ui.bangun import pastikan_basis_data  # noqa: E402,F401


def pesan(view: str, k: "Konteks", **pilihan) -> str:
    """The key message of wall view `view` for context `k` and the view's choices (pke.pesan: the same sentence
    the report carries), over this session's cached, scoped queries."""
    from pke import pesan as p

    return getattr(p, view)(kueri, k.kode, k.tahun, k.triwulan, k.nama, **pilihan)


def klaster_terbesar(k: "Konteks") -> str:
    """The region's biggest remaining gap: the cluster a slide opens on (and the report's map shows)."""
    from pke import pesan as p

    return p.klaster_terbesar(kueri, k.kode, k.tahun, k.triwulan)


def meta() -> dict[str, str]:
    df = kueri("meta")
    return dict(zip(df["kunci"], df["nilai"]))


# ---------- context: region and period -------------------------------------------------------------

@dataclass
class Konteks:
    kode: str                     # '' means every region in the database
    tahun: int
    triwulan: int
    jalur: list[tuple[str, str, str]] = field(default_factory=list)  # (kode, nama, tingkat) from province down

    @property
    def nama(self) -> str:
        return self.jalur[-1][1] if self.jalur else t("Semua wilayah")

    @property
    def tingkat(self) -> str:
        return self.jalur[-1][2] if self.jalur else "nasional"

    @property
    def periode(self) -> str:
        return fmt.triwulan(self.tahun, self.triwulan)

    @property
    def panjang_anak(self) -> int:
        return PANJANG_ANAK[len(self.kode)]

    @property
    def params(self) -> dict:
        return {"kode": self.kode, "tahun": self.tahun, "triwulan": self.triwulan}

    def judul_wilayah(self) -> str:
        return " › ".join(n for _, n, _ in self.jalur) or t("Semua wilayah")


_LEVEL = (("w_prov", "provinsi", 2), ("w_kab", "kabupaten", 5), ("w_kec", "kecamatan", 8), ("w_desa", "desa", 13))
POLA_KODE = re.compile(r"[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?")


def angka_url(kunci: str, minimum: int, maksimum: int) -> int | None:
    """An integer URL parameter in [minimum, maksimum], or None: ASCII digits only (str.isdigit accepts '²')."""
    nilai = st.query_params.get(kunci, "")
    if not re.fullmatch(r"[0-9]{1,9}", nilai):
        return None
    n = int(nilai)
    return n if minimum <= n <= maksimum else None


def kode_url() -> str | None:
    """?wilayah= as a Kemendagri code, '' when absent, None when it is not a code at all."""
    kode = st.query_params.get("wilayah", "")
    return kode if kode == "" or POLA_KODE.fullmatch(kode) else None


def buka_wilayah(kode: str, halaman: str) -> None:
    """Go to region `kode` on another view (e.g. from a table row). The sidebar widgets already exist in
    this run, so the new region is applied at the start of the next one. Presentation mode, a slideshow and the
    language stay as they are (a presenter drilling down on the wall stays on the wall)."""
    st.session_state["_pindah_wilayah"] = kode
    tetap = {p: st.query_params[p] for p in ("presentasi", "tayang", "detik", "bahasa", "tahun", "tw")
             if st.query_params.get(p)}
    st.switch_page(halaman, query_params={**tetap, "wilayah": kode})


def tautan_profil_desa(kode_nama: dict[str, str], label: str | None = None, kunci: str = "profil") -> None:
    """A picker under a table that lists villages: choosing one opens its Profil Desa (not in presentation mode)."""
    if presentasi():
        return
    desa = st.selectbox(label or t("Buka profil desa"), [""] + list(kode_nama),
                        format_func=lambda x: kode_nama[x] if x else t("— pilih desa —"), key=f"profil_{kunci}")
    if desa:
        buka_wilayah(desa, "pages/profil_desa.py")


def _awal_dari_url() -> str | None:
    """Seed the widgets' state from the URL once per session, so a shared link opens the same view."""
    pindah = st.session_state.pop("_pindah_wilayah", None)
    if pindah is not None:
        for kunci, _, panjang in _LEVEL:
            st.session_state[kunci] = pindah[:panjang] if len(pindah) >= panjang else ""
        return
    if st.session_state.get("_konteks_awal"):
        return None
    st.session_state["_konteks_awal"] = True
    ditolak = None
    kode = kode_url()
    lingkup = akses.pengguna().lingkup
    if kode is None:
        ditolak, kode = t("Kode wilayah di tautan tidak sah; pilih wilayah di panel kiri."), lingkup
    elif kode and not akses.pengguna().mencakup(kode):
        ditolak = t("Wilayah {kode} di luar wilayah akses Anda; tidak ada data yang ditampilkan. Pilih wilayah di "
                    "panel kiri.", kode=kode)
        kode = lingkup
    elif not kode:
        kode = lingkup
    for kunci, _, panjang in _LEVEL:
        st.session_state[kunci] = kode[:panjang] if len(kode) >= panjang else ""
    tahun, tw = angka_url("tahun", 2000, 2100), angka_url("tw", 1, 4)
    if tahun is not None:
        st.session_state["tahun"] = tahun
    if tw is not None:
        st.session_state["tw"] = tw
    return ditolak


def pilih_konteks() -> Konteks:
    """Sidebar selectors: provinsi → kabupaten → kecamatan → desa, then year and quarter. Only regions inside the
    user's scope (and the path down to it) are offered; the levels above the scope are fixed. A URL naming a
    region outside the scope gets a message and the page shows nothing."""
    ditolak = _awal_dari_url()
    lingkup = akses.pengguna().lingkup or ""
    sb = st.sidebar
    sb.markdown("### " + t("Wilayah"))
    induk, jalur = "", []
    for kunci, tingkat, panjang in _LEVEL:
        opsi = kueri("wilayah_anak", induk=induk)
        if opsi.empty:
            break
        nama = dict(zip(opsi["kode"], opsi["nama"]))
        wajib = tingkat == "provinsi" or panjang <= len(lingkup)
        # "" means "all of them": None would render as an empty placeholder, not as a choice.
        pilihan = list(opsi["kode"]) if wajib else [""] + list(opsi["kode"])
        if st.session_state.get(kunci) not in pilihan:
            st.session_state[kunci] = pilihan[0]
        nilai = sb.selectbox(
            t(TINGKAT_LABEL[tingkat]), pilihan, key=kunci,
            format_func=lambda k, n=nama, tk=tingkat: n.get(k, k) if k else t("— Semua {tingkat} —",
                                                                                 tingkat=t(TINGKAT_LABEL[tk]).lower()),
        )
        if not nilai:
            break
        jalur.append((nilai, nama[nilai], tingkat))
        induk = nilai
    # Clear the levels below the last chosen one so a changed kabupaten does not keep an old kecamatan.
    for kunci, _, panjang in _LEVEL[len(jalur) + 1:]:
        st.session_state[kunci] = ""

    periode = kueri("periode")
    sb.markdown("### " + t("Periode"))
    tahun_opsi = sorted(periode["tahun"].unique().tolist(), reverse=True)
    if st.session_state.get("tahun") not in tahun_opsi:
        st.session_state["tahun"] = tahun_opsi[0]
    tahun = sb.selectbox(t("Tahun"), tahun_opsi, key="tahun")
    tw_opsi = sorted(periode.loc[periode["tahun"] == tahun, "triwulan"].tolist())
    if st.session_state.get("tw") not in tw_opsi:
        st.session_state["tw"] = tw_opsi[-1]
    tw = sb.selectbox(t("Triwulan"), tw_opsi, key="tw", format_func=lambda x: t("Triwulan {tw}", tw=fmt.ROMAWI[x]))

    kode = jalur[-1][0] if jalur else ""
    st.query_params["wilayah"] = kode
    st.query_params["tahun"] = str(tahun)
    st.query_params["tw"] = str(tw)
    if ditolak:
        st.error(ditolak)
        st.stop()
    if not akses.pengguna().mencakup(kode):  # a database whose regions all lie outside the scope
        st.error(t("Tidak ada data di wilayah akses Anda."))
        st.stop()
    return Konteks(kode=kode, tahun=int(tahun), triwulan=int(tw), jalur=jalur)


def cari_desa(tahun: int) -> None:
    """The sidebar's village search: a name (or part of one) lists up to twelve villages of the user's region,
    priority villages first; a click opens that village's Profil Desa."""
    sb = st.sidebar
    if st.session_state.pop("_cari_selesai", False):  # the village was opened: an empty box on the next page
        st.session_state["cari_desa"] = ""
    cari = sb.text_input(t("Cari desa"), key="cari_desa", max_chars=60, placeholder=t("nama desa, mis. Karanglangu"),
                         help=t("Ketik sedikitnya 3 huruf nama desa/kelurahan di wilayah Anda."))
    cari = " ".join(cari.split())
    if len(cari) < 3:
        return
    hasil = kueri("cari_desa", cari=cari, tahun=tahun)
    if hasil.empty:
        sb.caption(t("Tidak ada desa yang namanya memuat “{cari}” di wilayah Anda.", cari=fmt.aman(cari)))
        return
    for r in hasil.itertuples():
        label = f"{'★ ' if r.prioritas else ''}{fmt.aman(r.nama)} · {fmt.aman(r.kecamatan)} · {fmt.aman(r.kabupaten)}"
        if sb.button(label, key=f"cari_{r.kode}", type="tertiary", icon=":material/home_pin:"):
            st.session_state["_cari_selesai"] = True
            buka_wilayah(r.kode, "pages/profil_desa.py")


def konteks() -> Konteks:
    """The context chosen in the sidebar by app.py on this run."""
    return st.session_state["konteks"]


def pilih_url(label: str, opsi: list, kunci_url: str, format_func=str, horizontal: bool = True, radio: bool = False,
              bawaan=None):
    """A page-level choice (cluster, measure...) that lives in the URL as ?kunci_url=value. In presentation mode
    no widget is drawn: the value comes from the URL (a prepared link or slideshow) or is `bawaan` (e.g. the
    region's biggest gap), else the first option."""
    kunci = f"url_{kunci_url}"
    awal = bawaan if bawaan in opsi else opsi[0]
    if presentasi():  # the URL decides on the wall (else the default), never a choice left from another view
        dari_url = st.query_params.get(kunci_url)
        return dari_url if dari_url in opsi else awal
    if kunci not in st.session_state:
        dari_url = st.query_params.get(kunci_url)
        st.session_state[kunci] = dari_url if dari_url in opsi else awal
    if radio:
        nilai = st.radio(label, opsi, key=kunci, format_func=format_func, horizontal=horizontal)
    else:
        nilai = st.selectbox(label, opsi, key=kunci, format_func=format_func)
    st.query_params[kunci_url] = nilai
    return nilai


# ---------- the user ---------------------------------------------------------------------------------

def kotak_pengguna(u: akun.Pengguna | None) -> None:
    """Who is signed in (name, role, region) with a logout button; or a way to the login page."""
    sb = st.sidebar
    if u is None or akses.hak_anonim(u):
        if u is not None:
            sb.caption(t("Belum masuk: hanya tampilan agregat."))
        sb.page_link("pages/masuk.py", label=t("Masuk"), icon=":material/login:")
        return
    wilayah = t("Nasional") if u.wilayah == akun.NASIONAL else u.wilayah
    sb.markdown(t("**{nama}** · {peran}", nama=fmt.aman(u.nama), peran=t(akun.LABEL_PERAN[u.peran]))
                + (f" · {fmt.aman(u.opd)}" if u.opd else ""))
    sb.caption(t("Wilayah kerja: {wilayah}", wilayah=fmt.aman(wilayah)))
    if sb.button(t("Keluar"), icon=":material/logout:", key="keluar"):
        akses.keluar()
        st.rerun()


# ---------- language -------------------------------------------------------------------------------

def bahasa_dari_url() -> str:
    """Set this run's language from ?bahasa= (id or en); called first thing by app.py."""
    kode = atur_bahasa(st.query_params.get("bahasa", "id"))
    st.query_params["bahasa"] = kode
    return kode


def pilih_bahasa() -> None:
    """The language switch in the sidebar; the choice lives in the URL so a shared link keeps it."""
    kini = bahasa()
    pilih = st.sidebar.radio("Bahasa / Language", BAHASA, index=BAHASA.index(kini), format_func=NAMA_BAHASA.get,
                             horizontal=True, key=f"bahasa_{kini}")
    if pilih != kini:
        st.query_params["bahasa"] = pilih
        st.rerun()


# ---------- presentation mode ----------------------------------------------------------------------

# Always: captions at full opacity in a dark grey (Streamlit's default faded caption is about 3:1, below WCAG AA).
GAYA_UMUM = """
<style>
[data-testid="stCaptionContainer"] {opacity: 1 !important; color: #3e4c59 !important;}
[data-testid="stMain"] button:disabled, [data-testid="stMain"] button:disabled * {color: #616e7c !important;}
.pke-pesan {font-size: 1.15rem; font-weight: 600; color: #102a43; border-left: 4px solid #D55E00;
  padding: 2px 0 2px 10px; margin: 2px 0 6px 0;}
.pke-demo {position: fixed; right: 10px; bottom: 8px; z-index: 1000; background: #fff4e5; color: #6b3a00;
  border: 1px solid #d9822b; border-radius: 6px; padding: 1px 8px; font-size: 18px; font-weight: 700;}
</style>
"""


def gaya_umum() -> None:
    st.markdown(GAYA_UMUM, unsafe_allow_html=True)


def presentasi() -> bool:
    """Presentation mode (?presentasi=1): no sidebar or widgets, large type, no personal data anywhere."""
    return st.query_params.get("presentasi") == "1"


def terapkan_presentasi(url: str) -> None:
    """Presentation mode's look (ui.dinding.GAYA). A view meant for the wall draws its own slide header with the
    exit and stepping buttons (ui.dinding); any other view gets an exit button here."""
    if not presentasi():
        return
    from ui import dinding, halaman

    st.markdown(dinding.GAYA, unsafe_allow_html=True)
    if url in halaman.DINDING:
        return
    if st.button(t("Keluar dari mode presentasi"), icon=":material/close_fullscreen:", type="tertiary"):
        del st.query_params["presentasi"]
        st.rerun()


def tolak_data_pribadi_saat_presentasi(apa: str) -> None:
    """Views that list people stop here in presentation mode: personal data never goes on the wall."""
    if presentasi():
        st.info(t("{apa} tidak ditampilkan dalam mode presentasi karena memuat data pribadi.", apa=apa))
        st.stop()


# ---------- page furniture -------------------------------------------------------------------------

def badge_demo() -> None:
    """On the wall the demo label is a small corner badge, not a line above the content."""
    demo = meta().get("demo")
    if demo in ("ya", "campuran"):
        teks = t("DATA DEMO") if demo == "ya" else t("Sebagian DATA DEMO")
        st.markdown(f'<div class="pke-demo">{fmt.html_aman(teks)}</div>', unsafe_allow_html=True)


def label_demo() -> None:
    if presentasi():
        badge_demo()
        return
    demo = meta().get("demo")
    if demo == "ya":
        st.caption(t("⚠️ **DATA DEMO** — keluarga dan individu sintetis di atas wilayah dan batas desa yang nyata; "
                     "bukan data P3KE sebenarnya."))
    elif demo == "campuran":
        st.caption(t("⚠️ **Sebagian DATA DEMO** — basis data demo yang sudah menerima data impor: kabupaten yang "
                     "tidak diimpor masih berisi keluarga sintetis. Akun demo tidak berlaku lagi."))


def kepala_halaman(judul: str, k: Konteks) -> None:
    if presentasi():  # a compact line; the views meant for the wall draw theirs through ui.dinding
        from ui import dinding, halaman

        url = st.session_state.get("_url_kini", "")
        if url in halaman.DINDING:  # a wall view that stops before its slides: still the buttons and keys
            dinding.kepala_slide(judul, k, url)
            return
        st.markdown(f'<div class="pke-slide"><b>{fmt.html_aman(judul)}</b> · <b>{fmt.html_aman(k.nama)}</b> · '
                    f'{fmt.html_aman(k.periode)}</div>', unsafe_allow_html=True)
        label_demo()
        return
    st.title(judul)
    st.markdown(f"**{fmt.aman(k.judul_wilayah())}** · {k.periode}")
    label_demo()


def tabel(df: pd.DataFrame, persen: tuple[str, ...] = (), rupiah: tuple[str, ...] = (), tinggi: int | str = "auto",
          gaya=None, format_lain: dict | None = None, index: bool = False, **kwargs):
    """A table with the run's number formatting (1.234; 12,5%) that still sorts by the numbers. `gaya` may add
    colours (a function Styler -> Styler), `format_lain` other column formats; extra arguments go to
    st.dataframe (e.g. row selection), whose event is returned.

    In presentation mode the table is static HTML (st.table) so it takes the large type — the interactive grid
    draws small text on a canvas; a long table is split into slides by ui.dinding.slide_tabel. Elsewhere its first
    column is pinned, so a table wider than the screen scrolls sideways with its labels in view. No grid has a CSV
    download (client.disableDataExport): exports go through the app's audited buttons."""
    format_kolom = fmt.format_kolom(df, persen, rupiah, teks_lain=False) | (format_lain or {})

    def styler(d: pd.DataFrame):
        g = d.style.format(format_kolom, na_rep="–")
        return gaya(g) if gaya else g

    if presentasi():
        # st.table renders Markdown in its cells: text values are escaped so a name stays a name.
        aman = df.assign(**{c: df[c].map(lambda v: fmt.aman(v) if isinstance(v, str) else v)
                            for c in df.columns if df[c].dtype == object or pd.api.types.is_string_dtype(df[c])})
        g = styler(aman)
        st.table(g if index else g.hide(axis="index"))
        return None
    if not index and len(df.columns) > 1:
        # a table wider than the screen scrolls sideways with its first column (the region, the cluster) kept in view
        kwargs["column_config"] = {df.columns[0]: st.column_config.Column(pinned=True),
                                   **(kwargs.get("column_config") or {})}
    return st.dataframe(styler(df), hide_index=not index, width="stretch", height=tinggi, **kwargs)
