"""The thin loader for queries/*.sql: a query is named by its file, and takes $named parameters only.

User input never becomes SQL text: values travel as DuckDB parameters.
"""
from __future__ import annotations

import functools
import re
import threading
import time
from pathlib import Path

import duckdb
import pandas as pd

from pke import config

_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")


class QueryError(Exception):
    pass


@functools.lru_cache(maxsize=None)
def teks(nama: str) -> str:
    if not re.fullmatch(r"[a-z0-9_]+", nama):
        raise QueryError(f"Nama kueri tidak sah: {nama!r}")
    path = config.QUERIES_DIR / f"{nama}.sql"
    if not path.exists():
        raise QueryError(f"Kueri tidak ditemukan: {path}")
    return path.read_text(encoding="utf-8")


def daftar_kueri() -> list[str]:
    return sorted(p.stem for p in config.QUERIES_DIR.glob("*.sql"))


@functools.lru_cache(maxsize=None)
def parameter(nama: str) -> frozenset[str]:
    """The $named parameters query `nama` takes ("lingkup" in it: the query can return regions or households,
    so it takes the user's region scope)."""
    return frozenset(_PARAM.findall(_tanpa_komentar(teks(nama))))


def jalankan(con: duckdb.DuckDBPyConnection, nama: str, **params) -> pd.DataFrame:
    """Run query `nama` on a fresh cursor of `con` (cursors make one connection safe to share
    between Streamlit's threads) and return its rows."""
    perlu = parameter(nama)
    kurang = perlu - params.keys()
    if kurang:
        raise QueryError(f"Kueri {nama} butuh parameter: {', '.join(sorted(kurang))}")
    cur = kursor(con)
    try:
        if membaca_operasional(nama):
            daftarkan_operasional(cur)
        return cur.execute(teks(nama), {k: params[k] for k in perlu}).df()
    finally:
        cur.close()


_OPERASIONAL = re.compile(r"\b(target|laporan_opd)\b")


@functools.lru_cache(maxsize=None)
def membaca_operasional(nama: str) -> bool:
    """Whether query `nama` reads what lives in the operational store (targets, OPD reports)."""
    return bool(_OPERASIONAL.search(_tanpa_komentar(teks(nama))))


def daftarkan_operasional(cur: duckdb.DuckDBPyConnection, toko=None) -> None:
    """A query that reads targets or OPD reports gets the operational store's rows (pke.operasional.untuk_kueri)
    registered on its own cursor, shadowing the catalog's empty `target_app` and `laporan_opd`: what people type
    lives in the store and is read in place, never copied into the analytic file."""
    from pke import operasional

    con = operasional.buka(toko or config.store_path())
    try:
        for nama, df in operasional.untuk_kueri(con).items():
            cur.register(nama, df)
    finally:
        con.close()


@functools.lru_cache(maxsize=None)
def _tanpa_komentar(sql: str) -> str:
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


def buka(path: Path | str, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """A connection to the catalog at `path` (pke.gudang). Read-only connections are a private in-memory DuckDB
    with the catalog attached as `pke`: DuckDB caches database instances by path, so a plain connect after the
    catalog was swapped could hand back the old file; an attach opens the file now at `path`."""
    if not read_only:
        return duckdb.connect(str(path))
    if not Path(path).exists():
        raise duckdb.IOException(f"IO Error: Cannot open database \"{path}\": No such file or directory")
    con = duckdb.connect(":memory:")
    con.execute(f"ATTACH '{_kutip(str(path))}' AS pke (READ_ONLY)")
    con.execute("USE pke")
    con.execute("SET parquet_metadata_cache = true")  # the partitions never change in place
    return con


def _kutip(s: str) -> str:
    return s.replace("'", "''")


def kursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A cursor of `con` (cursors make one connection safe to share between threads) whose default database is
    the catalog, as on `con` itself."""
    cur = con.cursor()
    try:
        cur.execute("USE pke")
    except duckdb.Error:
        pass  # a plain connection to the file: its default database is already the catalog
    return cur


class Pembaca:
    """The dashboard's read path: one connection per catalog version, shared by all threads through cursors.
    When a writer swaps the catalog, the next cursor comes from a new connection; the old one is not closed
    while queries may still run on it (it is dropped after BIARKAN_DETIK), so a reader never fails or sees half
    a write: it sees the catalog before the swap or after it."""

    BIARKAN_DETIK = 300

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._kunci = threading.Lock()
        self._versi: tuple | None = None
        self._con: duckdb.DuckDBPyConnection | None = None
        self._lama: list[tuple[float, duckdb.DuckDBPyConnection]] = []

    def versi(self) -> tuple:
        st = self.path.stat()
        return (st.st_mtime_ns, st.st_ino, st.st_size)

    def kursor(self) -> duckdb.DuckDBPyConnection:
        versi = self.versi()
        with self._kunci:
            if versi != self._versi or self._con is None:
                sekarang = time.monotonic()
                if self._con is not None:
                    self._lama.append((sekarang, self._con))
                self._con, self._versi = buka(self.path), versi
                tetap = []
                for waktu, lama in self._lama:
                    if sekarang - waktu > self.BIARKAN_DETIK:
                        lama.close()
                    else:
                        tetap.append((waktu, lama))
                self._lama = tetap
            return kursor(self._con)

    def jalankan(self, nama: str, **params) -> pd.DataFrame:
        cur = self.kursor()
        try:
            return jalankan(cur, nama, **params)
        finally:
            cur.close()
