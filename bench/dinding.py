"""Wall benchmark: every view that may be shown on the wall (ui.halaman.DINDING), opened in presentation mode in
headless Chromium at 1280×720 and 1920×1080. For each it prints the time to a rendered view (median of --ulang
visits in a warm profile), how far the page scrolls (must be 0) and the share of the screen its main visual
(map, chart or table) takes (must be ≥ 50%).

    .venv/bin/python bench/dinding.py --db data/pke.duckdb --wilayah 33.15 --ulang 3
    .venv/bin/python bench/dinding.py --banding /tmp/pke_lama    # also an older checkout, alternating, one run

With --banding the same visits go to a second server running another checkout of the app (e.g.
`git archive 1f43e21 | tar -x -C /tmp/pke_lama`), view by view in turn, so both see the same machine load.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.browser import ARGS, CHROMIUM, ROOT, SIAP, mulai_server, port_bebas  # noqa: E402
from ui import halaman  # noqa: E402

UKURAN = {"1280x720": (1280, 720), "1920x1080": (1920, 1080)}
# The elements that count as a view's main visual, and the one every view shows once it is drawn.
VISUAL = ("[data-testid='stVegaLiteChart'], [data-testid='stDeckGlJsonChart'], [data-testid='stTable'], "
          "[data-testid='stPlotlyChart'], [data-testid='stDataFrame'], [data-testid='stMetric']")
SELESAI = "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg, " \
          "[data-testid='stDeckGlJsonChart'] canvas, [data-testid='stTable'], [data-testid='stMetric'], " \
          "[data-testid='stPlotlyChart'] .main-svg, [data-testid='stAlert']"

# How far the page scrolls, and the largest visual's visible share of the viewport (metric tiles count as one
# visual together: Ringkasan's tiles and chart are its content).
JS_UKUR = """() => {
  const main = document.querySelector('[data-testid="stMain"]') || document.scrollingElement;
  const gulir = Math.max(main.scrollHeight - main.clientHeight,
                         document.scrollingElement.scrollHeight - document.scrollingElement.clientHeight, 0);
  const W = window.innerWidth, H = window.innerHeight;
  // the slide's visual: the union of the charts, maps, tables and tiles in its container (ui.dinding)
  const wadah = document.querySelector('.st-key-pke_visual') || document;
  let x0 = W, y0 = H, x1 = 0, y1 = 0, nama = new Set();
  for (const e of wadah.querySelectorAll(arguments_visual)) {
    const r = e.getBoundingClientRect();
    if (r.width * r.height === 0) continue;
    x0 = Math.min(x0, Math.max(r.left, 0)); y0 = Math.min(y0, Math.max(r.top, 0));
    x1 = Math.max(x1, Math.min(r.right, W)); y1 = Math.max(y1, Math.min(r.bottom, H));
    nama.add(e.getAttribute('data-testid'));
  }
  const bagian = x1 > x0 && y1 > y0 ? (x1 - x0) * (y1 - y0) / (W * H) : 0;
  return {gulir, bagian, visual: [...nama].join('+')};
}"""


def ukur_halaman(page, url: str) -> dict:
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector(SELESAI, state="visible", timeout=120_000)
    page.wait_for_function(SIAP, timeout=120_000)
    detik = time.perf_counter() - t0
    page.wait_for_timeout(300)
    hasil = page.evaluate(JS_UKUR.replace("arguments_visual", repr(VISUAL)))
    return {**hasil, "detik": detik}


_BUAT_SESI = """
import secrets, sys
from pke import akun, operasional
con = operasional.buka(sys.argv[1])
akun.tambah(con, "bench.pimpinan", secrets.token_urlsafe(16), "pimpinan", akun.NASIONAL, oleh="bench")
print(akun.buat_sesi(con, "bench.pimpinan"))
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=Path("data/pke.duckdb"))
    ap.add_argument("--wilayah", default="33.15")
    ap.add_argument("--desa", default="33.15.01.2001")
    ap.add_argument("--ulang", type=int, default=3)
    ap.add_argument("--gambar", type=Path, default=None, help="folder for a screenshot of each view and size")
    ap.add_argument("--view", nargs="*", default=list(halaman.DINDING), help="url paths (default: every wall view)")
    ap.add_argument("--hal", type=int, default=1, help="which slide of each view")
    ap.add_argument("--banding", type=Path, default=None, help="an older checkout to measure alongside")
    args = ap.parse_args()
    versi = {"ini": ROOT} | ({"lama": args.banding} if args.banding else {})
    server, dasar, sesi = {}, {}, {}
    for nama, akar in versi.items():
        # a store of each version's own (an older version does not open a store migrated by a newer one), made by
        # that version's code: the session cookie of one account in it
        toko = Path(tempfile.mkdtemp(prefix="pke_dinding_")) / "operasional.sqlite"
        sesi[nama] = subprocess.run(
            [sys.executable, "-c", _BUAT_SESI, str(toko)], cwd=akar, capture_output=True, text=True,
            check=True).stdout.strip()
        port = port_bebas()
        server[nama] = mulai_server(args.db, port, toko, akar=akar)
        dasar[nama] = f"http://127.0.0.1:{port}"
    baris, langkah = [], []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            for ukuran, (w, h) in UKURAN.items():
                page = {}
                for nama in versi:
                    konteks = browser.new_context(viewport={"width": w, "height": h})
                    konteks.add_cookies([{"name": "pke_sesi", "value": sesi[nama], "url": dasar[nama]}])
                    page[nama] = konteks.new_page()
                    page[nama].goto(dasar[nama] + "/")  # a fresh server: the first visit goes through app.py
                    page[nama].wait_for_function(SIAP, timeout=120_000)
                for url in args.view:
                    kode = args.desa if url == "desa" else args.wilayah
                    jalur = (f"/{'' if url == 'ringkasan' else url}?wilayah={kode}&presentasi=1&hal={args.hal}")
                    ada = [n for n in versi if (versi[n] / halaman.PER_URL[url].berkas).exists()]
                    runs = {nama: [] for nama in ada}
                    for nama in ada:
                        ukur_halaman(page[nama], dasar[nama] + jalur)  # warms the server's caches
                    for _ in range(args.ulang):
                        for nama in ada:  # in turn, so both versions see the same load
                            runs[nama].append(ukur_halaman(page[nama], dasar[nama] + jalur))
                    for nama in ada:
                        if args.gambar and nama == "ini":
                            args.gambar.mkdir(parents=True, exist_ok=True)
                            page[nama].screenshot(path=str(args.gambar / f"dinding_{url}_{args.hal}_{ukuran}.png"))
                        r = runs[nama][-1]
                        baris.append((nama, ukuran, url, statistics.median(x["detik"] for x in runs[nama]),
                                      r["gulir"], r["bagian"], r["visual"]))
                        print(f"  {nama:4} {ukuran} {url:14} {baris[-1][3]:.2f} s  scroll {r['gulir']:5.0f} px  "
                              f"visual {r['bagian']:.0%} ({r['visual']})", file=sys.stderr, flush=True)
                if ukuran == "1280x720":
                    langkah = ukur_tayangan(page["ini"], dasar["ini"], args.wilayah)
                for p in page.values():
                    p.context.close()
            browser.close()
    finally:
        for s_ in server.values():
            s_.terminate()
            s_.wait(timeout=10)
    print(f"\n{args.db.name}, region {args.wilayah}, presentation mode, headless Chromium (SwiftShader), "
          f"median of {args.ulang} warm visits\n")
    print("| version | size | view | rendered (s) | scroll (px) | main visual share | visual |\n"
          "|---|---|---|---|---|---|---|")
    for nama, ukuran, url, detik, gulir, bagian, visual in baris:
        print(f"| {nama} | {ukuran} | {url} | {detik:.2f} | {gulir:.0f} | {bagian:.0%} | {visual} |")
    for ukuran in UKURAN:
        for nama in versi:
            waktu = [b[3] for b in baris if b[0] == nama and b[1] == ukuran]
            print(f"median over the wall views, {nama}, {ukuran}: {statistics.median(waktu):.2f} s")
    print(f"\nSlideshow at 1280×720, {len(langkah)} steps by the keyboard (→): median {statistics.median(langkah):.2f} s, "
          f"max {max(langkah):.2f} s to the next slide drawn")
    return 0


TAYANG = "ringkasan,peta,sektor,progres"


def ukur_tayangan(page, dasar: str, wilayah: str) -> list[float]:
    """Step through a slideshow with → as a presenter's clicker does; the time from the key press to the next
    slide drawn (its header showing the new position and the app idle), each step."""
    page.goto(f"{dasar}/?wilayah={wilayah}&presentasi=1&tayang={TAYANG}&detik=0")
    page.wait_for_selector(".pke-slide", timeout=120_000)
    page.wait_for_function(SIAP, timeout=120_000)
    waktu = []
    for _ in range(12):
        sebelum = page.inner_text(".pke-slide")
        t0 = time.perf_counter()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("(s) => { const e = document.querySelector('.pke-slide'); "
                               "return e && e.innerText !== s; }", arg=sebelum, timeout=120_000)
        page.wait_for_selector(SELESAI, state="visible", timeout=120_000)
        page.wait_for_function(SIAP, timeout=120_000)
        waktu.append(time.perf_counter() - t0)
        print(f"  slideshow step {len(waktu)}: {waktu[-1]:.2f} s  ({page.inner_text('.pke-slide')[:70]})",
              file=sys.stderr, flush=True)
    return waktu


if __name__ == "__main__":
    raise SystemExit(main())
