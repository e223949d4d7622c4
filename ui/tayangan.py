"""The meeting slideshow: a chosen list of views for one region and period, shown in presentation mode and
stepped through with buttons, the keyboard (→ / PageDown / Space next, ← / PageUp previous, Esc stop — what a
presentation clicker sends) or a timer.

Everything lives in the URL, so a slideshow is a link: /ringkasan?presentasi=1&tayang=ringkasan,peta,sektor,progres
&detik=30&wilayah=33.15&tahun=2026&tw=4&bahasa=id. app.py calls kendali() before running the view."""
from __future__ import annotations

import json

import streamlit as st

from pke import fmt
from pke.i18n import t
import ui
from ui import halaman

# Views that may be shown on the wall (the registry's `dinding`): never those listing people or the import screen.
BOLEH = halaman.DINDING
BAWAAN = ("ringkasan", "peta", "sektor", "progres")
PARAM_TETAP = ("wilayah", "tahun", "tw", "bahasa", "klaster", "ukuran")


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


def _pindah(ke: str) -> None:
    params = {k: st.query_params.get(k) for k in (*PARAM_TETAP, "presentasi", "tayang", "detik")
              if st.query_params.get(k)}
    st.session_state["_konteks_awal"] = False  # the next run takes region and period from the URL again
    st.switch_page(halaman.PER_URL[ke].berkas, query_params=params)


def aktif(url_kini: str) -> bool:
    """Whether the current view (its url path) is a slide of the slideshow in the URL."""
    return url_kini in daftar_dari_url()


def kendali(url_kini: str) -> None:
    """When the URL carries a slideshow and the current view is one of its slides: the slide bar (position,
    region, period, previous / next / stop) and the keyboard and timer hooks."""
    if not aktif(url_kini):
        return
    daftar = daftar_dari_url()
    i, n = daftar.index(url_kini), len(daftar)
    detik = ui.angka_url("detik", 0, 3600) or 0  # setTimeout overflows past 2^31 ms: an hour is plenty
    k = ui.konteks()
    kiri, tombol = st.columns([5, 2.2], vertical_alignment="center")
    kiri.markdown(
        f'<div class="pke-slide">{fmt.html_aman(t("Tayangan {i} dari {n}", i=i + 1, n=n))} · '
        f"<b>{fmt.html_aman(k.judul_wilayah())}</b> · {fmt.html_aman(k.periode)}</div>", unsafe_allow_html=True)
    a, b, c = tombol.columns(3)
    if a.button("◀", key="tayang_sebelum", help=t("Tayangan sebelumnya (←)"), width="stretch"):
        _pindah(daftar[(i - 1) % n])
    if b.button("▶", key="tayang_berikut", help=t("Tayangan berikutnya (→, spasi)"), width="stretch"):
        _pindah(daftar[(i + 1) % n])
    if c.button("■", key="tayang_selesai", help=t("Akhiri tayangan (Esc)"), width="stretch"):
        for kunci in ("tayang", "detik", "presentasi"):
            st.query_params.pop(kunci, None)
        st.rerun()
    # Keyboard and timer: a small script in the page that clicks the buttons above.
    st.html(_SKRIP.replace("__DETIK__", json.dumps(detik)).replace("__SLIDE__", json.dumps(f"{url_kini}-{i}")),
            unsafe_allow_javascript=True)


_SKRIP = """
<script>
(() => {
  const klik = (kunci) => { const b = document.querySelector('.st-key-' + kunci + ' button'); if (b) b.click(); };
  if (window.__pkeTombol) document.removeEventListener('keydown', window.__pkeTombol);
  window.__pkeTombol = (e) => {
    const tag = (e.target && e.target.tagName) || '';
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(tag)) return;
    if (['ArrowRight', 'PageDown', ' '].includes(e.key)) { e.preventDefault(); klik('tayang_berikut'); }
    else if (['ArrowLeft', 'PageUp'].includes(e.key)) { e.preventDefault(); klik('tayang_sebelum'); }
    else if (e.key === 'Escape') { klik('tayang_selesai'); }
  };
  document.addEventListener('keydown', window.__pkeTombol);
  clearTimeout(window.__pkeTimer);
  const detik = __DETIK__;
  window.__pkeSlide = __SLIDE__;
  if (detik > 0) window.__pkeTimer = setTimeout(() => klik('tayang_berikut'), detik * 1000);
})();
</script>
"""
