"""Benchmark of writes (`python -m pke bench --tulis`): what people type (a target edit, an OPD progress report and
its approval) and what administrators load (a household file of one kabupaten: its dry run, its commit, its undo),
and the dashboard's readers while all of that happens. Runs on a copy of the database; medians of several runs.
`python -m pke bench --bangun` measures a build in a child process: its peak memory and the size on disk."""
from __future__ import annotations

import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd

from pke import akun, config, db, gudang, impor, lapor, operasional, progres


def _median_ms(waktu: list[float]) -> float:
    return statistics.median(waktu) * 1000


def berkas_keluarga(path: Path, n: int) -> tuple[bytes, str]:
    """A P3KE household export of `n` rows of the largest kabupaten (the demo's own households, as the verval
    sheet lays them out), and that kabupaten's code."""
    con = db.buka(path)
    kab = con.execute("SELECT left(kode_kemendagri, 5) FROM keluarga_aktif GROUP BY 1 ORDER BY count(*) DESC "
                      "LIMIT 1").fetchone()[0]
    ids = [r[0] for r in con.execute(
        "SELECT id_keluarga_p3ke FROM keluarga_aktif WHERE left(kode_kemendagri, 5) = $k ORDER BY kode_kemendagri, "
        "id_keluarga_p3ke LIMIT $n", {"k": kab, "n": n}).fetchall()]
    df = db.jalankan(con, "verval_keluarga", ids=ids, lingkup="")
    con.close()
    df.insert(0, "No", range(1, len(df) + 1))
    return df.to_csv(index=False).encode("utf-8"), kab


def _ukuran(path: Path) -> int:
    total = path.stat().st_size
    if gudang.folder(path).exists():
        total += sum(p.stat().st_size for p in gudang.folder(path).rglob("*") if p.is_file())
    return total


def bench_tulis(path: Path, baris: int = 100_000, ulang: int = 3) -> list[tuple[str, str]]:
    hasil: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
        salinan = gudang.salin(path, Path(tmp) / path.name)
        toko = Path(tmp) / "operasional.sqlite"
        lama_env = os.environ.get("PKE_STORE")
        os.environ["PKE_STORE"] = str(toko)
        try:
            n_keluarga = db.buka(salinan).execute("SELECT count(*) FROM keluarga_aktif").fetchone()[0]
            hasil.append(("skala", f"{n_keluarga:,} keluarga aktif; {_ukuran(path) / 1e6:,.0f} MB di disk".replace(",", ".")))
            hasil += _bench_ketik(salinan, toko)
            hasil += _bench_impor(salinan, baris, ulang)
            hasil += _bench_pembaca(salinan, toko)
        finally:
            if lama_env is None:
                os.environ.pop("PKE_STORE", None)
            else:
                os.environ["PKE_STORE"] = lama_env
    return hasil


def _desa_dan_pengguna(path: Path):
    con = db.buka(path)
    desa = [r[0] for r in con.execute("SELECT DISTINCT kode_kemendagri FROM keluarga_aktif ORDER BY 1 LIMIT 200")
            .fetchall()]
    con.close()
    kab = desa[0][:5]
    opd = akun.Pengguna("bench.opd", "opd", kab, opd="Dinsos")
    analis = akun.Pengguna("bench.analis", "analis", kab)
    return desa, opd, analis


def _bench_ketik(path: Path, toko: Path) -> list[tuple[str, str]]:
    desa, opd, analis = _desa_dan_pengguna(path)
    kab = desa[0][:5]
    waktu = []
    for i in range(30):
        tabel = pd.DataFrame({"klaster": ["air", "jamban"], "triwulan": [1, 2], "target_keluarga": [i, i + 1]})
        t = time.perf_counter()
        progres.simpan_target(path, kab, 2027, tabel, "bench")
        waktu.append(time.perf_counter() - t)
    hasil = [("ubah target (2 sel, toko operasional, dengan riwayat)", f"{_median_ms(waktu):.1f} ms")]
    con = operasional.buka(toko)
    buat, ajukan, setujui = [], [], []
    for i in range(30):
        t = time.perf_counter()
        id_ = lapor.buat_draf(con, opd, desa[i % len(desa)], "air", 2027, 1 + i // len(desa) % 4, 10 + i,
                              "PAMSIMAS", "APBD Kabupaten", 1_000_000)
        buat.append(time.perf_counter() - t)
        t = time.perf_counter()
        lapor.ajukan(con, opd, id_)
        ajukan.append(time.perf_counter() - t)
        t = time.perf_counter()
        lapor.setujui(con, analis, id_)
        setujui.append(time.perf_counter() - t)
    con.close()
    hasil += [("laporan OPD: simpan draf", f"{_median_ms(buat):.1f} ms"),
              ("laporan OPD: ajukan", f"{_median_ms(ajukan):.1f} ms"),
              ("laporan OPD: setujui (analis)", f"{_median_ms(setujui):.1f} ms")]
    return hasil


def _bench_impor(path: Path, baris: int, ulang: int) -> list[tuple[str, str]]:
    isi, kab = berkas_keluarga(path, baris)
    periksa, tulis, batal = [], [], []
    n = 0
    for i in range(ulang):
        t = time.perf_counter()
        cek = impor.periksa("keluarga", path, isi, f"bench{i}.csv")
        periksa.append(time.perf_counter() - t)
        n = len(cek.diterima)
        t = time.perf_counter()
        hasil = impor.impor_berkas("keluarga", path, isi, f"bench{i}.csv", "bench", dt.date(2026, 6, 30), hasil=cek)
        tulis.append(time.perf_counter() - t)
        t = time.perf_counter()
        impor.batalkan_impor(path, hasil.id_impor, "bench")
        batal.append(time.perf_counter() - t)
    p, w, b = statistics.median(periksa), statistics.median(tulis), statistics.median(batal)
    return [
        (f"impor {n:,} keluarga kab. {kab} ({len(isi) / 1e6:.0f} MB CSV): periksa (dry run)".replace(",", "."),
         f"{p:.2f} s"),
        ("  tulis (kabupaten itu saja: muat, ganti desa, turunkan, Parquet, katalog)", f"{w:.2f} s"),
        ("  total periksa + tulis", f"{p + w:.2f} s"),
        ("  tulis ÷ periksa", f"{w / p:.2f}×"),
        ("  batalkan impor itu (persis seperti sebelumnya)", f"{b:.2f} s"),
    ]


def _bench_pembaca(path: Path, toko: Path) -> list[tuple[str, str]]:
    """20 readers on the dashboard's own read path while an import, its undo and 100 progress reports run."""
    isi, _ = berkas_keluarga(path, 20_000)
    desa, opd, analis = _desa_dan_pengguna(path)
    pembaca = db.Pembaca(path)
    berhenti = threading.Event()
    galat: list[str] = []
    baca = [0]
    campur = [0]
    kunci = threading.Lock()
    kab = desa[0][:5]

    def kerja():
        while not berhenti.is_set():
            try:
                cur = pembaca.kursor()
                try:
                    a, b = cur.execute(
                        "SELECT (SELECT count(*) FROM keluarga_aktif WHERE left(kode_kemendagri, 5) = $k), "
                        "(SELECT sum(n_keluarga) FROM ringkas_keluarga WHERE kode = $k)", {"k": kab}).fetchone()
                    db.jalankan(cur, "progres_triwulan", kode=kab, tahun=2026, lingkup="")
                finally:
                    cur.close()
                with kunci:
                    baca[0] += 1
                    campur[0] += int(a != b)
            except Exception as e:  # noqa: BLE001 - counted and shown
                with kunci:
                    galat.append(repr(e)[:200])

    benang = [threading.Thread(target=kerja) for _ in range(20)]
    mulai = time.perf_counter()
    for b in benang:
        b.start()
    try:
        h = impor.impor_berkas("keluarga", path, isi, "pembaca.csv", "bench", dt.date(2026, 7, 31))
        impor.batalkan_impor(path, h.id_impor, "bench")
        con = operasional.buka(toko)
        for i in range(100):
            id_ = lapor.buat_draf(con, opd, desa[i % len(desa)], "jamban", 2028, 1 + i // len(desa) % 4, i)
            lapor.ajukan(con, opd, id_)
            lapor.setujui(con, analis, id_)
        con.close()
    finally:
        berhenti.set()
        for b in benang:
            b.join()
    detik = time.perf_counter() - mulai
    return [("20 pembaca selama impor + batal + 100 laporan disetujui",
             f"{baca[0]:,} bacaan dalam {detik:.0f} s; galat {len(galat)}; hasil setengah jadi {campur[0]}"
             .replace(",", "."))] + [("  galat", g) for g in galat[:3]]


def bench_bangun(argumen: list[str]) -> list[tuple[str, str]]:
    """Build a demo database in a child process (`python -m pke demo …`) and report its time, peak memory and
    size on disk."""
    with tempfile.TemporaryDirectory(dir=config.DATA_DIR) as tmp:
        tujuan = Path(tmp) / "bench.duckdb"
        t = time.perf_counter()
        p = subprocess.run([sys.executable, "-m", "pke", "demo", "--db", str(tujuan), *argumen],
                           capture_output=True, text=True)
        detik = time.perf_counter() - t
        if p.returncode != 0:
            return [("bangun gagal", p.stderr[-500:])]
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 ** 2  # KiB -> GiB
        n = db.buka(tujuan).execute("SELECT count(*) FROM keluarga_aktif").fetchone()[0]
        return [("bangun " + " ".join(argumen), f"{n:,} keluarga; {detik:.0f} s; RSS puncak {rss:.2f} GiB; "
                 f"{_ukuran(tujuan) / 1e9:.2f} GB di disk (katalog {tujuan.stat().st_size / 1e6:.0f} MB)"
                 .replace(",", "."))]


def cetak(baris: list[tuple[str, str]]) -> None:
    print("| yang diukur | hasil |\n|---|---|")
    for a, b in baris:
        print(f"| {a} | {b} |")
