"""The issue-11 walk-through as a new user would do it, in headless Chromium on a real server: an OPD drafts and
submits a quarterly report, the Bappeda analyst approves it, while a head of office keeps browsing Ringkasan; prints
how long each step took and saves screenshots.

    .venv/bin/python bench/alur_opd.py --db data/pke_jateng.duckdb
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.browser import ARGS, CHROMIUM, SIAP, masuk, mulai_server, port_bebas  # noqa: E402
from pke import demo_akun  # noqa: E402

KELUAR = Path(__file__).resolve().parent.parent / "test-artifacts"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=Path("data/pke_jateng.duckdb"))
    ap.add_argument("--lebar", type=int, default=1280)
    ap.add_argument("--tinggi", type=int, default=720)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    KELUAR.mkdir(exist_ok=True)
    sandi = {a["nama"]: a["sandi"] for a in demo_akun.DAFTAR}
    with tempfile.TemporaryDirectory() as tmp:
        port = port_bebas()
        server = f"http://127.0.0.1:{port}"
        proc = mulai_server(args.db, port, Path(tmp) / "ops.sqlite")
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                ukuran = {"viewport": {"width": args.lebar, "height": args.tinggi}}
                opd = masuk(browser, server, "opd", sandi["opd"], **ukuran)
                analis = masuk(browser, server, "analis", sandi["analis"], **ukuran)
                pimpinan = masuk(browser, server, "pimpinan", sandi["pimpinan"], **ukuran)
                waktu_baca: list[float] = []
                berhenti = threading.Event()

                def jelajah():
                    # Playwright's sync API is bound to one thread: the head of office browses in its own loop
                    with sync_playwright() as pw2:
                        b2 = pw2.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                        k = masuk(b2, server, "pimpinan", sandi["pimpinan"], **ukuran)
                        hal = k.new_page()
                        while not berhenti.is_set():
                            t = time.perf_counter()
                            hal.goto(f"{server}/?wilayah=33.15")
                            hal.locator("[data-testid='stMetric']").first.wait_for(timeout=60_000)
                            hal.wait_for_function(SIAP, timeout=60_000)
                            waktu_baca.append(time.perf_counter() - t)
                        b2.close()

                pemantau = threading.Thread(target=jelajah)
                pemantau.start()
                sfx = f"{args.lebar}x{args.tinggi}"
                hal = opd.new_page()
                hal.goto(f"{server}/lapor_opd")
                hal.wait_for_function(SIAP, timeout=60_000)
                hal.get_by_label("Keluarga terjangkau").fill("37")
                hal.get_by_label("Program").fill("Bantuan sosial permakanan")
                t = time.perf_counter()
                hal.get_by_role("button", name="Simpan draf").click()
                hal.get_by_text("disimpan", exact=False).first.wait_for(timeout=60_000)
                draf = time.perf_counter() - t
                t = time.perf_counter()
                hal.get_by_role("button", name="Ajukan laporan").click()
                hal.get_by_text("diajukan ke analis", exact=False).first.wait_for(timeout=60_000)
                ajukan = time.perf_counter() - t
                hal.wait_for_function(SIAP, timeout=60_000)
                hal.screenshot(path=str(KELUAR / f"alur_opd_diajukan_{sfx}.png"), full_page=True)
                h2 = analis.new_page()
                h2.goto(f"{server}/lapor_opd")
                h2.wait_for_function(SIAP, timeout=60_000)
                t = time.perf_counter()
                h2.get_by_role("button", name="Setujui").click()
                h2.get_by_text("disetujui", exact=False).first.wait_for(timeout=60_000)
                setujui = time.perf_counter() - t
                h2.wait_for_function(SIAP, timeout=60_000)
                h2.screenshot(path=str(KELUAR / f"alur_opd_disetujui_{sfx}.png"), full_page=True)
                h3 = pimpinan.new_page()
                h3.goto(f"{server}/progres?wilayah=33.15")
                h3.get_by_text("Laporan OPD triwulan ini").first.wait_for(timeout=60_000)
                h3.wait_for_function(SIAP, timeout=60_000)
                h3.screenshot(path=str(KELUAR / f"alur_opd_progres_{sfx}.png"), full_page=True)
                berhenti.set()
                pemantau.join()
                browser.close()
        finally:
            proc.terminate()
            proc.wait()
    print(f"simpan draf {draf:.2f} s; ajukan {ajukan:.2f} s; setujui {setujui:.2f} s (klik → pesan tampil)")
    if waktu_baca:
        print(f"pimpinan membuka Ringkasan {len(waktu_baca)} kali selama itu: median "
              f"{sorted(waktu_baca)[len(waktu_baca) // 2]:.2f} s, terlama {max(waktu_baca):.2f} s, tanpa galat")
    print(f"gambar: {KELUAR}/alur_opd_*_{sfx}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
