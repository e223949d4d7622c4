"""Real-browser tests: a Streamlit server on the fixture database, each view opened in headless Chromium at
1280×720; the page renders without an error, shows its title and figures, and no 16-digit NIK appears in its
text. Screenshots go to test-artifacts/."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time

import pytest

from pke.config import ROOT
from tests.conftest import KAB

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTEFAK = ROOT / "test-artifacts"

# (url path and query, title, text that must be visible)
VIEWS = [
    (f"?wilayah={KAB}", "Ringkasan", "Keluarga P3KE"),
    (f"peta?wilayah={KAB}", "Peta kebutuhan", "Desa prioritas"),
    (f"sektor?wilayah={KAB}", "Kebutuhan per sektor", "Per kecamatan"),
    (f"progres?wilayah={KAB}", "Progres triwulan", "Sesuai target"),
    ("evaluasi?wilayah=33", "Evaluasi provinsi", "kabupaten/kota prioritas provinsi"),
    ("desa?wilayah=33.15.01.2001", "Desa Karanglangu", "Keluarga per desil"),
    ("keluarga?wilayah=33.15.01", "Daftar keluarga", "Skor prioritas"),
    (f"kolaborasi?wilayah={KAB}", "Peluang kolaborasi", "Biaya satuan"),
    (f"kualitas?wilayah={KAB}", "Kualitas data", "Progres verval desa"),
    ("impor", "Impor data", "Riwayat impor"),
]


@pytest.fixture(scope="module")
def server(fixture_db):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium tidak ditemukan di {CHROMIUM}: apt-get install -y chromium")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PKE_DB=str(fixture_db))
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless",
                             "true", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    batas = time.time() + 60
    while time.time() < batas:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.3)
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


@pytest.mark.parametrize("jalur, judul, teks", VIEWS, ids=[v[1] for v in VIEWS])
def test_tampilan_di_chromium(server, browser, jalur, judul, teks):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{server}/{jalur}")
    page.get_by_role("heading", name=judul).first.wait_for(timeout=60_000)
    page.get_by_text(teks).first.wait_for(timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
                           " && !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=60_000)
    if jalur.startswith("peta") or jalur.startswith("desa"):
        page.wait_for_selector("[data-testid='stDeckGlJsonChart'] canvas", timeout=60_000)
        page.wait_for_timeout(1500)  # let WebGL draw the polygons before the screenshot
    assert page.locator("[data-testid='stException']").count() == 0
    isi = page.inner_text("body")
    assert "DATA DEMO" in isi or judul == "Impor data"
    assert not re.search(r"(?<!\d)\d{16}(?!\d)", isi), "a full 16-digit NIK is visible"
    ARTEFAK.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFAK / f"{judul.lower().replace(' ', '_')}_1280x720.png"))
    page.close()


@pytest.mark.parametrize("jalur", [f"?wilayah={KAB}&presentasi=1", f"keluarga?wilayah={KAB}&presentasi=1"])
def test_mode_presentasi_di_chromium(server, browser, jalur):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{server}/{jalur}")
    page.get_by_role("button", name="Keluar dari mode presentasi").wait_for(timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
                           " && !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=60_000)
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    isi = page.inner_text("body")
    assert not re.search(r"(?<!\d)\d{16}(?!\d)", isi) and "****" not in isi  # no NIK, not even masked
    teks = page.locator("[data-testid='stMarkdownContainer'] p").first
    assert float(teks.evaluate("e => getComputedStyle(e).fontSize").rstrip("px")) >= 18
    if not jalur.startswith("keluarga"):
        # the element that actually holds the figure's text, not its container
        ukuran = page.locator("[data-testid='stMetricValue']").first.evaluate(
            "e => { let n = e; while (n.firstElementChild) n = n.firstElementChild; return getComputedStyle(n).fontSize; }")
        assert float(ukuran.rstrip("px")) >= 48
    ARTEFAK.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFAK / f"presentasi_{jalur.split('?')[0] or 'ringkasan'}_1280x720.png"))
    page.close()
