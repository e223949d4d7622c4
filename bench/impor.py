"""Import throughput: a P3KE household export of N rows (made from the demo database, in the P3KE 2022 column
layout) validated and imported into a copy of the database; median of several runs.

    .venv/bin/python bench/impor.py --db data/pke.duckdb --baris 100000 --ulang 3
"""
from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pke import db as pke_db  # noqa: E402
from pke import gudang, impor  # noqa: E402


def berkas_p3ke(db_path: Path, n: int) -> bytes:
    con = pke_db.buka(db_path)
    ids = [r[0] for r in con.execute("SELECT id_keluarga_p3ke FROM keluarga_aktif ORDER BY id_keluarga_p3ke LIMIT $n",
                                     {"n": n}).fetchall()]
    df = pke_db.jalankan(con, "verval_keluarga", ids=ids, lingkup="")
    con.close()
    df.insert(0, "No", range(1, len(df) + 1))
    return df.to_csv(index=False).encode("utf-8")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=Path("data/pke.duckdb"))
    ap.add_argument("--baris", type=int, default=100_000)
    ap.add_argument("--ulang", type=int, default=3)
    args = ap.parse_args()
    isi = berkas_p3ke(args.db, args.baris)
    print(f"Berkas: {args.baris:,} baris, {len(isi) / 1e6:.1f} MB CSV; basis data {args.db} "
          f"({args.db.stat().st_size / 1e6:.0f} MB)")
    periksa, total = [], []
    for i in range(args.ulang):
        with tempfile.TemporaryDirectory() as tmp:
            salinan = Path(tmp) / "pke.duckdb"
            gudang.salin(args.db, salinan)
            t = time.perf_counter()
            impor.periksa_keluarga(salinan, isi, "bench.csv")
            periksa.append(time.perf_counter() - t)
            t = time.perf_counter()
            impor.impor_keluarga(salinan, isi, f"bench{i}.csv", "bench",
                                 dt.date(2025, 6, 30))
            total.append(time.perf_counter() - t)
            n = duckdb.connect(str(salinan), read_only=True).execute(
                "SELECT count(*) FROM keluarga WHERE id_impor = 1").fetchall()[0][0]
    m_p, m_t = statistics.median(periksa), statistics.median(total)
    print("| tahap | median (s) | baris/detik |\n|---|---|---|")
    print(f"| baca + validasi (dry run) | {m_p:.1f} | {args.baris / m_p:,.0f} |")
    print(f"| impor lengkap (validasi, salin basis data, tulis, bangun ulang ringkasan, tukar) | {m_t:.1f} | "
          f"{args.baris / m_t:,.0f} |")
    print(f"Diterima {n:,} dari {args.baris:,} baris; target < 30 s untuk 100.000 baris.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
