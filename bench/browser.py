"""Browser benchmark: time from navigation until a view is fully drawn in headless Chromium, per view, at
kabupaten and province scale, printed as a Markdown table (medians of several runs), with a screenshot of each.

"Fully drawn" = the view's last element is visible (its chart, map canvas, table or final widget) and Streamlit
reports no script running and no placeholder left. Two cases per view:
  warm — the browser has opened the dashboard before (its cached JavaScript bundle), the usual case in a meeting;
  cold — a fresh browser profile that downloads and compiles every bundle (first visit).

    .venv/bin/python bench/browser.py --db data/pke_jateng.duckdb --ulang 5
    .venv/bin/python bench/browser.py --db data/pke.duckdb --kabupaten 33.15 --provinsi 33 --ulang 3

Needs Debian's Chromium (/usr/bin/chromium). pydeck draws with WebGL, so Chromium runs with SwiftShader.
"""
from __future__ import annotations

import argparse
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from ui import halaman  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
VEGA = "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg"
DECK = "[data-testid='stDeckGlJsonChart'] canvas"
TABEL = "[data-testid='stDataFrame'] canvas, [data-testid='stDataFrame'] table"

# url path (ui/halaman.py) -> (region at kabupaten scale, region at province scale, selector of the last element,
# map?). {kab}/{prov} are filled in; views that need a smaller region than a province (a village, a kecamatan) get
# one inside the chosen kabupaten at both scales. Every page of the registry must be listed here.
VIEWS = {
    "ringkasan": ("{kab}", "{prov}", VEGA, False),
    "peta": ("{kab}", "{prov}", DECK, True),
    "sektor": ("{kab}", "{prov}", VEGA, False),
    "peringkat_desa": ("{kab}", "{prov}", "[data-testid='stPlotlyChart'] .main-svg", False),
    "progres": ("{kab}", "{prov}", VEGA, False),
    "evaluasi": ("{kab}", "{prov}", VEGA, False),
    "desa": ("{desa}", "{desa}", DECK, True),
    "register_desa_prioritas": ("{kab}", "{prov}", TABEL, False),
    "keluarga": ("{kec}", "{kab}", TABEL, False),
    "kolaborasi": ("{kab}", "{kab}", TABEL, False),
    "kualitas": ("{kab}", "{prov}", TABEL, False),
    "laporan": ("{kab}", "{prov}", "[data-testid='stButton'] button", False),
    "tayangan": ("{kab}", "{prov}", "[data-testid='stCode']", False),
    "lapor_opd": ("{kab}", "{prov}", TABEL, False),
    # the list, or the note that no decision is recorded yet (the benchmark's own store starts empty)
    "tindak_lanjut": ("{kab}", "{prov}", TABEL + ", [data-testid='stAlert']", False),
    "impor": ("{kab}", "{prov}", "[data-testid='stFileUploader']", False),
    "masuk": ("{kab}", "{prov}", "[data-testid='stForm']", False),
    "akun": ("{kab}", "{prov}", TABEL, False),
    "audit": ("{kab}", "{prov}", "[data-testid='stButton'] button", False),
}
assert set(VIEWS) == set(halaman.PER_URL), "bench/browser.py must list every page of ui/halaman.py"
SIAP = ("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')")


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mulai_server(db: Path, port: int, toko: Path | None = None, akar: Path = ROOT) -> subprocess.Popen:
    """A headless Streamlit server on database `db` (and operational store `toko`, else PKE_STORE or the default),
    running the app in folder `akar` (another checkout, to compare versions)."""
    env = dict(os.environ, PKE_DB=str(db), **({"PKE_STORE": str(toko)} if toko else {}))
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(akar / "app.py"), "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=akar, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    batas = time.time() + 60
    while time.time() < batas:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("Streamlit server did not start")


def _sekali(konteks, url: str, selector: str, gambar: Path | None) -> float:
    page = konteks.new_page()
    t = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector(selector, state="visible", timeout=120_000)
    page.wait_for_function(SIAP, timeout=120_000)
    dt = time.perf_counter() - t
    if gambar:
        gambar.parent.mkdir(parents=True, exist_ok=True)
        page.wait_for_timeout(1000)
        page.screenshot(path=str(gambar))
    page.close()
    return dt


# Who opens each view in the benchmark (accounts of the whole country, made in a store of the benchmark's own);
# None: a visitor who has not signed in.
PERAN = {"keluarga": "analis", "impor": "admin", "akun": "admin", "audit": "admin", "masuk": None}


def ukur(db: Path, wilayah: dict[str, str], ulang: int, keluaran: Path, lebar: int = 1280,
         tinggi: int = 720) -> list[dict]:
    from pke import akun, operasional

    port = port_bebas()
    toko = Path(tempfile.mkdtemp(prefix="pke_bench_")) / "operasional.sqlite"
    con = operasional.buka(toko)
    for peran in ("pimpinan", "analis", "admin"):
        akun.tambah(con, f"bench.{peran}", secrets.token_urlsafe(16), peran, akun.NASIONAL, oleh="bench")
    server = mulai_server(db, port, toko)
    dasar = f"http://127.0.0.1:{port}"
    hasil = []

    def profil(peran):
        """A browser profile signed in as `peran`: a session made in the store and its cookie, so even a
        'cold' profile has loaded nothing before the timed visit."""
        k = browser.new_context(**ukuran)
        if peran:
            k.add_cookies([{"name": "pke_sesi", "value": akun.buat_sesi(con, f"bench.{peran}"), "url": dasar}])
        return k

    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            ukuran = {"viewport": {"width": lebar, "height": tinggi}}
            hangat = {}  # one profile per role: bundles cached after the first visit
            for skala in ("kabupaten", "provinsi"):
                for url, (kab, prov, selector, peta) in VIEWS.items():
                    peran = PERAN.get(url, "pimpinan")
                    if peran not in hangat:
                        hangat[peran] = profil(peran)
                    view, jalur = halaman.PER_URL[url].judul, ("" if url == "ringkasan" else url)
                    kode = (kab if skala == "kabupaten" else prov).format(**wilayah)
                    url = f"{dasar}/{jalur}?wilayah={kode}"
                    _sekali(hangat[peran], url, selector, None)  # warms the server's caches too
                    warm = [_sekali(hangat[peran], url, selector,
                                    keluaran / f"bench_{db.stem}_{skala}_{jalur or 'ringkasan'}.png" if i == 0 else None)
                            for i in range(ulang)]
                    cold = []
                    for _ in range(ulang):
                        baru = profil(peran)
                        cold.append(_sekali(baru, url, selector, None))
                        baru.close()
                    hasil.append({"skala": skala, "wilayah": kode, "view": view, "peta": peta,
                                  "warm": statistics.median(warm), "cold": statistics.median(cold)})
                    print(f"  {skala:9} {view:16} warm {statistics.median(warm):.2f} s  cold "
                          f"{statistics.median(cold):.2f} s", file=sys.stderr, flush=True)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return hasil


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--provinsi", default="33")
    ap.add_argument("--kabupaten", default="33.15")
    ap.add_argument("--kecamatan", default="33.15.01")
    ap.add_argument("--desa", default="33.15.01.2001")
    ap.add_argument("--ulang", type=int, default=3)
    ap.add_argument("--keluaran", type=Path, default=ROOT / "test-artifacts")
    args = ap.parse_args()
    wilayah = {"prov": args.provinsi, "kab": args.kabupaten, "kec": args.kecamatan, "desa": args.desa}
    rows = ukur(args.db, wilayah, args.ulang, args.keluaran)
    print(f"\n{args.db.name}, 1280×720, headless Chromium (SwiftShader), median of {args.ulang} runs each\n")
    print("| scale | region | view | warm (s) | cold (s) | target | warm within target |\n|---|---|---|---|---|---|---|")
    for r in rows:
        target = 8.0 if r["peta"] else 3.0
        print(f"| {r['skala']} | {r['wilayah']} | {r['view']} | {r['warm']:.2f} | {r['cold']:.2f} | < {target:.0f} s | "
              f"{'yes' if r['warm'] < target else 'NO'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def masuk(browser, server: str, nama: str, sandi: str, **opsi):
    """A browser context signed in as `nama` through the login form, as a person would; its session cookie
    carries the login to every page opened in it."""
    konteks = browser.new_context(**opsi)
    page = konteks.new_page()
    page.goto(f"{server}/masuk")
    page.wait_for_function(SIAP, timeout=60_000)
    page.get_by_label("Nama pengguna").fill(nama)
    page.get_by_label("Kata sandi").fill(sandi)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.locator("[data-testid='stSidebar']").get_by_text(nama, exact=True).wait_for(timeout=60_000)
    page.wait_for_function(SIAP, timeout=60_000)
    page.close()
    return konteks
