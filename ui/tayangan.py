"""The meeting slideshow: a chosen list of views for one region and period, shown in presentation mode and
stepped through with buttons, the keyboard (→ / PageDown / Space next, ← / PageUp previous, Esc stop — what a
presentation clicker sends) or a timer. A view of several slides (ui.dinding) is stepped through before the next.

Everything lives in the URL, so a slideshow is a link: /ringkasan?presentasi=1&tayang=ringkasan,peta,sektor,progres
&detik=30&wilayah=33.15&tahun=2026&tw=4&bahasa=id. Each slide's header (ui.dinding) draws the buttons."""
from __future__ import annotations

import streamlit as st

from ui import halaman

# Views that may be shown on the wall (the registry's `dinding`): never those listing people or the import screen.
BOLEH = halaman.DINDING
# A rakor opens with last meeting's follow-ups, then the region's figures.
BAWAAN = ("tindak_lanjut", "ringkasan", "peta", "sektor", "progres")
# what a slideshow carries from view to view: the region, period, language and the chosen cluster (the same on
# every view; a view's own orderings and switches mean different things on different views and stay behind)
PARAM_TETAP = ("wilayah", "tahun", "tw", "bahasa", "klaster")


def daftar_dari_url() -> list[str]:
    return [v for v in st.query_params.get("tayang", "").split(",") if v in BOLEH]


def tautan(halaman: list[str], detik: int, params: dict[str, str]) -> str:
    """The shareable link (path and query) of a slideshow; Ringkasan, the default page, lives at "/"."""
    import urllib.parse

    awal = "" if halaman[0] == "ringkasan" else halaman[0]
    return f"/{awal}?{urllib.parse.urlencode(url_tayangan(halaman, detik, params), safe=',')}"


def url_tayangan(halaman: list[str], detik: int, params: dict[str, str]) -> dict[str, str]:
    """The query parameters of a slideshow of `halaman` (url paths) starting at its first slide."""
    return {**{k: v for k, v in params.items() if k in PARAM_TETAP and v}, "presentasi": "1",
            "tayang": ",".join(halaman), "detik": str(int(detik))}


def pindah(ke: str, hal: str | None = None) -> None:
    """Go to slide view `ke` of the slideshow in the URL (at its slide `hal`, e.g. 'akhir', else its first)."""
    params = {k: st.query_params.get(k) for k in (*PARAM_TETAP, "presentasi", "tayang", "detik")
              if st.query_params.get(k)}
    if hal:
        params["hal"] = hal
    st.session_state["_konteks_awal"] = False  # the next run takes region and period from the URL again
    st.switch_page(halaman.PER_URL[ke].berkas, query_params=params)


def aktif(url_kini: str) -> bool:
    """Whether the current view (its url path) is a slide of the slideshow in the URL."""
    return url_kini in daftar_dari_url()
