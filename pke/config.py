"""Where things are. Every path can be overridden by an environment variable so tests and
deployments point at their own files."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
WILAYAH_CSV = DATA_DIR / "wilayah.csv"

# The five kabupaten/kota of the source documents: Grobogan, Banjarnegara, Purworejo, Klaten,
# Kotawaringin Timur.
KABUPATEN_DEMO = ("33.15", "33.04", "33.06", "33.10", "62.02")
# The province the first start completes in the background (pke.build.lanjutkan_demo): Jawa Tengah, so the
# governor's evaluation ranks all 35 kabupaten/kota with the 17 priority ones.
PROVINSI_DEMO = "33"


def db_path() -> Path:
    return Path(os.environ.get("PKE_DB", DATA_DIR / "pke.duckdb"))


def store_path(db: Path | str | None = None) -> Path:
    """The operational store (accounts, sessions, audit log, targets edited in the app, OPD reports; see
    pke.operasional): PKE_STORE, or beside the database (`pke.duckdb` -> `pke.operasional.sqlite`), so a copied
    folder is a complete installation."""
    if os.environ.get("PKE_STORE"):
        return Path(os.environ["PKE_STORE"])
    db = Path(db) if db is not None else db_path()
    return db.with_name(db.stem + ".operasional.sqlite")
