"""The thin loader for queries/*.sql: a query is named by its file, and takes $named parameters only.

User input never becomes SQL text: values travel as DuckDB parameters.
"""
from __future__ import annotations

import functools
import re
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
    cur = con.cursor()
    try:
        daftarkan_operasional(cur, teks(nama))
        return cur.execute(teks(nama), {k: params[k] for k in perlu}).df()
    finally:
        cur.close()


_OPERASIONAL = re.compile(r"\b(target|laporan_opd)\b")


def daftarkan_operasional(cur: duckdb.DuckDBPyConnection, sql: str, toko=None) -> None:
    """A query that reads targets or OPD reports gets the operational store's rows (pke.operasional.untuk_kueri)
    registered on its own cursor, shadowing the catalog's empty `target_app` and `laporan_opd`: what people type
    lives in the store and is read in place, never copied into the analytic file."""
    if not _OPERASIONAL.search(_tanpa_komentar(sql)):
        return
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
    return duckdb.connect(str(path), read_only=read_only)
