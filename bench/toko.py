"""Operational store (pke.operasional: SQLite in WAL mode) under load, and what the alternative would cost.

Creates a fresh store in a temporary directory for every run and prints a Markdown table of medians over the runs:

1. one audit entry (audit.catat) from a single process;
2. N processes (spawn) each writing 500 audit entries at once: entries/s, latency per write, chain intact after;
3. session checks (akun.cek_sesi) from another process while those writers run (and with no writer, to compare);
4. a login (akun.masuk with the right password; argon2id m=19 MiB, t=2, p=1 dominates);
5. the alternative: a DuckDB file open read-only in one process cannot be opened read-write by another, and
   the old way round that — copy the ~200 MB file, change the copy, move it over (pke.tulis.ubah_basis_data).

    .venv/bin/python bench/toko.py --proses 4 --ulang 5 --keluar /tmp/toko.md
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

NAMA, SANDI = "bench", "sandi-bench-panjang"
TUNGGU = 120  # seconds any one wait may take before the run is declared stuck


def _ms(xs: list[float]) -> list[float]:
    return [x * 1000 for x in xs]


def p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(0.95 * len(xs)) - 1))]


def median(xs: list[float]) -> float:
    return statistics.median(xs)


# --- child processes (spawn: module-level functions, everything passed as arguments) ---------------------------

def _penulis(path: str, n: int, urut: int, mulai, hasil) -> None:
    from pke import audit, operasional
    try:
        con = operasional.buka(path)
        lat = []
        mulai.wait(TUNGGU)
        t0 = time.monotonic()
        for i in range(n):
            t = time.perf_counter()
            audit.catat(con, f"penulis{urut}", audit.LIHAT_NAMA, "33.15", {"baris": i, "proses": urut})
            lat.append(time.perf_counter() - t)
        t1 = time.monotonic()
        con.close()
        hasil.put(("penulis", urut, t0, t1, lat, None))
    except BaseException as e:  # reported, so the parent never waits for a result that will not come
        mulai.abort()
        hasil.put(("penulis", urut, 0.0, 0.0, [], f"{type(e).__name__}: {e}"))


def _pembaca(path: str, token: str, mulai, berhenti, hasil) -> None:
    from pke import akun, operasional
    try:
        con = operasional.buka(path)
        lat, gagal = [], 0
        mulai.wait(TUNGGU)
        while not berhenti.is_set():
            t = time.perf_counter()
            ok = akun.cek_sesi(con, token) is not None
            lat.append(time.perf_counter() - t)
            gagal += not ok
            time.sleep(0.0005)  # a busy page, not a spin loop stealing a core from the writers
        con.close()
        hasil.put(("pembaca", 0, 0.0, 0.0, lat, f"{gagal} session checks failed" if gagal else None))
    except BaseException as e:
        mulai.abort()
        hasil.put(("pembaca", 0, 0.0, 0.0, [], f"{type(e).__name__}: {e}"))


def _pemegang_kunci(path: str, tahan: float, siap, hasil) -> None:
    """Takes the write lock (an open write transaction with one audit entry) and holds it for `tahan` seconds."""
    from pke import audit, operasional
    try:
        con = operasional.buka(path)
        with operasional.transaksi(con):
            audit.catat(con, "pemegang", audit.IMPOR, "33.15", {"tahan_detik": tahan})
            siap.set()
            time.sleep(tahan)
            t_commit = time.monotonic()
        con.close()
        hasil.put((t_commit, None))
    except BaseException as e:
        siap.set()
        hasil.put((0.0, f"{type(e).__name__}: {e}"))


def _duckdb_baca(path: str, siap, selesai) -> None:
    import duckdb
    con = duckdb.connect(path, read_only=True)
    con.execute("SELECT count(*) FROM t").fetchall()
    siap.set()
    selesai.wait(TUNGGU)
    con.close()


# --- measurements -------------------------------------------------------------------------------------------------

def siapkan(path: Path):
    """A fresh store with one account and one live session; returns (connection, token)."""
    from pke import akun, operasional
    con = operasional.buka(path)
    akun.tambah(con, NAMA, SANDI, "admin", "nasional", oleh="bench")
    return con, akun.buat_sesi(con, NAMA)


def satu_proses(con: sqlite3.Connection, n: int) -> list[float]:
    from pke import audit
    for i in range(20):  # warm-up: statement cache, pages in memory
        audit.catat(con, NAMA, audit.EKSPOR, "", {"pemanasan": i})
    lat = []
    for i in range(n):
        t = time.perf_counter()
        audit.catat(con, NAMA, audit.EKSPOR, "33.15", {"baris": i, "berkas": "ringkasan.xlsx"})
        lat.append(time.perf_counter() - t)
    return lat


def sesi_diam(con: sqlite3.Connection, token: str, n: int) -> list[float]:
    from pke import akun
    lat = []
    for _ in range(n):
        t = time.perf_counter()
        if akun.cek_sesi(con, token) is None:
            raise RuntimeError("session check failed")
        lat.append(time.perf_counter() - t)
    return lat


def serentak(ctx, path: Path, token: str, proses: int, tulisan: int) -> dict:
    """`proses` writers and one session reader, released together by a barrier once every child has imported pke
    and opened the store (spawned children start one by one)."""
    mulai, berhenti, hasil = ctx.Barrier(proses + 2), ctx.Event(), ctx.Queue()
    anak = [ctx.Process(target=_penulis, args=(str(path), tulisan, i, mulai, hasil)) for i in range(proses)]
    anak.append(ctx.Process(target=_pembaca, args=(str(path), token, mulai, berhenti, hasil)))
    for p in anak:
        p.start()
    try:
        try:
            mulai.wait(TUNGGU)
        except threading.BrokenBarrierError:
            jenis, urut, *_, galat = hasil.get(timeout=10)
            raise RuntimeError(f"{jenis} {urut}: {galat}") from None
        penulis = []
        for _ in range(proses):
            jenis, urut, t0, t1, lat, galat = hasil.get(timeout=TUNGGU)
            if galat:
                raise RuntimeError(f"{jenis} {urut}: {galat}")
            penulis.append((t0, t1, lat))
        berhenti.set()
        jenis, _, _, _, baca, galat = hasil.get(timeout=TUNGGU)
        if galat:
            raise RuntimeError(f"{jenis}: {galat}")
    finally:
        berhenti.set()
        mulai.abort()
        for p in anak:
            p.join(10)
            if p.is_alive():
                p.terminate()
                p.join()
    durasi = max(t1 for _, t1, _ in penulis) - min(t0 for t0, _, _ in penulis)
    tulis = [x for _, _, lat in penulis for x in lat]
    return {"per_detik": len(tulis) / durasi, "tulis": tulis, "baca": baca, "durasi": durasi}


def kunci_ditahan(ctx, con: sqlite3.Connection, path: Path, token: str, tahan: float = 0.5) -> dict:
    """Another process holds the write lock for `tahan` s: session checks here during the first half, then one
    audit entry here, which waits (BEGIN IMMEDIATE + busy timeout) until the holder commits."""
    from pke import akun, audit
    siap, hasil = ctx.Event(), ctx.Queue()
    p = ctx.Process(target=_pemegang_kunci, args=(str(path), tahan, siap, hasil))
    p.start()
    try:
        if not siap.wait(TUNGGU):
            raise RuntimeError("lock holder did not start")
        t_siap = time.monotonic()
        baca = []
        while time.monotonic() - t_siap < tahan / 2:
            t = time.perf_counter()
            if akun.cek_sesi(con, token) is None:
                raise RuntimeError("session check failed while the write lock was held")
            baca.append(time.perf_counter() - t)
        t = time.perf_counter()
        audit.catat(con, NAMA, audit.EKSPOR, "33.15", {"setelah": "kunci"})
        t_selesai = time.monotonic()
        tunggu = time.perf_counter() - t
        t_commit, galat = hasil.get(timeout=TUNGGU)
        if galat:
            raise RuntimeError(f"lock holder: {galat}")
    finally:
        p.join(10)
        if p.is_alive():
            p.terminate()
            p.join()
    return {"baca": baca, "tunggu": tunggu, "lewat": t_selesai - t_commit}


def login(con: sqlite3.Connection, n: int) -> list[float]:
    from pke import akun
    lat = []
    for _ in range(n):
        t = time.perf_counter()
        if akun.masuk(con, NAMA, SANDI) is None:
            raise RuntimeError("login failed")
        lat.append(time.perf_counter() - t)
    return lat


def buat_duckdb(path: Path, baris: int) -> float:
    import duckdb
    t = time.perf_counter()
    con = duckdb.connect(str(path))
    con.execute(f"CREATE TABLE t AS SELECT range i, random() r FROM range({baris:d})")
    con.execute("CREATE TABLE perubahan (kunci VARCHAR, nilai VARCHAR, waktu TIMESTAMP)")
    con.execute("CHECKPOINT")
    con.close()
    return time.perf_counter() - t


def duckdb_terkunci(ctx, path: Path) -> str:
    """Opens `path` read-only in another process, then tries a read-write connection here: one line."""
    import duckdb
    siap, selesai = ctx.Event(), ctx.Event()
    p = ctx.Process(target=_duckdb_baca, args=(str(path), siap, selesai))
    p.start()
    try:
        if not siap.wait(TUNGGU):
            return "reader process did not start"
        try:
            con = duckdb.connect(str(path))
        except Exception as e:  # noqa: BLE001 — the point is which error it is
            pesan = (str(e).splitlines() or [""])[0].replace(str(path), path.name)
            pesan = pesan.split(": Conflicting lock")[0] + (": Conflicting lock is held in another process"
                                                             if "Conflicting lock" in pesan else "")
            return f"`duckdb.{type(e).__name__}`: {pesan.replace('|', '/')}"
        con.close()
        return "no error: read-write connection succeeded (unexpected)"
    finally:
        selesai.set()
        p.join(30)
        if p.is_alive():
            p.terminate()
            p.join()


def salin_tukar(path: Path) -> float:
    """One small change the old way: copy the whole file, change the copy, move it over (pke.tulis)."""
    from pke import tulis
    t = time.perf_counter()
    with tulis.ubah_basis_data(path) as con:
        con.execute("INSERT INTO perubahan VALUES ('target', '42', now())")
    return time.perf_counter() - t


# --- main ---------------------------------------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--proses", type=int, default=4, help="concurrent writer processes (default 4)")
    ap.add_argument("--ulang", type=int, default=5, help="runs; the table shows medians over them (default 5)")
    ap.add_argument("--tulisan", type=int, default=500, help="audit entries per writer process (default 500)")
    ap.add_argument("--duckdb-baris", type=int, default=28_000_000,
                    help="rows (i BIGINT, r DOUBLE) in the DuckDB comparison file (default 28,000,000: about 200 MB)")
    ap.add_argument("--keluar", type=Path, help="also write the table to this file")
    args = ap.parse_args()
    if args.proses < 1 or args.ulang < 1 or args.tulisan < 1:
        ap.error("--proses, --ulang and --tulisan must be at least 1")

    import duckdb

    from pke import akun, audit
    ctx = mp.get_context("spawn")
    mulai_total = time.perf_counter()
    baris: dict[str, list] = {k: [] for k in (
        "satu_med", "satu_p95", "penuh_med", "penuh_p95", "per_detik", "tulis_med", "tulis_p95", "tulis_maks",
        "durasi", "baca_med", "baca_p95", "baca_maks", "baca_n", "diam_med", "diam_p95", "kunci_med", "kunci_maks",
        "kunci_n", "kunci_tunggu", "kunci_lewat", "login_med", "salin")}
    rantai = []

    with tempfile.TemporaryDirectory(prefix="pke-toko-") as tmp:
        for run in range(args.ulang):
            path = Path(tmp) / f"operasional{run}.sqlite"
            os.environ["PKE_STORE"] = str(path)  # for anything that asks config.store_path(); children inherit it
            con, token = siapkan(path)

            lat = satu_proses(con, 300)
            baris["satu_med"].append(median(_ms(lat)))
            baris["satu_p95"].append(p95(_ms(lat)))

            con.execute("PRAGMA synchronous = FULL")  # what a commit costs when each one is fsynced
            lat = satu_proses(con, 100)
            con.execute("PRAGMA synchronous = NORMAL")
            baris["penuh_med"].append(median(_ms(lat)))
            baris["penuh_p95"].append(p95(_ms(lat)))

            lat = sesi_diam(con, token, 500)
            baris["diam_med"].append(median(_ms(lat)))
            baris["diam_p95"].append(p95(_ms(lat)))

            sebelum = con.execute("SELECT count(*) FROM audit").fetchone()[0]
            token = akun.buat_sesi(con, NAMA)  # fresh: a check then never has to touch (write) the session
            r = serentak(ctx, path, token, args.proses, args.tulisan)
            baris["per_detik"].append(r["per_detik"])
            baris["tulis_med"].append(median(_ms(r["tulis"])))
            baris["tulis_p95"].append(p95(_ms(r["tulis"])))
            baris["tulis_maks"].append(max(_ms(r["tulis"])))
            baris["durasi"].append(r["durasi"] * 1000)
            if r["baca"]:
                baris["baca_med"].append(median(_ms(r["baca"])))
                baris["baca_p95"].append(p95(_ms(r["baca"])))
                baris["baca_maks"].append(max(_ms(r["baca"])))
            baris["baca_n"].append(len(r["baca"]))
            sesudah = con.execute("SELECT count(*) FROM audit").fetchone()[0]
            utuh, rusak, n = audit.periksa(con)
            rantai.append(utuh and rusak is None and sesudah - sebelum == args.proses * args.tulisan
                          and n == sesudah)

            k = kunci_ditahan(ctx, con, path, akun.buat_sesi(con, NAMA))
            baris["kunci_med"].append(median(_ms(k["baca"])))
            baris["kunci_maks"].append(max(_ms(k["baca"])))
            baris["kunci_n"].append(len(k["baca"]))
            baris["kunci_tunggu"].append(k["tunggu"] * 1000)
            baris["kunci_lewat"].append(k["lewat"] * 1000)
            utuh, rusak, n = audit.periksa(con)
            rantai[-1] = rantai[-1] and utuh and rusak is None

            lat = login(con, 5)
            baris["login_med"].append(median(_ms(lat)))
            con.close()
            print(f"run {run + 1}/{args.ulang}: {r['per_detik']:,.0f} entries/s, {len(r['baca'])} session checks "
                  f"during {r['durasi']:.2f} s of writing, chain {'intact' if rantai[-1] else 'BROKEN'}",
                  file=sys.stderr)

        duck = Path(tmp) / "analitik.duckdb"
        t_buat = buat_duckdb(duck, args.duckdb_baris)
        ukuran = duck.stat().st_size
        kunci = duckdb_terkunci(ctx, duck)
        salin_tukar(duck)  # warm-up: the file is now in the page cache, as a live dashboard's would be
        for _ in range(args.ulang):
            baris["salin"].append(salin_tukar(duck))
        print(f"DuckDB file: {ukuran / 1e6:.0f} MB, built in {t_buat:.1f} s", file=sys.stderr)

    m = {k: median(v) if v else float("nan") for k, v in baris.items()}
    n_tulis = args.proses * args.tulisan
    w = {k: max(v) if v else float("nan") for k, v in baris.items()}  # worst run, for the maxima
    keluar = [
        f"Operational store benchmark — {platform.system()} {platform.machine()}, os.cpu_count() = {os.cpu_count()}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version} (WAL, synchronous=NORMAL, "
        f"busy_timeout 10 s), DuckDB {duckdb.__version__}; files in {tempfile.gettempdir()}; "
        f"median of {args.ulang} runs, each on a fresh store (p95 = median of the runs' 95th percentiles, "
        f"max = worst run).",
        "",
        "| # | measurement | result |",
        "|---|---|---|",
        f"| 1 | one audit entry (`audit.catat`: BEGIN IMMEDIATE, read chain head, insert, commit), single process, "
        f"300 per run | median **{m['satu_med']:.2f} ms**, p95 {m['satu_p95']:.2f} ms "
        f"(with `synchronous=FULL`, an fsync per commit: median {m['penuh_med']:.2f} ms, "
        f"p95 {m['penuh_p95']:.2f} ms) |",
        f"| 2 | {args.proses} {'process' if args.proses == 1 else 'processes'} (spawn) × {args.tulisan} audit entries at once ({n_tulis:,} per run) | "
        f"**{m['per_detik']:,.0f} entries/s** (all done in {m['durasi']:.0f} ms); per write median "
        f"{m['tulis_med']:.2f} ms, p95 {m['tulis_p95']:.2f} ms, max {w['tulis_maks']:.1f} ms; chain valid afterwards "
        f"(`audit.periksa`, count checked): **{'yes' if all(rantai) else 'NO'}** ({sum(rantai)}/{len(rantai)} runs) |",
        f"| 3a | session check (`akun.cek_sesi`) from another process while those writers run | "
        f"median **{m['baca_med']:.2f} ms**, p95 {m['baca_p95']:.2f} ms, max {w['baca_maks']:.1f} ms "
        f"({m['baca_n']:.0f} checks per run; with no writer: median {m['diam_med']:.2f} ms, "
        f"p95 {m['diam_p95']:.2f} ms) |",
        f"| 3b | session check while another process holds the write lock (open transaction, 0.5 s) | "
        f"median **{m['kunci_med']:.2f} ms**, max {w['kunci_maks']:.1f} ms ({m['kunci_n']:,.0f} checks in 0.25 s); "
        f"an audit entry started then waited {m['kunci_tunggu']:.0f} ms and committed "
        f"{m['kunci_lewat']:.1f} ms after the holder's commit |",
        f"| 4 | login (`akun.masuk`, right password; argon2id m=19 MiB, t=2, p=1), 5 per run | "
        f"median **{m['login_med']:.0f} ms** |",
        f"| 5a | DuckDB: read-write connect while another process has the file open read-only | {kunci} |",
        f"| 5b | DuckDB: one small change the old way — copy the {ukuran / 1e6:.0f} MB file, insert one row, "
        f"checkpoint, `os.replace` (`pke.tulis.ubah_basis_data`; page cache warm) | median **{m['salin']:.2f} s** "
        f"(≈ {m['salin'] * 1000 / m['satu_med']:,.0f}× one SQLite audit entry) |",
        "",
        f"Total time {time.perf_counter() - mulai_total:.0f} s.",
    ]
    teks = "\n".join(keluar)
    print(teks)
    if args.keluar:
        args.keluar.write_text(teks + "\n", encoding="utf-8")
    return 0 if all(rantai) else 1


if __name__ == "__main__":
    raise SystemExit(main())
