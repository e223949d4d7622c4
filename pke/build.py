"""Builds a PKE database file: schema, regions, boundaries, demo households, derived tables.

The catalog is written to a temporary file beside the target and moved over it with os.replace, after every
kabupaten's Parquet version is written (pke.gudang): a reader never sees a half-built database and a crash leaves
the previous one as it was. Kabupaten are generated and derived one at a time, so memory does not grow with their
number.
"""
from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path
from typing import Callable

import duckdb
import pandas as pd

from pke import config, demo, gudang, klaster, operasional, referensi, turunan
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
) -> dict:
    """Build the demo database at `path` for the given kabupaten codes (default: the five of the source
    documents), for every kabupaten/kota of `provinsi`, or of the whole country (`nasional`). `batas` is a boundaries directory or file,
    "default" for the configured one, or None to build without maps. `skala` scales the number of
    families (tests use a small fraction; priority villages and rates do not change). Returns counts
    and timings."""
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
        wil = con.execute("SELECT * FROM wilayah").df()
        if nasional:  # every kabupaten/kota of Indonesia
            kabupaten = sorted(wil[wil.tingkat == "kabupaten"].kode)
        elif provinsi:
            kabupaten = wil[(wil.tingkat == "kabupaten") & (wil.kode_induk == provinsi)].kode.tolist()
        kabupaten = list(kabupaten or config.KABUPATEN_DEMO)
        tidak_dikenal = sorted(set(kabupaten) - set(wil[wil.tingkat == "kabupaten"].kode))
        if tidak_dikenal:
            raise ValueError(f"Kode kabupaten tidak dikenal: {', '.join(tidak_dikenal)}")

        sumber_batas = default_boundaries_dir() if batas == "default" else (Path(batas) if batas else None)
        if sumber_batas:
            t0 = time.perf_counter()
            hasil["batas_wilayah"] = muat_batas(
                con, path, sumber_batas, [provinsi] if provinsi else kabupaten,
                lambda f, pesan: progress(0.02 + 0.18 * f, pesan))
            hasil["waktu"]["batas"] = time.perf_counter() - t0
        else:
            hasil["batas_wilayah"] = 0

        # One kabupaten at a time, each in its own in-memory working database that is written out as Parquet and
        # released: peak memory follows the largest kabupaten, not the number of kabupaten.
        t0 = time.perf_counter()
        alokasi = demo.alokasi_keluarga(wil, kabupaten, skala)
        desa = wil[wil.tingkat == "desa"].merge(
            wil[wil.tingkat == "kecamatan"][["kode", "nama"]].rename(columns={"kode": "kode_induk", "nama": "nama_kecamatan"}),
            on="kode_induk", how="left")
        nama = dict(zip(wil.kode, wil.nama))
        del wil
        total = {"keluarga": 0, "individu": 0, "desa_prioritas": 0, "intervensi": 0}
        for i, kode in enumerate(kabupaten):
            progress(0.2 + 0.75 * i / len(kabupaten), t("Membuat keluarga demo {nama} ({i}/{n})", nama=nama[kode], i=i + 1, n=len(kabupaten)))
            kab = demo.Kabupaten(kode, nama[kode], alokasi[kode],
                                 desa[desa.kode.str.startswith(kode + ".")].sort_values("kode"))
            with gudang.kerja_kab(con):
                for k, v in demo.generate_kabupaten(con, kab, seed, sampai.year).items():
                    total[k] += v
                turunan.bangun_kebutuhan(con)
                total["intervensi"] += demo.generate_intervensi(con, seed, sampai, kode)
                demo.generate_target(con, sampai)
                turunan.bangun_ringkasan(con)
                gudang.simpan_kab(con, path, kode)
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
        con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(meta.items()))
        progress(0.97, t("Menyimpan basis data"))
        gudang.segarkan_katalog(con, path)
    gudang.bersihkan(path)
    # A complete installation: the operational store beside the database (accounts, audit, targets, reports).
    operasional.buka(config.store_path(path)).close()
    hasil["waktu"]["total"] = time.perf_counter() - mulai
    progress(1.0, t("Selesai"))
    return hasil
