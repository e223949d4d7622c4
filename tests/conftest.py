"""Shared fixtures: one small demo database (Kab. Grobogan, fixed seed and date, a tenth of its families,
real boundaries) built once per test session."""
from __future__ import annotations

import datetime as dt

import pytest
from streamlit.runtime import pages_manager

from pke.boundaries import default_boundaries_dir
from pke.build import bangun_demo



def _tanpa_folder_pages(asli):
    """Streamlit 1.67's AppTest re-detects a `pages/` folder on every run and then runs the page file alone,
    without app.py (issue #9446). The flag is reset on each run since PR #14217; clearing it after the manager
    is built keeps st.navigation in app.py the only source of pages, as in the real server."""
    def init(self, *args, **kwargs):
        asli(self, *args, **kwargs)
        type(self).uses_pages_directory = False  # a class attribute: read as PagesManager.uses_pages_directory
    return init


if not getattr(pages_manager.PagesManager.__init__, "_pke", False):
    pages_manager.PagesManager.__init__ = _tanpa_folder_pages(pages_manager.PagesManager.__init__)
    pages_manager.PagesManager.__init__._pke = True

SEED = 2023
TANGGAL = dt.date(2026, 11, 23)
KAB = "33.15"


@pytest.fixture(scope="session")
def batas_dir():
    path = default_boundaries_dir()
    if path is None:
        # Fail rather than skip: a CI run that silently skipped every map test would prove nothing.
        pytest.fail("Batas wilayah tidak ditemukan: letakkan ../shared/boundaries di samping checkout "
                    "atau atur PKE_BOUNDARIES.")
    return path


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory, batas_dir):
    path = tmp_path_factory.mktemp("db") / "pke_fixture.duckdb"
    bangun_demo(path, kabupaten=[KAB], seed=SEED, sampai=TANGGAL, batas=batas_dir, skala=0.1)
    return path


@pytest.fixture()
def con(fixture_db):
    from pke import db

    c = db.buka(fixture_db)
    yield c
    c.close()


@pytest.fixture(autouse=True)
def toko_sendiri(tmp_path, monkeypatch):
    """Every test gets an empty operational store of its own (accounts, sessions, audit)."""
    path = tmp_path / "operasional.sqlite"
    monkeypatch.setenv("PKE_STORE", str(path))
    return path


@pytest.fixture()
def app_env(fixture_db, monkeypatch):
    monkeypatch.setenv("PKE_DB", str(fixture_db))
    return fixture_db


def sesi_demo(nama: str) -> str:
    """A live session of demo account `nama` (pke.demo_akun) in the test's store; its token goes into an AppTest's
    session state as if the user had signed in through the form."""
    from pke import akun, demo_akun, operasional

    con = operasional.buka()
    demo_akun.pastikan(con)
    token = akun.buat_sesi(con, nama)
    con.close()
    return token


@pytest.fixture()
def db_diubah(fixture_db, tmp_path, monkeypatch):
    """A copy of the fixture database changed by `sql`, served to the app (for edge cases)."""
    import shutil

    import duckdb

    from pke import gudang

    def ubah(sql: str):
        salinan = tmp_path / "pke.duckdb"
        gudang.salin(fixture_db, salinan)
        c = duckdb.connect(str(salinan))
        if "batas_wilayah" in sql:  # a view over the boundaries' Parquet file: made a table the test can change
            c.execute("CREATE TABLE _batas AS SELECT * FROM batas_wilayah; DROP VIEW batas_wilayah; "
                      "ALTER TABLE _batas RENAME TO batas_wilayah")
        c.execute(sql)
        c.close()
        monkeypatch.setenv("PKE_DB", str(salinan))
        return salinan

    return ubah


@pytest.fixture(autouse=True)
def main_asli():
    """AppTest leaves the app script as sys.modules["__main__"]; put the real one back so a later test's child
    process (spawn) does not re-run the app."""
    import sys

    asli = sys.modules.get("__main__")
    yield
    if asli is not None:
        sys.modules["__main__"] = asli


@pytest.fixture(autouse=True)
def bahasa_indonesia():
    """Every test starts and ends in Indonesian, whatever language a test switched its thread to."""
    from pke.i18n import atur_bahasa

    atur_bahasa("id")
    yield
    atur_bahasa("id")
