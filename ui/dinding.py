"""The wall: how a view becomes slides in presentation mode (?presentasi=1) and in the meeting slideshow.

A view that may go on the wall describes itself as a list of `Slide`s — one main visual each (a chart, a map, a
table or the headline tiles) with an optional title and key message — and calls `tampilkan()`:

- In normal mode every slide is drawn in order under the page header, each under its title.
- In presentation mode only one slide is drawn (?hal=2 picks the second): one compact header line (title ·
  region · period · data date · slide position and buttons), the key message, and the visual in a container that
  stretches to the bottom of the screen. Type is sized from the viewport height (18 px at 720 px, 27 px at 1080 px),
  so one slide fits 1280×720 and 1920×1080 alike, with no scrolling. A long table becomes several slides
  (`slide_tabel`): "1/3, 2/3, 3/3".

The buttons ◀ ▶ step through the slides of a view and then, in a slideshow (ui.tayangan), on to the next view;
the keyboard and a presenter's clicker (→, PageDown, Space / ←, PageUp / Esc) press them."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Callable

import pandas as pd
import streamlit as st

from pke import charts, fmt
from pke.i18n import t
import ui

# Rows of a table on one slide: at 18 px type a row is about 37 px high at 1280×720, and the header line, the key
# message and the table's own header take about 200 px; twelve rows leave room for a label that wraps once.
BARIS_SLIDE = 12


@dataclass
class Slide:
    gambar: Callable[[], None]   # draws the main visual (and, outside presentation mode, what goes with it)
    judul: str = ""              # the slide's own title (a subheader in normal mode, after the view's title on the wall)
    pesan: str | None = None     # key message; None: the view's


def hal_url(n: int) -> int:
    """The slide of a view in the URL (?hal=), 1..n; 'akhir' is the last (stepping back from the next view)."""
    nilai = st.query_params.get("hal", "")
    if nilai == "akhir":
        return n
    return int(nilai) if nilai.isascii() and nilai.isdigit() and 1 <= int(nilai) <= n else 1


def tampilkan(judul: str, k, pesan: str | None, slides: list[Slide], url: str) -> None:
    """Draw view `url` (its path in ui.halaman) titled `judul` for context `k` as `slides` (see the module)."""
    if not ui.presentasi():
        ui.kepala_halaman(judul, k)
        if pesan:
            st.markdown(f'<div class="pke-pesan">{fmt.html_aman(pesan)}</div>', unsafe_allow_html=True)
        for s in slides:
            if s.judul:
                st.subheader(s.judul)
            s.gambar()
        return
    if not slides:
        return
    n = len(slides)
    i = hal_url(n)
    s = slides[i - 1]
    _kepala(s.judul or judul, k, url, i, n)
    teks = s.pesan or pesan
    if teks:
        st.markdown(f'<div class="pke-pesan">{fmt.html_aman(teks)}</div>', unsafe_allow_html=True)
    with st.container(key="pke_visual", height="stretch"):
        s.gambar()


def kepala_slide(judul: str, k, url: str) -> None:
    """The slide header alone (a wall view with nothing to show: a notice under it, the buttons still work)."""
    _kepala(judul, k, url, 1, 1)


def _wilayah_singkat(k) -> str:
    """The region as a slide names it: the kabupaten and below (the province is implied), at most two levels."""
    nama = [n for _, n, _ in k.jalur]
    if len(nama) > 1:
        nama = nama[1:][-2:]
    return " › ".join(nama) or t("Semua wilayah")


def _kepala(judul: str, k, url: str, i: int, n: int) -> None:
    """The one-line header of a slide with its position and the buttons that step through the slides."""
    from ui import tayangan

    dalam = tayangan.aktif(url)
    daftar = tayangan.daftar_dari_url() if dalam else [url]
    j = daftar.index(url)
    posisi = []
    if dalam:
        posisi.append(t("Tayangan {i} dari {n}", i=j + 1, n=len(daftar)))
    if n > 1:
        posisi.append(f"{i}/{n}")
    tanggal = ui.meta().get("tanggal_data")
    bagian = [f"<b>{fmt.html_aman(judul)}</b>", f"<b>{fmt.html_aman(_wilayah_singkat(k))}</b>",
              fmt.html_aman(fmt.triwulan_singkat(k.tahun, k.triwulan))]
    if tanggal:
        bagian.append(fmt.html_aman(t("data per {tanggal}", tanggal=fmt.tanggal(tanggal))))
    kiri, kanan = st.columns([10, 2.6 if dalam or n > 1 else 1], vertical_alignment="center", gap="small")
    kiri.markdown(f'<div class="pke-slide">{" · ".join(bagian)}'
                  + (f' <span class="pke-posisi">{fmt.html_aman(" · ".join(posisi))}</span>' if posisi else "")
                  + "</div>", unsafe_allow_html=True)
    ui.badge_demo()
    with kanan:
        if dalam or n > 1:
            a, b, c = st.columns(3, gap="small")
            if a.button("◀", key="tayang_sebelum", help=t("Sebelumnya (←)"), width="stretch"):
                _langkah(-1, i, n, daftar, j, dalam)
            if b.button("▶", key="tayang_berikut", help=t("Berikutnya (→, spasi)"), width="stretch"):
                _langkah(1, i, n, daftar, j, dalam)
            tombol_akhir = c
        else:
            tombol_akhir = st
        if dalam:
            if tombol_akhir.button("■", key="tayang_selesai", help=t("Akhiri tayangan (Esc)"), width="stretch"):
                _selesai()
        elif tombol_akhir.button("✕", key="tayang_selesai", help=t("Keluar dari mode presentasi"),
                                 width="stretch"):
            _selesai()
    detik = ui.angka_url("detik", 0, 3600) or 0 if dalam else 0  # setTimeout overflows past 2^31 ms
    st.html(_SKRIP.replace("__DETIK__", json.dumps(detik)).replace("__SLIDE__", json.dumps(f"{url}-{j}-{i}")),
            unsafe_allow_javascript=True)


def _langkah(arah: int, i: int, n: int, daftar: list[str], j: int, dalam: bool) -> None:
    """◀ / ▶: the view's next slide, else (in a slideshow) the next view's first (or the previous view's last)."""
    from ui import tayangan

    if 1 <= i + arah <= n:
        st.query_params["hal"] = str(i + arah)
        st.rerun()
    if not dalam:
        st.query_params["hal"] = str(1 if i == n else n)  # a view alone wraps around
        st.rerun()
    tayangan.pindah(daftar[(j + arah) % len(daftar)], hal="akhir" if arah < 0 else None)


def _selesai() -> None:
    for kunci in ("tayang", "detik", "presentasi", "hal"):
        st.query_params.pop(kunci, None)
    st.rerun()


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


def grafik(spek: dict) -> None:
    """A Vega-Lite chart: on the wall it fills the slide's remaining height with type of at least 18 px."""
    if ui.presentasi():
        st.vega_lite_chart(charts.untuk_dinding(spek), width="stretch", height="stretch")
    else:
        st.vega_lite_chart(spek, width="stretch")


def slide_tabel(df: pd.DataFrame, gambar: Callable[[pd.DataFrame], None], judul: str = "",
                pesan: str | None = None, baris: int = BARIS_SLIDE) -> list[Slide]:
    """A table as slides: one in normal mode (the whole table), and on the wall as many as it needs so that each
    holds at most `baris` rows, split evenly (35 rows: 12, 12, 11). `gambar(part)` draws a part."""
    if not ui.presentasi() or len(df) <= baris:
        return [Slide(lambda: gambar(df), judul, pesan)]
    n = math.ceil(len(df) / baris)
    per = math.ceil(len(df) / n)
    return [Slide(lambda a=a: gambar(df.iloc[a:a + per]), judul, pesan) for a in range(0, len(df), per)]


# Presentation mode: no Streamlit chrome; type sized from the viewport's height (1rem = 18 px at 720 px high,
# 27 px at 1080 px), so one layout fits both; the main block fills the screen and the slide's visual takes
# whatever height the header line and the key message leave.
GAYA = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], .stDeployButton {display: none !important;}
html {font-size: max(18px, calc(100vh / 40)) !important;}
[data-testid="stMain"] .block-container {padding: 0.45rem 1rem 0.45rem 1rem !important; max-width: 100% !important;
  height: 100vh; min-height: 0;}
[data-testid="stMain"] .block-container > [data-testid="stVerticalBlock"] {height: 100%; gap: 0.35rem;
  flex-wrap: nowrap;}
[data-testid="stMain"] .block-container > [data-testid="stVerticalBlock"] > [data-testid="stElementContainer"]:has(style),
[data-testid="stMain"] .block-container > [data-testid="stVerticalBlock"] > [data-testid="stElementContainer"]:has(iframe[height="0"]),
[data-testid="stMain"] .block-container > [data-testid="stVerticalBlock"] > [data-testid="stElementContainer"]:has(.stHtml:empty)
  {display: none;}
.st-key-pke_visual {flex: 1 1 0 !important; min-height: 0 !important; overflow: hidden;}
body, [data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stCaptionContainer"], [data-testid="stAlertContainer"] p {font-size: 1rem !important;}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] *,
[data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p {font-size: 2.8rem !important; line-height: 1.15;}
[data-testid="stMetricLabel"] p {font-size: 1rem !important;}
[data-testid="stMetricDelta"], [data-testid="stMetricDelta"] * {font-size: 1rem !important;}
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {white-space: normal !important;
  overflow: visible !important; text-overflow: clip !important;}
[data-testid="stTable"] th, [data-testid="stTable"] td {font-size: 1rem !important; padding: 0.28rem 0.6rem !important;
  line-height: 1.3 !important;}
[data-testid="stTable"] th {font-weight: 700; color: #1f2933;}
.pke-slide {font-size: 1.05rem; color: #1f2933; border-bottom: 0.18rem solid #0072B2; padding-bottom: 0.15rem;
  line-height: 1.3;}
.pke-posisi {color: #1f2933; background: #e4eef7; border-radius: 0.3rem; padding: 0 0.35rem; margin-left: 0.3rem;}
.pke-pesan {font-size: 1.2rem !important; font-weight: 600; color: #102a43; border-left: 0.3rem solid #D55E00;
  padding: 0.1rem 0 0.1rem 0.6rem; line-height: 1.3;}
[data-testid="stMain"] button {min-height: 2rem; padding: 0 0.3rem;}
/* the slide's visual fills its area: tile rows share the height, a table's rows grow to the bottom */
.st-key-pke_visual > [data-testid="stLayoutWrapper"]:last-child {flex: 1 1 0; min-height: 0;}
.st-key-pke_visual > [data-testid="stLayoutWrapper"]:has([data-testid="stMetric"]) {flex: 1 1 0; min-height: 0;}
.st-key-pke_visual > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"],
.st-key-pke_visual > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"] > [data-testid="stColumn"] > [data-testid="stVerticalBlock"],
.st-key-pke_visual [data-testid="stColumn"] > [data-testid="stVerticalBlock"]:has([data-testid="stMetric"]),
.st-key-pke_visual [data-testid="stElementContainer"]:has([data-testid="stMetric"]),
.st-key-pke_visual [data-testid="stMetric"] {height: 100%;}
.st-key-pke_visual [data-testid="stMetric"] {display: flex; flex-direction: column; justify-content: center;}
.st-key-pke_visual > [data-testid="stElementContainer"]:has([data-testid="stTable"]):only-child {flex: 1 1 0;
  min-height: 0;}
.st-key-pke_visual > [data-testid="stElementContainer"]:has([data-testid="stTable"]):only-child [data-testid="stTable"],
.st-key-pke_visual > [data-testid="stElementContainer"]:has([data-testid="stTable"]):only-child [data-testid="stTable"] > div,
.st-key-pke_visual > [data-testid="stElementContainer"]:has([data-testid="stTable"]):only-child table {height: 100%;}
.st-key-pke_visual [data-testid="stColumn"] > [data-testid="stVerticalBlock"] > [data-testid="stElementContainer"]:has([data-testid="stTable"])
  {flex: 1 1 0; min-height: 0;}
.st-key-pke_visual [data-testid="stColumn"] [data-testid="stTable"],
.st-key-pke_visual [data-testid="stColumn"] [data-testid="stTable"] > div,
.st-key-pke_visual [data-testid="stColumn"] [data-testid="stTable"] table {height: 100%;}
</style>
"""
