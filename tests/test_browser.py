"""Real-browser tests: a Streamlit server on the fixture database, driven in headless Chromium (Debian's
chromium through Playwright). Every view at 1280×720 and 1920×1080 in both languages; every view in
presentation mode at both sizes; the slideshow by keyboard and timer; a report downloaded from the page.

Each page must render without an error, show its title and key figures, have no text cut off or spilling out
of its box, and show no 16-digit NIK; in presentation mode all text must meet WCAG AA contrast and the type must
be large. Screenshots go to test-artifacts/ (CI keeps them as artefacts)."""
from __future__ import annotations

import os
import re

import pytest

from bench.browser import ARGS, CHROMIUM, SIAP, masuk, mulai_server, port_bebas
from ui import halaman, tayangan
from pke import demo_akun, gudang
from pke.config import ROOT
from tests.conftest import KAB

ARTEFAK = ROOT / "test-artifacts"
UKURAN = {"1280x720": (1280, 720), "1920x1080": (1920, 1080)}
NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")

# name: (url path and query, {language: (title, a key text that must be visible)})
VIEWS = {
    "ringkasan": (f"?wilayah={KAB}", {"id": ("Ringkasan", "Keluarga P3KE"), "en": ("Summary", "P3KE households")}),
    "peta": (f"peta?wilayah={KAB}", {"id": ("Peta kebutuhan", "Desa prioritas"),
                                     "en": ("Map of needs", "Priority village")}),
    "sektor": (f"sektor?wilayah={KAB}", {"id": ("Kebutuhan per sektor", "Per kecamatan"),
                                         "en": ("Needs per sector", "Per district")}),
    "peringkat_desa": (f"peringkat_desa?wilayah={KAB}&klaster=jamban",
                       {"id": ("Peringkat desa", "OPD yang menangani"), "en": ("Village ranking", "OPDs at work")}),
    "register_desa_prioritas": (f"register_desa_prioritas?wilayah={KAB}",
                                {"id": ("Register desa prioritas", "OPD pendamping"),
                                 "en": ("Priority village register", "Accompanying OPD")}),
    "progres": (f"progres?wilayah={KAB}", {"id": ("Progres triwulan", "Sesuai target"),
                                           "en": ("Quarterly progress", "On target")}),
    "evaluasi": ("evaluasi?wilayah=33", {"id": ("Evaluasi provinsi", "kabupaten/kota prioritas provinsi"),
                                         "en": ("Provincial evaluation", "provincial priority regencies")}),
    "desa": ("desa?wilayah=33.15.01.2001", {"id": ("Desa Karanglangu", "Keluarga per desil"),
                                            "en": ("Village Karanglangu", "Households per decile")}),
    "keluarga": ("keluarga?wilayah=33.15.01", {"id": ("Daftar keluarga", "Skor prioritas"),
                                               "en": ("Household list", "Priority score")}),
    "kolaborasi": (f"kolaborasi?wilayah={KAB}", {"id": ("Peluang kolaborasi", "Biaya satuan"),
                                                 "en": ("Collaboration opportunities", "Unit costs")}),
    "kualitas": (f"kualitas?wilayah={KAB}", {"id": ("Kualitas data", "Progres verval desa"),
                                             "en": ("Data quality", "Village verification progress")}),
    "laporan": (f"laporan?wilayah={KAB}", {"id": ("Laporan triwulan", "Buat laporan"),
                                           "en": ("Quarterly report", "Create the report")}),
    "tayangan": (f"tayangan?wilayah={KAB}", {"id": ("Tayangan rapat", "Mulai tayangan"),
                                             "en": ("Meeting slideshow", "Start the slideshow")}),
    "lapor_opd": (f"lapor_opd?wilayah={KAB}", {"id": ("Laporan OPD", "Status pelaporan"),
                                                "en": ("OPD reports", "Reporting status")}),
    "impor": ("impor", {"id": ("Impor data", "Riwayat impor"), "en": ("Import data", "Import history")}),
    "masuk": ("masuk", {"id": ("Masuk ke Dasbor PKE", "Akun demo"), "en": ("Log in to the PKE Dashboard",
                                                                        "Demo accounts")}),
    "akun": ("akun", {"id": ("Akun pengguna", "Tambah akun"), "en": ("User accounts", "Add account")}),
    "audit": ("audit", {"id": ("Log audit", "Periksa rantai audit"), "en": ("Audit log", "Check the audit chain")}),
    "tindak_lanjut": (f"tindak_lanjut?wilayah={KAB}", {"id": ("Tindak lanjut rakor", "selesai"),
                                                      "en": ("Meeting follow-ups", "done")}),
}
# Who opens each view (signed in through the form); None: a visitor who has not signed in.
PERAN = {"keluarga": "analis", "impor": "admin", "akun": "admin", "audit": "admin", "masuk": None, "lapor_opd": "opd",
         "tindak_lanjut": "analis"}
assert set(VIEWS) == set(halaman.PER_URL), "every page of ui/halaman.py has its expectations here"
PRIBADI = {h.url for h in halaman.HALAMAN if h.hak in ("daftar_nama", "impor", "akun", "audit")}  # not on the wall

# Text that is cut off (ellipsis / hidden overflow) or spills out of the window, in the main area.
JS_MELUAP = """() => {
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  const sel = 'h1,h2,h3,h4,p,li,button,label,[data-testid="stMetricValue"],[data-testid="stMetricLabel"],'
            + '[data-testid="stMetricDelta"],[data-testid="stCaptionContainer"],[data-testid="stMarkdownContainer"] *';
  const bad = [];
  for (const e of main.querySelectorAll(sel)) {
    if (!e.getClientRects().length || e.closest('[data-testid="stDataFrame"]') || e.closest('svg')) continue;
    const st = getComputedStyle(e);
    const potong = ['hidden', 'clip'].includes(st.overflowX) || st.textOverflow === 'ellipsis';
    if (potong && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 2)
      bad.push('cut off: ' + e.tagName + ' "' + e.innerText.slice(0, 60) + '"');
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > window.innerWidth + 2 && e.innerText.trim())
      bad.push('outside the window: ' + e.tagName + ' "' + e.innerText.slice(0, 60) + '"');
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 2) bad.push('page wider than the window');
  return bad;
}"""

# WCAG 2.x contrast of every visible text node of the main area against its effective background.
JS_KONTRAS = """() => {
  const rgba = s => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(parseFloat); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const campur = (atas, bawah) => [0, 1, 2].map(i => atas[i] * atas[3] + bawah[i] * (1 - atas[3]));
  const latar = e => { const lapis = [];
    for (let n = e; n; n = n.parentElement) { const c = rgba(getComputedStyle(n).backgroundColor);
      if (c && c[3] > 0) { lapis.push(c); if (c[3] >= 1) break; } }
    let hasil = [255, 255, 255]; for (const c of lapis.reverse()) hasil = campur(c, hasil); return hasil; };
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  const jalan = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  const bad = []; const dilihat = new Set();
  while (jalan.nextNode()) {
    const teks = jalan.currentNode.textContent.trim(); const e = jalan.currentNode.parentElement;
    if (!teks || !e || dilihat.has(e) || e.closest('svg') || !e.getClientRects().length) continue;
    dilihat.add(e);
    const st = getComputedStyle(e); if (st.visibility === 'hidden' || parseFloat(st.opacity) === 0) continue;
    let op = 1; for (let n = e; n; n = n.parentElement) op *= parseFloat(getComputedStyle(n).opacity);
    const b = latar(e); const f = rgba(st.color); const w = campur([f[0], f[1], f[2], f[3] * op], b);
    const l1 = lum(w), l2 = lum(b); const rasio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const besar = parseFloat(st.fontSize) >= 24 || (parseFloat(st.fontSize) >= 18.66 && parseInt(st.fontWeight) >= 700);
    if (rasio < (besar ? 3 : 4.5)) bad.push(rasio.toFixed(2) + ' "' + teks.slice(0, 50) + '" ' + st.color);
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def toko_server(tmp_path_factory):
    return tmp_path_factory.mktemp("toko") / "operasional.sqlite"


@pytest.fixture(scope="module")
def server(fixture_db, toko_server):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium tidak ditemukan di {CHROMIUM}: apt-get install -y chromium")
    port = port_bebas()
    from pke import operasional, tindak_lanjut

    toko = operasional.buka(toko_server)  # last rakor's decisions, as the demo has them: the meeting slide's content
    tindak_lanjut.isi_contoh(toko, KAB)
    toko.close()
    # the benchmark's own server start: one way to run the app headless; an operational store of its own
    proc = mulai_server(fixture_db, port, toko=toko_server)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def sesi(browser, server):
    """One browser context per demo role, signed in through the login form once; None: not signed in."""
    sandi = {a["nama"]: a["sandi"] for a in demo_akun.DAFTAR}
    dibuat = {}

    def ambil(nama: str | None):
        if nama not in dibuat:
            dibuat[nama] = (browser.new_context(accept_downloads=True) if nama is None
                            else masuk(browser, server, nama, sandi[nama], accept_downloads=True))
        return dibuat[nama]

    yield ambil
    for k in dibuat.values():
        k.close()


def _halaman(konteks, server, jalur: str, ukuran: str):
    """A page of a signed-in browser context at size `ukuran`, opened at `jalur`; every request it makes is kept in
    page.luar when it goes to any host but the dashboard's own server."""
    lebar, tinggi = UKURAN[ukuran]
    page = konteks.new_page()
    page.set_viewport_size({"width": lebar, "height": tinggi})
    page.luar = []
    page.on("request", lambda r: page.luar.append(r.url) if not r.url.startswith((server, "data:", "blob:")) else None)
    page.goto(f"{server}/{jalur}")
    return page


def _buka(konteks, server, jalur: str, ukuran: str, judul: str, teks: str | None):
    """Open a view (_halaman) and wait for its heading, `teks` and the app to be idle."""
    page = _halaman(konteks, server, jalur, ukuran)
    page.get_by_role("heading", name=judul).first.wait_for(timeout=60_000)
    if teks:
        page.get_by_text(teks).first.wait_for(timeout=60_000)
    page.wait_for_function(SIAP, timeout=60_000)
    if jalur.split("?")[0] in ("peta", "desa"):
        page.wait_for_selector("[data-testid='stDeckGlJsonChart'] canvas", timeout=60_000)
        page.wait_for_timeout(1500)  # let WebGL draw the polygons before the screenshot
    return page


def _simpan(page, nama: str) -> None:
    ARTEFAK.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFAK / f"{nama}.png"))


def _params(jalur: str, **tambah) -> str:
    pisah = "&" if "?" in jalur else "?"
    return jalur + pisah + "&".join(f"{k}={v}" for k, v in tambah.items())


@pytest.mark.parametrize("ukuran", list(UKURAN))
@pytest.mark.parametrize("bahasa", ["id", "en"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_view_in_chromium(server, sesi, view, bahasa, ukuran):
    jalur, teks = VIEWS[view]
    judul, kunci = teks[bahasa]
    page = _buka(sesi(PERAN.get(view, "pimpinan")), server, _params(jalur, bahasa=bahasa), ukuran, judul, kunci)
    assert page.locator("[data-testid='stException']").count() == 0
    isi = page.inner_text("body")
    assert ("DATA DEMO" in isi or "DEMO DATA" in isi) or view in ("impor", "masuk", "akun", "audit")
    assert not page.luar, f"requests to outside hosts: {page.luar}"
    assert "Deploy" not in isi and page.locator("[data-testid='stAppDeployButton']").count() == 0
    assert not NIK.search(isi), "a full 16-digit NIK is visible"
    if bahasa == "en":  # the interface speaks English: no Indonesian interface words left
        sisa = [w for w in ("Kebutuhan", "tersisa", "Keluarga", "Pilih", "Unduh", "Tampilkan", "Triwulan", "Wilayah")
                if re.search(rf"\b{w}\b", page.inner_text("[data-testid='stMain']"))]
        assert not sisa, f"Indonesian words in the English interface: {sisa}"
    meluap = page.evaluate(JS_MELUAP)
    assert not meluap, meluap
    kontras = page.evaluate(JS_KONTRAS)  # AA holds outside presentation mode too
    assert not kontras, f"text below WCAG AA contrast: {kontras[:8]}"
    _simpan(page, f"{view}_{bahasa}_{ukuran}")
    page.close()


def _buka_dinding(konteks, server, jalur: str, ukuran: str):
    """A view in presentation mode (_halaman): wait for its slide header and for the app to be idle."""
    page = _halaman(konteks, server, jalur, ukuran)
    page.locator(".pke-slide, [data-testid='stMain'] h1").first.wait_for(timeout=60_000)  # a slide, or any view
    page.wait_for_function(SIAP, timeout=60_000)
    return page


# How far the page scrolls and the share of the screen the slide's visual (ui.dinding: the charts, maps, tables
# and tiles in its container) takes; the slide's position "i/n".
JS_SLIDE = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const gulir = Math.max(main.scrollHeight - main.clientHeight, 0);
  const W = window.innerWidth, H = window.innerHeight;
  const wadah = document.querySelector('.st-key-pke_visual');
  let x0 = W, y0 = H, x1 = 0, y1 = 0;
  for (const e of (wadah ? wadah.querySelectorAll(VISUAL) : [])) {
    const r = e.getBoundingClientRect(); if (r.width * r.height === 0) continue;
    x0 = Math.min(x0, Math.max(r.left, 0)); y0 = Math.min(y0, Math.max(r.top, 0));
    x1 = Math.max(x1, Math.min(r.right, W)); y1 = Math.max(y1, Math.min(r.bottom, H));
  }
  const posisi = (document.querySelector('.pke-posisi') || {}).innerText || '';
  const m = posisi.match(/(\\d+)\\/(\\d+)/);
  return {gulir, bagian: x1 > x0 && y1 > y0 ? (x1 - x0) * (y1 - y0) / (W * H) : 0,
          hal: m ? [parseInt(m[1]), parseInt(m[2])] : [1, 1]};
}""".replace("VISUAL", repr("[data-testid='stVegaLiteChart'], [data-testid='stDeckGlJsonChart'], "
                            "[data-testid='stPlotlyChart'], [data-testid='stTable'], [data-testid='stMetric'], "
                            "[data-testid='stAlert']"))


def _periksa_slide(page, view: str, ukuran: str, hal: int) -> None:
    """What every slide must hold: no scrolling, its visual on at least half the screen, type of at least 18 px
    (figures 48 px), nothing to click or type but the slide buttons, AA contrast, nothing cut off, no NIK."""
    # the slide's visual drawn (a map's canvas, a chart, a table, the tiles), however busy the machine
    page.locator(".st-key-pke_visual :is([data-testid='stTable'], [data-testid='stMetric'], [data-testid='stAlert'], "
                 "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg, "
                 "[data-testid='stDeckGlJsonChart'] canvas, [data-testid='stPlotlyChart'] .main-svg)"
                 ).first.wait_for(timeout=90_000)
    page.wait_for_timeout(300)
    ukur = page.evaluate(JS_SLIDE)
    assert ukur["gulir"] <= 2, f"{view} slide {hal} at {ukuran} scrolls by {ukur['gulir']} px"
    assert ukur["bagian"] >= 0.5, f"{view} slide {hal} at {ukuran}: its visual takes {ukur['bagian']:.0%}"
    assert page.locator("[data-testid='stException']").count() == 0
    isi = page.inner_text("body")
    assert not NIK.search(isi) and "****" not in isi  # no NIK, not even masked
    for teks in page.locator(".pke-pesan, .pke-slide, [data-testid='stTable'] td").all()[:40]:
        assert float(teks.evaluate("e => getComputedStyle(e).fontSize").rstrip("px")) >= 18
    if page.locator("[data-testid='stMetricValue']").count():
        ukuran_angka = page.locator("[data-testid='stMetricValue']").first.evaluate(
            "e => { let n = e; while (n.firstElementChild) n = n.firstElementChild; return getComputedStyle(n).fontSize; }")
        assert float(ukuran_angka.rstrip("px")) >= 48
    widget = page.locator("[data-testid='stMain'] :is([data-testid='stSelectbox'], [data-testid='stRadio'], "
                          "[data-testid='stMultiSelect'], [data-testid='stNumberInput'], "
                          "[data-testid='stTextInput'], [data-testid='stDataFrame'], [data-testid='stTabs'], "
                          "[data-testid='stDownloadButton'], [data-testid='stExpander'])")
    assert widget.count() == 0, f"{widget.count()} widgets on the wall"
    kontras = page.evaluate(JS_KONTRAS)
    assert not kontras, f"text below WCAG AA contrast: {kontras[:8]}"
    meluap = page.evaluate(JS_MELUAP)
    assert not meluap, meluap
    assert not page.luar, f"requests to other hosts: {page.luar[:3]}"


@pytest.mark.parametrize("ukuran", list(UKURAN))
@pytest.mark.parametrize("view", list(VIEWS))
def test_presentation_mode_in_chromium(server, sesi, view, ukuran):
    """Every wall view in presentation mode, every one of its slides (at 1920×1080 the first, the layout being
    the same scaled): one screen each. Views not meant for the wall show a notice and no personal data."""
    jalur, teks = VIEWS[view]
    page = _buka_dinding(sesi(PERAN.get(view, "pimpinan")), server, _params(jalur, presentasi=1), ukuran)
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    if view not in tayangan.BOLEH:
        assert page.locator("[data-testid='stException']").count() == 0
        if view in PRIBADI:  # its whole content is this notice: wait for it (a busy machine)
            page.get_by_text("tidak ditampilkan dalam mode presentasi", exact=False).first.wait_for(timeout=60_000)
        isi = page.inner_text("body")
        assert not NIK.search(isi) and "****" not in isi
        page.close()
        return
    hal, n = page.evaluate(JS_SLIDE)["hal"]
    assert hal == 1
    for i in range(1, n + 1):
        _periksa_slide(page, view, ukuran, i)
        _simpan(page, f"presentasi_{view}_{i}_{ukuran}")
        if i == n or ukuran != "1280x720":
            break
        page.keyboard.press("ArrowRight")  # the next slide of this view
        page.locator(".pke-posisi").get_by_text(f"{i + 1}/{n}").wait_for(timeout=60_000)
        page.wait_for_function(SIAP, timeout=60_000)
        page.wait_for_timeout(300)
    page.close()


def test_long_table_pages_into_slides(server, sesi, fixture_db):
    """Sektor's table per OPD on the wall: as many slides as it needs, at most 12 rows each, split evenly, every
    row of the table on exactly one of them."""
    from pke import db

    con = db.buka(fixture_db)
    semua = db.jalankan(con, "intervensi_per_opd", kode=KAB, tahun=2026, triwulan=4, lingkup="")
    con.close()
    assert len(semua) > 12, "the fixture's OPD table must be long enough to page"
    page = _buka_dinding(sesi("pimpinan"), server, f"sektor?wilayah={KAB}&tahun=2026&tw=4&presentasi=1", "1280x720")
    _, n = page.evaluate(JS_SLIDE)["hal"]
    baris, per_slide = [], []
    for i in range(1, n + 1):
        if i > 1:
            page.get_by_role("button", name="▶").click()
            page.locator(".pke-posisi").get_by_text(f"{i}/{n}").wait_for(timeout=60_000)
            page.wait_for_function(SIAP, timeout=60_000)
        if "Per OPD" in page.locator(".pke-slide").inner_text():
            sel = page.locator(".st-key-pke_visual [data-testid='stTable'] tbody tr")
            sel.first.wait_for(timeout=60_000)
            if baris:  # the previous slide's rows are gone
                page.wait_for_function("(awal) => { const r = document.querySelector("
                                       "'.st-key-pke_visual [data-testid=\"stTable\"] tbody tr'); "
                                       "return r && r.innerText.split('\\t').slice(0, 2).join(' | ') !== awal; }",
                                       arg=baris[-per_slide[-1]], timeout=60_000)
            isi = [" | ".join(r.inner_text().split("\t")[:2]) for r in sel.all()]
            per_slide.append(len(isi))
            baris += isi
    assert len(per_slide) == -(-len(semua) // 12) and max(per_slide) - min(per_slide) <= 1 and max(per_slide) <= 12
    assert len(baris) == len(set(baris)) == len(semua)
    page.close()


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_slideshow_keyboard_and_timer(server, sesi, bahasa):
    """A presenter's clicker steps through the slides of a view before moving to the next view, and back."""
    slide = {"id": "Tayangan {i} dari {n}", "en": "Slide {i} of {n}"}[bahasa]
    periode = {"id": "TW IV 2026", "en": "Q IV 2026"}[bahasa]
    page = _buka_dinding(sesi("pimpinan"), server, f"?wilayah={KAB}&tahun=2026&tw=4&bahasa={bahasa}&presentasi=1"
                                                   "&tayang=ringkasan,peta,sektor,progres&detik=0", "1920x1080")

    def di(i: int, hal: str | None) -> None:  # waits on the slide, not on a time a busy machine may exceed
        bar = page.locator(".pke-slide")
        bar.get_by_text(slide.format(i=i, n=4), exact=False).wait_for(timeout=120_000)
        if hal:
            bar.get_by_text(hal, exact=False).wait_for(timeout=120_000)
        page.wait_for_function(SIAP, timeout=60_000)
        teks = page.locator(".pke-slide").inner_text()
        assert "Kab. Grobogan" in teks and periode in teks, "each slide names region and period"
        assert not page.locator("[data-testid='stSidebar']").is_visible()

    di(1, "1/2")
    for tombol, i, hal in (("ArrowRight", 1, "2/2"), ("PageDown", 2, None), ("ArrowLeft", 1, "2/2"),
                           (" ", 2, None), ("ArrowRight", 3, "1/")):
        sebelum = page.locator(".pke-slide").inner_text()
        page.keyboard.press(tombol)
        try:  # a key pressed while the page is being redrawn can be lost (noted in the README): press once more
            page.wait_for_function("(s) => { const e = document.querySelector('.pke-slide'); "
                                   "return e && e.innerText !== s; }", arg=sebelum, timeout=20_000)
        except Exception:
            page.keyboard.press(tombol)
        di(i, hal)
        if i == 2:
            _simpan(page, f"tayangan_peta_{bahasa}_1920x1080")
    # on a timer: the next slide comes by itself (from Ringkasan's last slide to the next view)
    page.goto(f"{server}/?wilayah={KAB}&bahasa={bahasa}&presentasi=1&tayang=sektor,ringkasan&detik=2&hal=akhir")
    page.locator(".pke-slide").get_by_text(slide.format(i=2, n=2)).wait_for(timeout=30_000)
    page.locator(".pke-slide").get_by_text(slide.format(i=1, n=2)).wait_for(timeout=30_000)
    # Esc ends the slideshow and leaves presentation mode
    page.wait_for_function(SIAP, timeout=60_000)
    page.keyboard.press("Escape")
    page.locator("[data-testid='stSidebar']").wait_for(state="visible", timeout=30_000)
    assert "tayang" not in page.url and "presentasi" not in page.url
    page.close()


def test_report_downloads_from_the_page(server, sesi):
    page = _buka(sesi("pimpinan"), server, f"laporan?wilayah={KAB}&bahasa=en", "1920x1080", "Quarterly report", None)
    page.get_by_role("button", name="Create the report").click()
    page.get_by_text("ready: 7 sections").wait_for(timeout=120_000)  # the follow-ups section too
    for tombol, awal in (("Download PDF", b"%PDF"), ("Download PowerPoint", b"PK"), ("Download Excel", b"PK")):
        # the file is built when the button is clicked: wait for the download itself, however busy the machine
        with page.expect_download(timeout=0) as unduh:
            page.get_by_role("button", name=tombol).click()
        berkas = unduh.value
        isi = open(berkas.path(), "rb").read()
        assert isi.startswith(awal) and len(isi) > 5_000, tombol
        assert "_en_" in berkas.suggested_filename and "3315_2026_tw4" in berkas.suggested_filename
    _simpan(page, "laporan_en_1920x1080")
    page.close()


def test_login_survives_a_refresh_and_logout_ends_it(server, browser):
    """Through the form as a person would: a wrong password is refused with the one message, the right one signs
    in, a browser refresh keeps the session (its cookie), and logging out ends it on the server."""
    konteks = browser.new_context()
    page = konteks.new_page()
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{server}/masuk")
    page.get_by_label("Nama pengguna").fill("operator")
    page.get_by_label("Kata sandi").fill("salah-sekali-sandinya")
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.get_by_text("Nama pengguna atau kata sandi salah").wait_for(timeout=30_000)
    sandi = {a["nama"]: a["sandi"] for a in demo_akun.DAFTAR}["operator"]
    page.get_by_label("Kata sandi").fill(sandi)
    page.get_by_role("button", name="Masuk", exact=True).click()
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_text("operator", exact=True).wait_for(timeout=30_000)
    # the cookie is set by a small component once the page has drawn: wait for it, not for a fixed time
    for _ in range(600):
        kuki = {c["name"]: c for c in konteks.cookies()}
        if "pke_sesi" in kuki:
            break
        page.wait_for_timeout(100)
    assert kuki["pke_sesi"]["sameSite"] == "Strict" and "pke_sesi" not in page.url
    page.goto(f"{server}/keluarga?wilayah=33.15.01")
    page.get_by_role("heading", name="Daftar keluarga").first.wait_for(timeout=60_000)
    page.reload()
    page.get_by_role("heading", name="Daftar keluarga").first.wait_for(timeout=60_000)
    sidebar.get_by_text("operator", exact=True).wait_for(timeout=30_000)
    _simpan(page, "masuk_operator_keluarga_1280x720")
    page.wait_for_function(SIAP, timeout=60_000)
    sidebar.get_by_role("button", name="Keluar").click()
    sidebar.get_by_text("Belum masuk: hanya tampilan agregat.").wait_for(timeout=30_000)
    page.goto(f"{server}/keluarga?wilayah=33.15.01")
    page.wait_for_function(SIAP, timeout=60_000)
    page.wait_for_timeout(1000)
    assert page.get_by_role("heading", name="Daftar keluarga").count() == 0
    konteks.close()


@pytest.fixture(scope="module")
def server_jahat(db_jahat, tmp_path_factory):
    port = port_bebas()
    proc = mulai_server(db_jahat, port, toko=tmp_path_factory.mktemp("toko_jahat") / "operasional.sqlite")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def db_jahat(fixture_db, tmp_path_factory):
    import shutil

    import duckdb

    path = tmp_path_factory.mktemp("jahat") / "pke.duckdb"
    gudang.salin(fixture_db, path)
    c = duckdb.connect(str(path))
    c.execute(f"UPDATE wilayah SET nama = '{JAHAT}' WHERE kode = '33.15.01.2001';"
              f"UPDATE desa_prioritas SET opd_pendamping = '{JAHAT}' WHERE kode = '33.15.01.2001'")
    c.close()
    return path


JAHAT = ("<img src=http://evil.example/a.png onerror=window.__xss=1> ![x](http://evil.example/b.png) "
         "[klik](javascript:window.__xss=2)")


@pytest.mark.parametrize("jalur", ["desa?wilayah=33.15.01.2001", "desa?wilayah=33.15.01.2001&presentasi=1",
                                   "peta?wilayah=33.15.01"])
def test_hostile_names_stay_text_in_chromium(server_jahat, browser, jalur):
    """A village and an OPD named with HTML and Markdown: shown as text, nothing fetched, no script run."""
    konteks = browser.new_context()
    page = konteks.new_page()
    luar = []
    page.on("request", lambda r: luar.append(r.url) if "evil.example" in r.url else None)
    page.goto(f"{server_jahat}/{jalur}")
    page.wait_for_selector("[data-testid='stDeckGlJsonChart'] canvas", timeout=60_000)
    page.wait_for_function(SIAP, timeout=60_000)
    page.wait_for_timeout(1500)
    assert not luar, luar
    assert page.evaluate("() => window.__xss === undefined")
    assert page.locator("img[src*='evil.example'], a[href^='javascript']").count() == 0
    if jalur.startswith("desa"):
        assert "![x](http://evil.example/b.png)" in page.inner_text("[data-testid='stMain']")
    konteks.close()


def test_verval_sheet_download_names_its_user(server, sesi, toko_server):
    """The by-name export as an operator would make it: the file says who exported it, and the audit entry written
    before the file carries the user (Streamlit builds the file outside the session)."""
    import io

    import openpyxl

    from pke import audit, operasional

    page = _buka(sesi("operator"), server, "keluarga?wilayah=33.15.01", "1920x1080", "Daftar keluarga", "Skor prioritas")
    with page.expect_download(timeout=60_000) as unduh:
        page.get_by_role("button", name=re.compile("Unduh lembar verval")).click()
    wb = openpyxl.load_workbook(io.BytesIO(open(unduh.value.path(), "rb").read()))
    assert wb["keterangan"]["A2"].value.startswith("Diekspor oleh operator pada ")
    assert "disamarkan" in wb["keterangan"]["A2"].value
    kolom = [c.value for c in wb["verval"][1]]
    nik = [r[kolom.index("nik")] for r in wb["verval"].iter_rows(min_row=2, values_only=True)]
    assert nik and all(re.fullmatch(r"\d{4}\*{8}\d{4}", str(v)) for v in nik)  # masked: no purpose stated
    entri = audit.daftar(operasional.buka(toko_server), aksi=audit.EKSPOR_NAMA)
    assert entri and entri[0]["pengguna"] == "operator" and entri[0]["lingkup"] == "33.15.01"
    page.close()


def test_upload_checked_in_a_separate_process(server, sesi, tmp_path):
    """The dry run of an upload in the real server: the check runs in its own Python process (under `streamlit
    run` the app is the __main__ module, which multiprocessing would re-run in its child) and comes back."""
    from tests.test_impor import baris, csv_bytes

    berkas = tmp_path / "desa.csv"
    berkas.write_bytes(csv_bytes([baris(1), baris(2, nik="12345"), baris(3)]))
    page = _buka(sesi("admin"), server, "impor", "1280x720", "Impor data", "Riwayat impor")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(berkas))
    page.get_by_text("Baris diterima").wait_for(timeout=90_000)
    page.wait_for_function(SIAP, timeout=60_000)
    isi = page.inner_text("[data-testid='stMain']")
    assert "Baris ditolak" in isi and "Impor 2 baris" in isi, isi[:500]
    _simpan(page, "impor_periksa_1280x720")
    page.close()


@pytest.mark.parametrize("jalur, judul", [("masuk", "Masuk ke Dasbor PKE"), ("peta?wilayah=33.15", "Peta kebutuhan")])
def test_tautan_dalam_pertama_setelah_server_mulai(fixture_db, browser, tmp_path, jalur, judul):
    """The very first request after a server starts is a deep link: Streamlit runs that page alone (a `pages/` folder
    app) until a session calls st.navigation. The page must still open through app.py: the registry's navigation
    (no raw file list, no "app" entry), the login page's demo accounts, the region the link names."""
    port = port_bebas()
    proc = mulai_server(fixture_db, port, toko=tmp_path / "operasional.sqlite")
    try:
        hal = browser.new_page(viewport={"width": 1280, "height": 720})
        hal.goto(f"http://127.0.0.1:{port}/{jalur}")
        hal.get_by_role("heading", name=judul).wait_for(timeout=60_000)
        hal.wait_for_function(SIAP, timeout=60_000)
        navigasi = hal.locator("[data-testid='stSidebarNav']").inner_text()
        assert "Ringkasan" in navigasi and "app" not in navigasi.split()
        if jalur == "masuk":  # the demo accounts are drawn below the form: wait for them (a busy machine)
            hal.get_by_role("heading", name="Akun demo").wait_for(timeout=60_000)
            assert hal.get_by_role("heading", name="Akun demo").count() == 1
        else:
            assert "Kab. Grobogan" in hal.locator("[data-testid='stMain']").inner_text()
        hal.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
