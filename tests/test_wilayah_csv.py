"""data/wilayah.csv, derived from idn-area-data 3.1.2: counts, hierarchy, and agreement with the boundaries."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from pke import config


@pytest.fixture(scope="module")
def wil():
    return pd.read_csv(config.WILAYAH_CSV, dtype=str, keep_default_na=False)


def test_jumlah(wil):
    assert (wil["tingkat"] == "provinsi").sum() == 38
    jateng = wil[wil["kode"].str.startswith("33")]
    per = jateng["tingkat"].value_counts().to_dict()
    assert per == {"provinsi": 1, "kabupaten": 35, "kecamatan": 576, "desa": 8563}
    assert (jateng["is_kelurahan"] == "true").sum() == 753
    for kode, n in {"33.15": 280, "33.04": 278, "33.06": 494, "33.10": 401}.items():
        assert wil["kode"].str.startswith(kode + ".").where(wil["tingkat"] == "desa", False).sum() == n
    nama = dict(zip(wil["kode"], wil["nama"]))
    assert nama["33"] == "Jawa Tengah" and nama["33.15"] == "Kab. Grobogan" and nama["33.74"] == "Kota Semarang"
    assert nama["62.02"] == "Kab. Kotawaringin Timur" and nama["34"] == "DI Yogyakarta"


def test_hierarki(wil):
    assert wil["kode"].is_unique
    kode = set(wil["kode"])
    anak = wil[wil["tingkat"] != "provinsi"]
    assert anak["kode_induk"].isin(kode).all()
    assert (anak["kode"].str.rsplit(".", n=1).str[0] == anak["kode_induk"]).all()


def test_kode_desa_sama_dengan_batas(wil, batas_dir):
    for prov in ("33", "62"):
        di_batas = set()
        for f in (batas_dir / "db" / "kel" / prov).glob("*.sql"):
            di_batas |= set(re.findall(r"\('(\d\d\.\d\d\.\d\d\.\d{4})'", f.read_text(encoding="utf-8")))
        di_csv = set(wil.loc[(wil["tingkat"] == "desa") & wil["kode"].str.startswith(prov + "."), "kode"])
        assert di_batas == di_csv, f"provinsi {prov}: {len(di_batas ^ di_csv)} kode berbeda"
