"""The map in a real browser (headless Chromium through Playwright, pydeck drawn with SwiftShader): a click on a
region opens it — a village its Profil Desa, a kabupaten the next level — at every scale the fixture database
offers (province, kabupaten, kecamatan, a village's own map), in normal and in presentation mode; on the wall the
map takes at least half of the screen and the page does not scroll; and no request leaves the server.

A click lands on a known village: the test computes the pixel of a point deep inside its polygon from the map's
initial view (pke.maps.tampilan_awal, the same function the page calls) with deck.gl's web-mercator projection.
Screenshots go to test-artifacts/."""
from __future__ import annotations

import math
import os
import re

import pytest
import shapely

from bench.browser import ARGS, CHROMIUM, SIAP, masuk, mulai_server, port_bebas
from pke import db, demo_akun, klaster, maps
from pke.config import ROOT
from tests.conftest import KAB

ARTEFAK = ROOT / "test-artifacts"
DECK = "[data-testid='stDeckGlJsonChart']"
TAHUN, TRIWULAN = 2026, 4


@pytest.fixture(scope="module")
def server(fixture_db, tmp_path_factory):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium tidak ditemukan di {CHROMIUM}: apt-get install -y chromium")
    port = port_bebas()
    proc = mulai_server(fixture_db, port, toko=tmp_path_factory.mktemp("toko_peta") / "operasional.sqlite")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def konteks(server):
    """A browser context signed in as the province's leader (region 33), after one visit to "/" (a fresh server)."""
    from playwright.sync_api import sync_playwright

    sandi = {a["nama"]: a["sandi"] for a in demo_akun.DAFTAR}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        awal = browser.new_page()
        awal.goto(server)
        awal.wait_for_function(SIAP, timeout=60_000)
        awal.close()
        k = masuk(browser, server, "pimpinan", sandi["pimpinan"])
        yield k
        k.close()
        browser.close()


def _buka(konteks, server: str, jalur: str, lebar: int = 1280, tinggi: int = 720):
    """Open `jalur` and wait until its map is drawn; page.luar collects every request to another host."""
    page = konteks.new_page()
    page.set_viewport_size({"width": lebar, "height": tinggi})
    page.luar = []
    page.on("request", lambda r: page.luar.append(r.url)
            if not r.url.startswith((server, "data:", "blob:")) else None)
    page.goto(f"{server}/{jalur}")
    page.wait_for_selector(f"{DECK} canvas", state="attached", timeout=90_000)
    page.wait_for_function(SIAP, timeout=90_000)
    page.locator(DECK).scroll_into_view_if_needed()
    page.wait_for_timeout(1500)  # WebGL draws the polygons
    return page


def _data(fixture_db, kode: str) -> "pd.DataFrame":  # noqa: F821
    """The regions the page draws for region `kode` (the query and scope the page uses, the cluster irrelevant)."""
    ling = maps.lingkup_peta(kode)
    con = db.buka(fixture_db)
    try:
        d = db.jalankan(con, "peta_wilayah", lingkup="", kode=ling.area, panjang=ling.panjang, klaster="rtlh",
                        tahun=TAHUN, triwulan=TRIWULAN)
    finally:
        con.close()
    return d[d["geojson"].notna()].reset_index(drop=True)


def _prioritas(fixture_db):
    con = db.buka(fixture_db)
    try:
        return db.jalankan(con, "peta_desa_prioritas", lingkup="", kode="33", tahun=TAHUN)
    finally:
        con.close()


def _sasaran(d, ukuran: tuple[int, int], terpilih: str | None = None, kecuali: str | None = None, hindari=None):
    """(kode, nama, lng, lat, view state): the largest drawn region (but `kecuali`), at the centre of the largest
    circle inside it (and outside the geometries of `hindari`, e.g. priority villages drawn over a kabupaten), and
    the map's initial view as the page computes it."""
    geom = shapely.from_geojson(d["geojson"].to_numpy())
    urut = [i for i in shapely.area(geom).argsort()[::-1] if d.loc[i, "kode"] != kecuali]
    i = int(urut[0])
    bidang = geom[i]
    if hindari is not None and len(hindari):
        bidang = shapely.difference(shapely.make_valid(bidang),
                                    shapely.union_all(shapely.make_valid(shapely.from_geojson(hindari["geojson"]
                                                                                              .to_numpy()))))
        bidang = max(shapely.get_parts(bidang), key=shapely.area)
    pusat = shapely.maximum_inscribed_circle(bidang).coords[0]
    wajib = d.loc[d["kode"] == terpilih, "geojson"] if terpilih else None
    return d.loc[i, "kode"], d.loc[i, "nama"], pusat[0], pusat[1], maps.tampilan_awal(d["geojson"], *ukuran,
                                                                                         wajib=wajib)


def _piksel(page, tampilan, lng: float, lat: float) -> tuple[float, float]:
    """Where (lng, lat) is on the page: deck.gl's web-mercator world is 512 * 2^zoom pixels wide, centred on the
    view's longitude and latitude at the centre of the canvas."""
    dunia = 512 * 2 ** tampilan.zoom

    def proyeksi(x, y):
        return ((x + 180) / 360 * dunia,
                (1 - math.log(math.tan(math.pi / 4 + math.radians(y) / 2)) / math.pi) / 2 * dunia)

    x0, y0 = proyeksi(tampilan.longitude, tampilan.latitude)
    x, y = proyeksi(lng, lat)
    kotak = page.locator(DECK).bounding_box()
    return kotak["x"] + kotak["width"] / 2 + x - x0, kotak["y"] + kotak["height"] / 2 + y - y0


def _klik(page, xy: tuple[float, float]) -> None:
    """Point at the region (its tooltip shows, as for a person), then click it once."""
    page.mouse.move(xy[0] - 4, xy[1])
    page.wait_for_timeout(500)
    page.mouse.click(*xy)


def _simpan(page, nama: str) -> None:
    ARTEFAK.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFAK / f"{nama}.png"))


def _wilayah_sidebar(page) -> set[str]:
    """What the sidebar's region pickers show (their values and texts)."""
    kotak = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']")
    return ({v for v in page.evaluate("""() => [...document.querySelectorAll(
        '[data-testid="stSidebar"] [data-testid="stSelectbox"] input')].map(e => e.value || e.placeholder)""")}
            | {t for teks in kotak.all_inner_texts() for t in teks.split("\n")})


def _tunggu_url(page, kode: str, jalur: str) -> None:
    page.wait_for_url(re.compile(rf"/{jalur}\?.*wilayah={re.escape(kode)}(&|$)"), timeout=60_000)
    page.wait_for_function(SIAP, timeout=90_000)


def test_klik_desa_di_peta_kabupaten_membuka_profil_desa(server, konteks, fixture_db):
    page = _buka(konteks, server, f"peta?wilayah={KAB}&bahasa=id")
    assert page.get_by_text("Klik wilayah di peta untuk membukanya").count() == 1
    kode, nama, lng, lat, tampilan = _sasaran(_data(fixture_db, KAB), maps.UKURAN_LAYAR)
    assert len(kode) == 13
    _klik(page, _piksel(page, tampilan, lng, lat))
    _tunggu_url(page, kode, "desa")
    page.get_by_role("heading", name=re.compile(rf"^(Desa|Kelurahan) {re.escape(nama)}$")).wait_for(timeout=60_000)
    # the sidebar's region follows: the village, inside its kabupaten
    assert {"Kab. Grobogan", nama} <= _wilayah_sidebar(page)
    assert not page.luar, f"requests to outside hosts: {page.luar}"
    _simpan(page, "peta_klik_desa_1280x720")
    page.close()


def test_klik_kabupaten_di_peta_provinsi_membuka_kabupaten(server, konteks, fixture_db):
    """At province level the map draws kabupaten (the fixture holds Grobogan's families only): a click on one
    opens the Peta of that kabupaten, its villages drawn."""
    page = _buka(konteks, server, "peta?wilayah=33&bahasa=id")
    d = _data(fixture_db, "33")
    assert set(d["kode"].str.len()) == {5}
    # a point of the kabupaten outside its priority villages (a click inside one opens that village)
    kode, nama, lng, lat, tampilan = _sasaran(d, maps.UKURAN_LAYAR, hindari=_prioritas(fixture_db))
    assert kode == KAB
    _klik(page, _piksel(page, tampilan, lng, lat))
    _tunggu_url(page, kode, "peta")
    page.get_by_text("Jawa Tengah › Kab. Grobogan").first.wait_for(timeout=60_000)
    assert "Kab. Grobogan" in _wilayah_sidebar(page)
    page.get_by_text("Garis abu-abu: batas kecamatan.").wait_for(timeout=60_000)  # now the villages' map
    assert not page.luar, f"requests to outside hosts: {page.luar}"
    page.close()


def test_klik_desa_prioritas_di_peta_provinsi_membuka_profil_desa(server, konteks, fixture_db):
    """At province level the priority villages are outlined over the kabupaten: a click inside one opens it."""
    page = _buka(konteks, server, "peta?wilayah=33&bahasa=id")
    kode, nama, lng, lat, _ = _sasaran(_prioritas(fixture_db), maps.UKURAN_LAYAR)
    tampilan = maps.tampilan_awal(_data(fixture_db, "33")["geojson"], *maps.UKURAN_LAYAR)  # the province's view
    _klik(page, _piksel(page, tampilan, lng, lat))
    _tunggu_url(page, kode, "desa")
    page.get_by_role("heading", name=re.compile(rf"^(Desa|Kelurahan) {re.escape(nama)}$")).wait_for(timeout=60_000)
    page.get_by_text("Desa prioritas PKE", exact=False).first.wait_for(timeout=60_000)
    assert not page.luar, f"requests to outside hosts: {page.luar}"
    page.close()


def test_klik_desa_di_peta_kecamatan_dalam_bahasa_inggris(server, konteks, fixture_db):
    """A kecamatan's map (its villages): a click opens the village, and the language of the link is kept."""
    kec = f"{KAB}.01"
    page = _buka(konteks, server, f"peta?wilayah={kec}&bahasa=en")
    assert page.get_by_text("Click a region on the map to open it").count() == 1
    kode, nama, lng, lat, tampilan = _sasaran(_data(fixture_db, kec), maps.UKURAN_LAYAR)
    assert kode.startswith(kec + ".")
    _klik(page, _piksel(page, tampilan, lng, lat))
    _tunggu_url(page, kode, "desa")
    page.get_by_role("heading", name=re.compile(rf" {re.escape(nama)}$")).wait_for(
        timeout=60_000)
    assert "bahasa=en" in page.url
    assert not page.luar, f"requests to outside hosts: {page.luar}"
    page.close()


def test_klik_desa_tetangga_di_profil_desa(server, konteks, fixture_db):
    """Profil Desa's map of the village's kecamatan: a click on another village opens that village's profile."""
    desa = f"{KAB}.01.2001"
    page = _buka(konteks, server, f"desa?wilayah={desa}&bahasa=id")
    d = _data(fixture_db, desa)
    kode, nama, lng, lat, tampilan = _sasaran(d, (480, 360), terpilih=desa, kecuali=desa)
    _klik(page, _piksel(page, tampilan, lng, lat))
    _tunggu_url(page, kode, "desa")
    page.get_by_role("heading", name=re.compile(rf"^(Desa|Kelurahan) {re.escape(nama)}$")).wait_for(timeout=60_000)
    assert not page.luar, f"requests to outside hosts: {page.luar}"
    page.close()


JS_GULIR = """() => [document.scrollingElement, document.querySelector('[data-testid="stMain"]'),
  document.querySelector('[data-testid="stMainBlockContainer"]')].filter(Boolean)
  .map(e => e.scrollHeight - e.clientHeight)"""


@pytest.mark.parametrize("lebar, tinggi", [(1280, 720), (1920, 1080)])
def test_peta_di_layar_rapat(server, konteks, fixture_db, lebar, tinggi):
    """Presentation mode: the region's biggest gap, named in the title; no scrolling; the map covers at least half
    of the screen beside its legend; a click on a village still opens it, on the wall."""
    con = db.buka(fixture_db)
    try:
        per_klaster = db.jalankan(con, "kebutuhan_per_klaster", lingkup="", kode=KAB, tahun=TAHUN, triwulan=TRIWULAN)
    finally:
        con.close()
    terbesar = per_klaster.sort_values("tersisa", ascending=False, kind="stable").iloc[0]["klaster"]
    page = _buka(konteks, server, f"peta?wilayah={KAB}&bahasa=id&presentasi=1", lebar, tinggi)
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert f"Peta kebutuhan: {klaster.label(terbesar)}" in page.locator(".pke-slide").inner_text()
    assert max(page.evaluate(JS_GULIR)) <= 1, "the page scrolls"
    kotak = page.locator(DECK).bounding_box()
    lihat = max(0, min(kotak["x"] + kotak["width"], lebar) - max(kotak["x"], 0)) * \
        max(0, min(kotak["y"] + kotak["height"], tinggi) - max(kotak["y"], 0))
    assert lihat >= 0.5 * lebar * tinggi, f"map covers {lihat / (lebar * tinggi):.0%} of the screen"
    legenda = page.get_by_text("Desa prioritas", exact=True).first.bounding_box()
    assert legenda["x"] >= kotak["x"] + kotak["width"] - 1 and legenda["y"] + legenda["height"] <= tinggi
    _simpan(page, f"peta_presentasi_{lebar}x{tinggi}")

    # ?klaster= in the link wins over the biggest gap
    lain = next(k for k in klaster.KUNCI if k != terbesar)
    page.goto(f"{server}/peta?wilayah={KAB}&bahasa=id&presentasi=1&klaster={lain}")
    page.locator(".pke-slide").get_by_text(f"Peta kebutuhan: {klaster.label(lain)}").wait_for(timeout=60_000)
    page.wait_for_function(SIAP, timeout=90_000)
    page.wait_for_timeout(1500)

    kode, nama, lng, lat, tampilan = _sasaran(_data(fixture_db, KAB), maps.UKURAN_DINDING)
    _klik(page, _piksel(page, tampilan, lng, lat))
    _tunggu_url(page, kode, "desa")
    assert "presentasi=1" in page.url
    page.locator(".pke-slide").get_by_text(nama).first.wait_for(timeout=60_000)
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert not page.luar, f"requests to outside hosts: {page.luar}"
    page.close()
