"""Browser benchmark: time from navigation until a view is fully drawn in headless Chromium, and a
screenshot of each view. Starts its own Streamlit server on the given database.

    .venv/bin/python bench/browser.py --db data/pke.duckdb --wilayah 33.15 --ulang 3
    .venv/bin/python bench/browser.py --db data/pke_jateng.duckdb --wilayah 33 --ulang 3

Needs Debian's Chromium (/usr/bin/chromium). pydeck draws with WebGL, so Chromium runs with SwiftShader.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]

# What "fully drawn" means per view: the last element a user waits for.
# view -> (URL path, selector). Ringkasan is the default page, served at "/".
VIEWS = {
    "ringkasan": ("", "[data-testid='stPlotlyChart'] .main-svg"),
    "peta": ("peta", "[data-testid='stDeckGlJsonChart'] canvas"),
    "sektor": ("sektor", "[data-testid='stPlotlyChart'] .main-svg"),
}


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mulai_server(db: Path, port: int) -> subprocess.Popen:
    env = dict(os.environ, PKE_DB=str(db))
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    batas = time.time() + 60
    while time.time() < batas:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("Streamlit server did not start")


def ukur(db: Path, wilayah: str, ulang: int, keluaran: Path, lebar: int = 1280, tinggi: int = 720) -> list[dict]:
    port = port_bebas()
    server = mulai_server(db, port)
    hasil = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            for view, (jalur, selector) in VIEWS.items():
                waktu = []
                for i in range(ulang + 1):  # the first run warms the server's caches
                    page = browser.new_page(viewport={"width": lebar, "height": tinggi})
                    url = f"http://127.0.0.1:{port}/{jalur}?wilayah={wilayah}"
                    t = time.perf_counter()
                    page.goto(url)
                    page.wait_for_selector(selector, state="visible", timeout=120_000)
                    page.wait_for_function(
                        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)
                    dt = time.perf_counter() - t
                    if i:
                        waktu.append(dt)
                    if i == ulang:
                        keluaran.mkdir(parents=True, exist_ok=True)
                        page.wait_for_timeout(1500)
                        page.screenshot(path=str(keluaran / f"{db.stem}_{view}_{wilayah}.png"), full_page=True)
                    page.close()
                hasil.append({"db": db.name, "wilayah": wilayah, "view": view,
                              "median_s": statistics.median(waktu), "runs": [round(w, 2) for w in waktu]})
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return hasil


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--wilayah", default="33.15")
    ap.add_argument("--ulang", type=int, default=3)
    ap.add_argument("--keluaran", type=Path, default=ROOT / "test-artifacts")
    args = ap.parse_args()
    rows = ukur(args.db, args.wilayah, args.ulang, args.keluaran)
    print("| database | wilayah | view | median (s) | runs (s) |\n|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['db']} | {r['wilayah']} | {r['view']} | {r['median_s']:.2f} | {r['runs']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
