"""Peringkat Desa in a real browser (headless Chromium through Playwright): a click on a village's bar in the
ranking's Plotly chart opens that village's Profil Desa — in normal mode and on the wall, where the chart fills its
slide; the link that answers the rakor's sanitation question needs no click; and a village named with HTML and
Markdown stays text in the chart, nothing fetched, no script run. Screenshots go to test-artifacts/."""
from __future__ import annotations

import os
import re

import pytest

from bench.browser import ARGS, CHROMIUM, SIAP, masuk, mulai_server, port_bebas
from pke import db, demo_akun, gudang
from pke.config import ROOT
from tests.conftest import KAB

ARTEFAK = ROOT / "test-artifacts"
GRAFIK = "[data-testid='stPlotlyChart']"
BATANG = f"{GRAFIK} g.trace.bars g.point path"
TAHUN, TRIWULAN = 2026, 4
JAHAT = ("<img src=http://evil.example/a.png onerror=window.__xss=1> ![x](http://evil.example/b.png) "
         "<a href=\"javascript:window.__xss=2\">klik</a>")


def _server(db_path, toko):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium tidak ditemukan di {CHROMIUM}: apt-get install -y chromium")
    port = port_bebas()
    return mulai_server(db_path, port, toko=toko), f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def server(fixture_db, tmp_path_factory):
    proc, url = _server(fixture_db, tmp_path_factory.mktemp("toko_peringkat") / "operasional.sqlite")
    yield url
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
def konteks(browser, server):
    """Signed in as the province's leader, after one visit to "/" (a fresh server)."""
    awal = browser.new_page()
    awal.goto(server)
    awal.wait_for_function(SIAP, timeout=60_000)
    awal.close()
    sandi = {a["nama"]: a["sandi"] for a in demo_akun.DAFTAR}
    k = masuk(browser, server, "pimpinan", sandi["pimpinan"])
    yield k
    k.close()


def _peringkat(fixture_db, **p):
    con = db.buka(fixture_db)
    try:
        return db.jalankan(con, "peringkat_desa", lingkup="", **{
            "kode": KAB, "tahun": TAHUN, "triwulan": TRIWULAN, "klaster": "jamban", "ukuran": "jumlah", "naik": False,
            "hanya_prioritas": True, **p})
    finally:
        con.close()


def _buka(konteks, server: str, jalur: str, lebar: int = 1280, tinggi: int = 720):
    page = konteks.new_page()
    page.set_viewport_size({"width": lebar, "height": tinggi})
    page.luar = []
    page.on("request", lambda r: page.luar.append(r.url)
            if not r.url.startswith((server, "data:", "blob:")) else None)
    page.goto(f"{server}/{jalur}")
    page.wait_for_selector(BATANG, state="visible", timeout=90_000)
    page.wait_for_function(SIAP, timeout=90_000)
    page.wait_for_timeout(500)
    return page


def _klik_batang(page, i: int) -> None:
    """Point at bar `i` (0 = the first-ranked, at the top), as a person would, then click it."""
    batang = page.locator(BATANG).nth(i)
    batang.scroll_into_view_if_needed()
    kotak = batang.bounding_box()
    x, y = kotak["x"] + kotak["width"] / 2, kotak["y"] + kotak["height"] / 2
    page.mouse.move(x - 3, y)
    page.wait_for_timeout(300)
    page.mouse.click(x, y)


def _simpan(page, nama: str) -> None:
    ARTEFAK.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFAK / f"{nama}.png"))


def _tunggu_desa(page, kode: str, nama: str) -> None:
    page.wait_for_url(re.compile(rf"/desa\?.*wilayah={re.escape(kode)}(&|$)"), timeout=60_000)
    page.wait_for_function(SIAP, timeout=90_000)


def test_link_answers_and_a_bar_opens_the_village(server, konteks, fixture_db):
    """/peringkat_desa?wilayah=33.15&klaster=jamban&prioritas=1: Grobogan's priority villages ranked by families
    without a proper toilet, Dinkes named; the third bar opens that village's Profil Desa."""
    data = _peringkat(fixture_db)
    page = _buka(konteks, server, f"peringkat_desa?wilayah={KAB}&klaster=jamban&prioritas=1&bahasa=id")
    assert page.locator(BATANG).count() == 25
    isi = page.inner_text("[data-testid='stMain']")
    assert "OPD penanggung jawab Dinkes" in isi and "51 desa prioritas dengan kebutuhan ini" in isi
    # the bars are the ranked villages, the first-ranked at the top
    label = page.locator(f"{GRAFIK} .yaxislayer-above .ytick text").all_text_contents()
    assert label[:3] == [f"★ {n}" for n in data["desa"][:3]]
    _simpan(page, "peringkat_desa_1280x720")
    kode, nama = data["kode"].iloc[2], data["desa"].iloc[2]
    _klik_batang(page, 2)
    _tunggu_desa(page, kode, nama)
    page.get_by_role("heading", name=re.compile(rf"^(Desa|Kelurahan) {re.escape(nama)}$")).wait_for(timeout=60_000)
    assert "bahasa=id" in page.url
    assert not page.luar, f"requests to outside hosts: {page.luar}"
    _simpan(page, "peringkat_desa_klik_1280x720")
    # back on the ranking, nothing is left selected: the chart draws again and another bar opens its village
    page.goto(f"{server}/peringkat_desa?wilayah={KAB}&klaster=jamban&prioritas=1&bahasa=id")
    page.wait_for_selector(BATANG, state="visible", timeout=90_000)
    page.wait_for_function(SIAP, timeout=90_000)
    page.wait_for_timeout(500)
    assert "/peringkat_desa" in page.url
    _klik_batang(page, 0)
    _tunggu_desa(page, data["kode"].iloc[0], data["desa"].iloc[0])
    page.close()


def test_on_the_wall_the_chart_fills_the_slide_and_a_bar_opens_the_village(server, konteks, fixture_db):
    data = _peringkat(fixture_db)
    page = _buka(konteks, server, f"peringkat_desa?wilayah={KAB}&klaster=jamban&prioritas=1&presentasi=1")
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert page.locator(BATANG).count() == 12
    kotak = page.locator(GRAFIK).bounding_box()
    assert kotak["width"] * kotak["height"] >= 0.5 * 1280 * 720, kotak
    assert kotak["y"] + kotak["height"] <= 720 + 1
    gulir = page.evaluate("() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
                          " return m.scrollHeight - m.clientHeight; }")
    assert gulir <= 2
    ukuran = page.locator(f"{GRAFIK} .ytick text").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert ukuran >= 18
    assert "1/4" in page.locator(".pke-posisi").inner_text()  # the chart, then 36 rows on three slides
    _simpan(page, "presentasi_peringkat_desa_grafik_1280x720")
    kode, nama = data["kode"].iloc[0], data["desa"].iloc[0]
    _klik_batang(page, 0)
    _tunggu_desa(page, kode, nama)
    assert "presentasi=1" in page.url  # a presenter drilling down stays on the wall
    page.locator(".pke-slide").get_by_text(nama, exact=False).first.wait_for(timeout=60_000)
    page.close()


@pytest.fixture(scope="module")
def server_jahat(fixture_db, tmp_path_factory):
    import duckdb

    path = tmp_path_factory.mktemp("jahat_peringkat") / "pke.duckdb"
    gudang.salin(fixture_db, path)
    c = duckdb.connect(str(path))
    c.execute("UPDATE wilayah SET nama = ? WHERE kode = ?", [JAHAT, _peringkat(fixture_db)["kode"].iloc[0]])
    c.close()
    proc, url = _server(path, tmp_path_factory.mktemp("toko_jahat_peringkat") / "operasional.sqlite")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def test_hostile_village_name_stays_text_in_the_chart(server_jahat, browser):
    """A village named with HTML and Markdown, first in the ranking: its bar's label shows the text, nothing is
    fetched, no script runs, no link is made — normal mode and the wall."""
    konteks = browser.new_context()
    for jalur in (f"peringkat_desa?wilayah={KAB}&klaster=jamban", f"peringkat_desa?wilayah={KAB}&klaster=jamban"
                                                                   "&presentasi=1"):
        page = konteks.new_page()
        page.set_viewport_size({"width": 1280, "height": 720})
        jahat = []
        page.on("request", lambda r: jahat.append(r.url) if "evil.example" in r.url else None)
        page.goto(f"{server_jahat}/{jalur}")
        page.wait_for_selector(BATANG, state="visible", timeout=90_000)
        page.wait_for_function(SIAP, timeout=90_000)
        page.mouse.move(10, 10)
        page.wait_for_timeout(1000)
        assert not jahat, jahat
        assert page.evaluate("() => window.__xss === undefined")
        assert page.locator("img[src*='evil.example'], a[href^='javascript'], "
                            f"{GRAFIK} a").count() == 0
        label = page.locator(f"{GRAFIK} .yaxislayer-above .ytick text").first.text_content()
        assert "<img src=http://evil.example/a.png" in label or label.startswith("★ <img")
        page.close()
    konteks.close()
