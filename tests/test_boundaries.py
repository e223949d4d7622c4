"""The boundary loader on the real upstream files (../shared/boundaries) and on files in geopandas formats."""
from __future__ import annotations

import json

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import Polygon, box

from pke.boundaries import BoundaryError, load_boundaries, normalkan_kode

JAWA = dict(lat=(-8.9, -5.8), lng=(105.0, 114.8))


@pytest.fixture(scope="module")
def grobogan(batas_dir):
    return load_boundaries(batas_dir, ["33.15"])


def test_grobogan_lengkap_dan_di_jawa(grobogan):
    per_tingkat = grobogan["tingkat"].value_counts().to_dict()
    assert per_tingkat == {"desa": 280, "kecamatan": 19, "kabupaten": 1}
    assert grobogan["lat"].between(*JAWA["lat"]).all() and grobogan["lng"].between(*JAWA["lng"]).all()
    geoms = shapely.from_geojson(grobogan["geojson"].to_numpy())
    assert shapely.is_valid(geoms).all() and not shapely.is_empty(geoms).any()
    minx, miny, maxx, maxy = shapely.bounds(geoms).T
    assert (minx >= JAWA["lng"][0]).all() and (maxx <= JAWA["lng"][1]).all()
    assert (miny >= JAWA["lat"][0]).all() and (maxy <= JAWA["lat"][1]).all()
    # the full-resolution geometry is kept as WKB beside the simplified one
    assert shapely.from_wkb(grobogan["wkb"].iloc[0]).is_valid
    # only Grobogan's village file was read
    assert grobogan["kode"].str.startswith("33.15").all()


def test_lintang_dulu_di_sumber(grobogan):
    karanglangu = grobogan.set_index("kode").loc["33.15.01.2001"]
    assert karanglangu["nama"] == "Karanglangu"
    x, y = json.loads(karanglangu["geojson"])["coordinates"][0][0]
    assert 110 < x < 111.5 and -7.5 < y < -6.8  # upstream points are [lat, lng]; GeoJSON is [lng, lat]


def test_multipolygon_tetap_multipolygon(grobogan):
    # Sendangharjo (Kec. Karangrayung) is a depth-4 path, a multipolygon, in the upstream file
    geom = json.loads(grobogan.set_index("kode").loc["33.15.02.2008", "geojson"])
    assert geom["type"] == "MultiPolygon" and len(geom["coordinates"]) >= 2


def test_nama_dengan_apostrof(batas_dir):
    kotim_barat = load_boundaries(batas_dir, ["62.03"])
    assert "Karetau Manta'a" in set(kotim_barat["nama"])  # written Manta''a in the SQL dump


def test_berkas_sql_kecil_dengan_spasi(tmp_path):
    kel = tmp_path / "db" / "kel" / "33"
    kel.mkdir(parents=True)
    (tmp_path / "db" / "kab").mkdir()
    (kel / "wilayah_boundaries_kel_33.99.sql").write_text(
        "INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES\n"
        "\t('33.99.01.2001','Ma''ruf',-7.1, 110.1,'[[[-7.0,110.0],[-7.0,110.2],[-7.2,110.2],[-7.2,110.0],[-7.0,110.0]]]'),\n"
        # a self-touching bow-tie ring: repaired by make_valid, not dropped
        "\t('33.99.01.2002','Silang',-7.1,110.5,'[[[-7.0,110.4],[-7.2,110.6],[-7.2,110.4],[-7.0,110.6],[-7.0,110.4]]]');\n",
        encoding="utf-8")
    df = load_boundaries(tmp_path, ["33.99"]).set_index("kode")
    assert df.loc["33.99.01.2001", "nama"] == "Ma'ruf"
    assert df.loc["33.99.01.2001", "tingkat"] == "desa"
    assert shapely.from_geojson(df.loc["33.99.01.2002", "geojson"]).is_valid


def test_geojson_dan_geopackage(tmp_path):
    a = gpd.GeoDataFrame({"KDEPUM": ["3315012001", "3315012002"], "WADMKD": ["Karanglangu", "Panimbo"]},
                         geometry=[box(110.60, -7.25, 110.65, -7.20), box(110.65, -7.25, 110.70, -7.20)],
                         crs=4326)
    a.to_file(tmp_path / "desa.geojson", driver="GeoJSON")
    df = load_boundaries(tmp_path / "desa.geojson")
    assert list(df["kode"]) == ["33.15.01.2001", "33.15.01.2002"]
    assert list(df["nama"]) == ["Karanglangu", "Panimbo"]

    b = a.to_crs(3857).rename(columns={"KDEPUM": "kode_desa"})
    b.to_file(tmp_path / "desa.gpkg", driver="GPKG")
    df = load_boundaries(tmp_path / "desa.gpkg", ["33.15.01.2002"])
    assert list(df["kode"]) == ["33.15.01.2002"]
    x, y = json.loads(df.iloc[0]["geojson"])["coordinates"][0][0]
    assert 110.6 <= x <= 110.71 and -7.26 <= y <= -7.19  # back in degrees


def test_normalkan_kode():
    assert normalkan_kode("3315012001") == "33.15.01.2001"
    assert normalkan_kode("331501") == "33.15.01"
    assert normalkan_kode("3315") == "33.15"
    assert normalkan_kode("33.15") == "33.15"


def test_kesalahan_jelas(tmp_path):
    with pytest.raises(BoundaryError, match="tidak ditemukan"):
        load_boundaries(tmp_path / "tidak-ada")
    tanpa_kode = gpd.GeoDataFrame({"nama": ["x"], "luas": [1.0]},
                                  geometry=[Polygon([(110, -7), (110.1, -7), (110.1, -7.1)])], crs=4326)
    tanpa_kode.to_file(tmp_path / "x.geojson", driver="GeoJSON")
    with pytest.raises(BoundaryError, match="kolom yang ada: nama, luas"):
        load_boundaries(tmp_path / "x.geojson")
    (tmp_path / "kosong").mkdir()
    with pytest.raises(BoundaryError, match="bukan folder batas wilayah"):
        load_boundaries(tmp_path / "kosong")
