"""Shared fixtures: one small demo database (Kab. Grobogan, fixed seed and date, a tenth of its families,
real boundaries) built once per test session."""
from __future__ import annotations

import datetime as dt
import os

import pytest

from pke.boundaries import default_boundaries_dir
from pke.build import bangun_demo

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


@pytest.fixture()
def app_env(fixture_db, monkeypatch):
    monkeypatch.setenv("PKE_DB", str(fixture_db))
    return fixture_db
