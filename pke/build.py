"""Builds a PKE database file: schema, regions, boundaries, demo households, derived tables.

The catalog is written to a temporary file beside the target and moved over it with os.replace, after every
kabupaten's Parquet version is written (pke.gudang): a reader never sees a half-built database and a crash leaves
the previous one as it was. Kabupaten are generated and derived one at a time, so memory does not grow with their
number.

The first start builds the five kabupaten of the source documents and records the rest of Jawa Tengah in the
catalog (meta `demo_sisa`); `lanjutkan_demo` then adds them a few at a time through the write path (pke.tulis),
each batch a new catalog version, so the dashboard serves from the first batch on and a killed continuation leaves
the database before or after a batch and resumes where it stopped.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Iterable

import duckdb
import pandas as pd

from pke import config, db, demo, gudang, klaster, operasional, referensi, turunan
from pke.boundaries import default_boundaries_dir, load_boundaries
from pke.i18n import t
from pke.tulis import berkas_baru

Progress = Callable[[float, str], None]


def _diam(fraksi: float, pesan: str) -> None:
    pass


def buat_skema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute((turunan.SQL_DIR / "schema.sql").read_text(encoding="utf-8"))
    turunan.jalankan(con, "makro")
    gudang.skema_partisi(con)
    con.executemany("INSERT OR REPLACE INTO klaster VALUES (?, ?, ?, ?, ?)",
                    [(k.kunci, k.label, k.label_singkat, i + 1, k.opd) for i, k in enumerate(klaster.KLASTER)])
    con.executemany("INSERT OR REPLACE INTO kabupaten_prioritas VALUES (?, ?)",
                    [(kode, referensi.DASAR_KABUPATEN_PRIORITAS) for kode in referensi.KABUPATEN_PRIORITAS_JATENG])


def muat_wilayah(con: duckdb.DuckDBPyConnection, csv: Path = config.WILAYAH_CSV) -> int:
    con.execute("""
        INSERT INTO wilayah
        SELECT kode, nama, tingkat, nullif(kode_induk, ''), is_kelurahan::BOOLEAN
        FROM read_csv($csv, header = true, all_varchar = true)
    """, {"csv": str(csv)})
    return con.execute("SELECT count(*) FROM wilayah").fetchone()[0]


def muat_batas(con: duckdb.DuckDBPyConnection, db_path: Path, sumber: Path, prefiks: list[str], progress: Progress) -> int:
    """Every level under the built kabupaten, plus all kabupaten outlines of their provinces so the
    province map shows the whole province."""
    df = load_boundaries(sumber, prefiks, progress=progress)
    provinsi = sorted({p[:2] for p in prefiks})
    if sumber.is_dir():
        luar = load_boundaries(sumber, provinsi, tingkat={"kabupaten"})
        df = pd.concat([df, luar[~luar["kode"].isin(df["kode"])]], ignore_index=True)
    con.register("_batas", df)
    versi, d = gudang.versi_baru(db_path, "umum")
    # written once per build, as the "umum" partition: the catalog stays small, so every write copies little
    con.execute(f"""
        COPY (SELECT kode::VARCHAR AS kode, tingkat::VARCHAR AS tingkat, nama::VARCHAR AS nama, lat::DOUBLE AS lat,
                     lng::DOUBLE AS lng, geojson::VARCHAR AS geojson, wkb::BLOB AS wkb FROM _batas ORDER BY kode)
        TO '{d / "batas_wilayah.parquet"}' (FORMAT parquet, COMPRESSION zstd)""")
    os.chmod(d / "batas_wilayah.parquet", 0o600)
    con.execute("INSERT OR REPLACE INTO partisi VALUES ('umum', $v)", {"v": versi})
    con.unregister("_batas")
    return len(df)


def _wilayah(con: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """Every region, the villages with their kecamatan's name, and each code's name."""
    wil = con.execute("SELECT * FROM wilayah").df()
    desa = wil[wil.tingkat == "desa"].merge(
        wil[wil.tingkat == "kecamatan"][["kode", "nama"]].rename(columns={"kode": "kode_induk", "nama": "nama_kecamatan"}),
        on="kode_induk", how="left")
    return wil, desa, dict(zip(wil.kode, wil.nama))


def _bangun_kab(con: duckdb.DuckDBPyConnection, path: Path, kode: str, nama: str, n_keluarga: int,
                desa: pd.DataFrame, seed: int, sampai: dt.date) -> dict[str, int]:
    """Generate and derive one kabupaten in its own working database and write it as a new version (pke.gudang);
    the catalog rows it adds (priority villages, targets, the verification round) go to `con`'s catalog."""
    kab = demo.Kabupaten(kode, nama, n_keluarga, desa[desa.kode.str.startswith(kode + ".")].sort_values("kode"))
    with gudang.kerja_kab(con):
        jumlah = demo.generate_kabupaten(con, kab, seed, sampai.year)
        turunan.bangun_kebutuhan(con)
        jumlah["intervensi"] = demo.generate_intervensi(con, seed, sampai, kode)
        demo.generate_target(con, sampai)
        turunan.bangun_ringkasan(con)
        gudang.simpan_kab(con, path, kode)
    return jumlah


def _urutan_lanjutan(wil: pd.DataFrame, lanjutan: Iterable[str], sudah: list[str]) -> list[str]:
    """The kabupaten/kota `lanjutan` names (a province code stands for each of its kabupaten/kota), without those
    already built: the provincial priority kabupaten first (the governor's evaluation is about them), then by code."""
    kab = set(wil[wil.tingkat == "kabupaten"].kode)
    hasil: set[str] = set()
    for kode in lanjutan:
        if kode in kab:
            hasil.add(kode)
        elif len(kode) == 2:
            hasil |= set(wil[(wil.tingkat == "kabupaten") & (wil.kode_induk == kode)].kode)
        else:
            raise ValueError(f"Kode kabupaten/provinsi tidak dikenal: {kode}")
    prioritas = set(referensi.KABUPATEN_PRIORITAS_JATENG)
    return sorted(hasil - set(sudah), key=lambda k: (k not in prioritas, k))


def bangun_demo(
    path: Path | str | None = None,
    kabupaten: list[str] | tuple[str, ...] | None = None,
    provinsi: str | None = None,
    seed: int = 2023,
    sampai: dt.date | None = None,
    batas: Path | str | None = "default",
    progress: Progress | None = None,
    skala: float = 1.0,
    nasional: bool = False,
    lanjutan: Iterable[str] | None = None,
) -> dict:
    """Build the demo database at `path` for the given kabupaten codes (default: the five of the source
    documents), for every kabupaten/kota of `provinsi`, or of the whole country (`nasional`). `batas` is a boundaries directory or file,
    "default" for the configured one, or None to build without maps. `skala` scales the number of
    families (tests use a small fraction; priority villages and rates do not change). `lanjutan` names kabupaten
    (or a province code for all its kabupaten/kota) to be added later by lanjutkan_demo: they are recorded in the
    catalog (meta demo_sisa) and their boundaries loaded now. Returns counts and timings."""
    progress = progress or _diam
    path = Path(path or config.db_path())
    sampai = sampai or dt.date.today()
    path.parent.mkdir(parents=True, exist_ok=True)
    mulai = time.perf_counter()
    hasil: dict = {"waktu": {}}

    with berkas_baru(path) as con:
        buat_skema(con)
        progress(0.01, t("Memuat kode wilayah Indonesia"))
        hasil["wilayah"] = muat_wilayah(con)
        wil, desa, nama = _wilayah(con)
        if nasional:  # every kabupaten/kota of Indonesia
            kabupaten = sorted(wil[wil.tingkat == "kabupaten"].kode)
        elif provinsi:
            kabupaten = wil[(wil.tingkat == "kabupaten") & (wil.kode_induk == provinsi)].kode.tolist()
        kabupaten = list(kabupaten or config.KABUPATEN_DEMO)
        tidak_dikenal = sorted(set(kabupaten) - set(wil[wil.tingkat == "kabupaten"].kode))
        if tidak_dikenal:
            raise ValueError(f"Kode kabupaten tidak dikenal: {', '.join(tidak_dikenal)}")
        sisa = _urutan_lanjutan(wil, lanjutan or (), kabupaten)

        sumber_batas = default_boundaries_dir() if batas == "default" else (Path(batas) if batas else None)
        if sumber_batas:
            t0 = time.perf_counter()
            # the kabupaten still to come too: their maps work as soon as their data lands (about 1.5 s and
            # 0.2 GB for the whole province)
            hasil["batas_wilayah"] = muat_batas(
                con, path, sumber_batas, [provinsi] if provinsi else kabupaten + sisa,
                lambda f, pesan: progress(0.02 + 0.18 * f, pesan))
            hasil["waktu"]["batas"] = time.perf_counter() - t0
        else:
            hasil["batas_wilayah"] = 0

        # One kabupaten at a time, each in its own working database that is written out as Parquet and
        # released: peak memory follows the largest kabupaten, not the number of kabupaten.
        t0 = time.perf_counter()
        alokasi = demo.alokasi_keluarga(wil, kabupaten, skala)
        del wil
        total = {"keluarga": 0, "individu": 0, "desa_prioritas": 0, "intervensi": 0}
        for i, kode in enumerate(kabupaten):
            progress(0.2 + 0.75 * i / len(kabupaten), t("Membuat keluarga demo {nama} ({i}/{n})", nama=nama[kode], i=i + 1, n=len(kabupaten)))
            for k, v in _bangun_kab(con, path, kode, nama[kode], alokasi[kode], desa, seed, sampai).items():
                total[k] += v
        hasil.update(total)
        hasil["waktu"]["keluarga"] = time.perf_counter() - t0

        meta = {
            "demo": "ya",
            "seed": str(seed),
            "tanggal_data": sampai.isoformat(),
            "cakupan": ",".join(kabupaten),
            "skala": str(skala),
            "dibangun_pada": dt.datetime.now().isoformat(timespec="seconds"),
        }
        if sisa:
            provinsi_sisa = sorted({k[:2] for k in sisa})
            meta |= {
                KUNCI_SISA: ",".join(sisa),
                # what the progress counts: every kabupaten/kota of the provinces being completed
                "demo_sisa_total": str(len({k for k in kabupaten if k[:2] in provinsi_sisa} | set(sisa))),
                "demo_sisa_wilayah": ", ".join(nama[p] for p in provinsi_sisa),
            }
        hasil["sisa"] = sisa
        con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(meta.items()))
        progress(0.97, t("Menyimpan basis data"))
        gudang.segarkan_katalog(con, path)
    gudang.bersihkan(path)
    # A complete installation: the operational store beside the database (accounts, audit, targets, reports), with
    # last rakor's decisions for Grobogan (the source documents' rakor) so the meeting's opening slide has content.
    toko = operasional.buka(config.store_path(path))
    try:
        if "33.15" in kabupaten:
            from pke import tindak_lanjut

            tindak_lanjut.isi_contoh(toko, "33.15")
    finally:
        toko.close()
    hasil["waktu"]["total"] = time.perf_counter() - mulai
    progress(1.0, t("Selesai"))
    return hasil


def bangun_demo_awal(path: Path | str | None = None, progress: Progress | None = None, **kw) -> dict:
    """What the first start builds: the five kabupaten of the source documents now (the dashboard is usable once
    they are in), the rest of their province (Jawa Tengah) recorded for lanjutkan_demo."""
    return bangun_demo(path, kabupaten=list(config.KABUPATEN_DEMO), lanjutan=[config.PROVINSI_DEMO],
                       progress=progress, **kw)


# ---------- the continuation: the rest of the province, batch by batch ------------------------------------------

KUNCI_SISA = "demo_sisa"
PER_BATCH = 3  # kabupaten per catalog version: about 8 s of work each at province scale on 2 cores


class _TakAdaSisa(Exception):
    pass


def sisa_dari(meta: dict[str, str]) -> list[str]:
    """The kabupaten the continuation has still to build, from the catalog's meta."""
    return [k for k in meta.get(KUNCI_SISA, "").split(",") if k]


def kemajuan_lanjutan(meta: dict[str, str]) -> tuple[int, int, str] | None:
    """(kabupaten/kota built, out of, province name) while a continuation has work left; None when there is none."""
    sisa = sisa_dari(meta)
    if not sisa:
        return None
    total = max(int(meta.get("demo_sisa_total") or 0), len(sisa))
    return total - len(sisa), total, meta.get("demo_sisa_wilayah", "")


def _berkas_kunci_lanjutan(path: Path) -> Path:
    return Path(str(path) + ".lanjut.lock")


def berkas_log_lanjutan(path: Path | str) -> Path:
    """The background continuation's output (inside the partitions folder, which is not committed)."""
    return gudang.folder(path) / "lanjutan.log"


@contextlib.contextmanager
def _kunci_lanjutan(path: Path, tunggu: bool):
    """Held for a continuation's whole run, so two never run at once on one database (a second one either waits
    or, with tunggu=False, yields False at once). The kernel drops the lock when its process dies, killed or not."""
    with open(_berkas_kunci_lanjutan(path), "w") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | (0 if tunggu else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def lanjutan_berjalan(path: Path | str) -> bool:
    """Whether a continuation holds the database's continuation lock now (in any process)."""
    berkas = _berkas_kunci_lanjutan(Path(path))
    if not berkas.exists():
        return False
    with open(berkas) as f:
        try:
            fcntl.flock(f, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(f, fcntl.LOCK_UN)
        return False


def _baca_meta(path: Path) -> dict[str, str]:
    con = db.buka(path)  # the catalog now at the path
    try:
        return dict(con.execute("SELECT kunci, nilai FROM meta").fetchall())
    finally:
        con.close()


def lanjutkan_demo(path: Path | str | None = None, per_batch: int = PER_BATCH, progress: Progress | None = None,
                   tunggu: bool = False, batas_batch: int | None = None) -> dict:
    """Build the kabupaten the catalog's meta `demo_sisa` lists, `per_batch` at a time: each batch is one write
    (pke.tulis.berkas_baru: a copy of the catalog, the kabupaten's new versions, the province and national rows
    summed again, the swap), as an import adds a kabupaten, so readers keep serving and each swap shows more
    kabupaten. The work left is read again under the write lock each batch: a kabupaten that an import has given
    data meanwhile is never overwritten, and a continuation killed mid-batch leaves the database as after the
    previous batch (its half-written version is removed later) and resumes there. Only one runs per database:
    another one waits (`tunggu`) or returns at once with {"berjalan_di_proses_lain": True}. `batas_batch` stops after
    that many batches (tests). Returns the kabupaten built, batches and time."""
    progress = progress or _diam
    path = Path(path or config.db_path())
    mulai = time.perf_counter()
    hasil: dict = {"kabupaten": [], "batch": 0, "keluarga": 0, "individu": 0}
    with _kunci_lanjutan(path, tunggu) as dapat:
        if not dapat:
            return hasil | {"berjalan_di_proses_lain": True}
        while batas_batch is None or hasil["batch"] < batas_batch:
            if not path.exists() or not sisa_dari(_baca_meta(path)):
                break  # nothing (left) to do: no write, no new catalog version
            try:
                with berkas_baru(path, salin=True) as cat:
                    meta = dict(cat.execute("SELECT kunci, nilai FROM meta").fetchall())
                    sisa = sisa_dari(meta)
                    if not sisa:  # another writer finished or rebuilt it meanwhile: leave the catalog as it is
                        raise _TakAdaSisa
                    ada = {k for (k,) in cat.execute("SELECT kab FROM partisi").fetchall()}
                    batch = [k for k in sisa[:per_batch] if k not in ada]
                    wil, desa, nama = _wilayah(cat)
                    alokasi = demo.alokasi_keluarga(wil, batch, float(meta.get("skala") or 1.0))
                    del wil
                    seed, sampai = int(meta.get("seed") or 2023), dt.date.fromisoformat(meta["tanggal_data"])
                    selesai, total, _ = kemajuan_lanjutan(meta)
                    for i, kode in enumerate(batch):
                        progress((selesai + i) / total, t("Membuat keluarga demo {nama} ({i}/{n})", nama=nama[kode],
                                                          i=selesai + i + 1, n=total))
                        jumlah = _bangun_kab(cat, path, kode, nama[kode], alokasi[kode], desa, seed, sampai)
                        hasil["keluarga"] += jumlah["keluarga"]
                        hasil["individu"] += jumlah["individu"]
                    cakupan = [k for k in meta.get("cakupan", "").split(",") if k]
                    cat.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [
                        (KUNCI_SISA, ",".join(sisa[per_batch:])), ("cakupan", ",".join(cakupan + batch))])
                    gudang.segarkan_katalog(cat, path)
            except _TakAdaSisa:
                break
            gudang.bersihkan(path)
            hasil["kabupaten"] += batch
            hasil["batch"] += 1
            progress((total - len(sisa[per_batch:])) / total,
                     t("{n} dari {total} kabupaten/kota dibangun", n=total - len(sisa[per_batch:]), total=total))
    hasil["waktu"] = time.perf_counter() - mulai
    return hasil


def mulai_lanjutan(path: Path | str) -> subprocess.Popen | None:
    """Start lanjutkan_demo for `path` in a background process of its own (`python -m pke demo --lanjut --latar`):
    it outlives the app's reruns and sessions, runs at a lower CPU priority than the dashboard, and writes through
    the same lock as imports. Returns the process, or None when a continuation already runs."""
    path = Path(path).resolve()
    if lanjutan_berjalan(path):
        return None
    log = berkas_log_lanjutan(path)
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as keluar:
        return subprocess.Popen(
            [sys.executable, "-m", "pke", "demo", "--lanjut", "--latar", "--db", str(path)],
            cwd=config.ROOT, stdin=subprocess.DEVNULL, stdout=keluar, stderr=subprocess.STDOUT,
        )  # in the server's process group: stopping the server (Ctrl-C) stops it too, and the next start resumes
