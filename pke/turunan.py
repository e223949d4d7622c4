"""Derives one kabupaten's gaps and aggregates (pke/sql/kebutuhan.sql, ringkasan.sql) in its working database.

Derivation is per kabupaten: a write rebuilds only the kabupaten it touches, and the province and national rows
are summed from the kabupaten rows in the catalog (pke.gudang.segarkan_katalog)."""
from __future__ import annotations

from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).parent / "sql"


def teks(nama: str) -> str:
    """The SQL of pke/sql/<nama>.sql, with the clusters' criteria filled in from pke.klaster."""
    from pke import klaster

    return ((SQL_DIR / f"{nama}.sql").read_text(encoding="utf-8")
            .replace("{{KRITERIA}}", klaster.sql_kriteria())
            .replace("{{KUNCI}}", ", ".join(klaster.KUNCI)))


def jalankan(con: duckdb.DuckDBPyConnection, nama: str) -> None:
    con.execute(teks(nama))


def bangun_kebutuhan(con: duckdb.DuckDBPyConnection) -> None:
    """Active households, member facts and the household gaps of the working kabupaten."""
    jalankan(con, "makro")
    jalankan(con, "kebutuhan")


def bangun_ringkasan(con: duckdb.DuckDBPyConnection) -> None:
    """Gaps with their interventions, the household list's table and the aggregates of the working kabupaten."""
    jalankan(con, "makro")
    jalankan(con, "ringkasan")


def bangun_kab(con: duckdb.DuckDBPyConnection) -> None:
    bangun_kebutuhan(con)
    bangun_ringkasan(con)
