"""Rebuilds the derived relations (gaps and the small aggregates the pages read) after data changes."""
from __future__ import annotations

from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).parent / "sql"


def jalankan(con: duckdb.DuckDBPyConnection, nama: str) -> None:
    con.execute((SQL_DIR / f"{nama}.sql").read_text(encoding="utf-8"))


def bangun_kebutuhan(con: duckdb.DuckDBPyConnection) -> None:
    jalankan(con, "kebutuhan")


def bangun_ringkasan(con: duckdb.DuckDBPyConnection) -> None:
    jalankan(con, "ringkasan")
