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
    df = load_boundaries(tmp_path / "desa.geojson", tingkat={"desa"})
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


# ---------------------------------------------------------------------------------------------------------------
# Downloading from upstream (pke.batas_unduh): never from the internet here. A local http.server serves copies of
# a few small real files from the boundaries folder, and the base URL is pointed at it.

import contextlib  # noqa: E402
import functools  # noqa: E402
import hashlib  # noqa: E402
import http.server  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

from pke import batas_unduh, boundaries  # noqa: E402
from pke.batas_unduh import UnduhError  # noqa: E402

KECIL = ["LICENSE", "db/kab/wilayah_boundaries_kab_62.sql", "db/kel/62/wilayah_boundaries_kel_62.71.sql"]


class _Diam(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def _server(folder: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Diam, directory=str(folder)))
    th = threading.Thread(target=httpd.serve_forever, daemon=True)
    th.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        th.join()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _berkas(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


@pytest.fixture()
def hulu(tmp_path, batas_dir):
    """A temp folder with copies of three small upstream files, served over HTTP; yields (url, list)."""
    asal = tmp_path / "hulu"
    for nama in KECIL:
        (asal / nama).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(batas_dir / nama, asal / nama)
    daftar = {n: s for n, s in batas_unduh.daftar_sha().items() if n in KECIL}
    with _server(asal) as url:
        yield url, daftar


def test_daftar_sha_sama_dengan_salinan_lokal(batas_dir):
    """The committed list is the pinned commit's: its Jawa Tengah and Kalimantan Tengah entries are the local
    copies (../shared/boundaries says which commit they are)."""
    daftar = batas_unduh.daftar_sha()
    assert len(batas_unduh.provinsi_tersedia(daftar)) == 38
    lokal = [n for n in daftar if n == "LICENSE" or batas_unduh._provinsi_berkas(n) in ("33", "62")]
    assert len(lokal) == 1 + 2 * 2 + 35 + 14
    beda = [n for n in lokal if _sha(batas_dir / n) != daftar[n]]
    assert not beda, beda
    readme = (batas_dir / "README.md").read_text(encoding="utf-8")
    assert batas_unduh.KOMIT in readme and batas_unduh.REPO in readme


def test_daftar_berkas_per_provinsi():
    berkas = [n for n, _ in batas_unduh.berkas_provinsi(["62"])]
    assert berkas[0] == "LICENSE"
    assert "db/kab/wilayah_boundaries_kab_62.sql" in berkas and "db/kec/wilayah_boundaries_kec_62.sql" in berkas
    assert sum(n.startswith("db/kel/62/") for n in berkas) == 14 and len(berkas) == 17
    assert batas_unduh._url(batas_unduh.URL_BAWAAN, berkas[1]) == (
        "https://raw.githubusercontent.com/cahyadsn/wilayah_boundaries/"
        f"{batas_unduh.KOMIT}/db/kab/wilayah_boundaries_kab_62.sql")
    assert batas_unduh.provinsi_dari_kode(["33.15", "62.02", "33"]) == ["33", "62"]
    with pytest.raises(UnduhError, match="Kode provinsi tidak dikenal: 99"):
        batas_unduh.berkas_provinsi(["99"])


def test_unduh_ke_cache_lalu_dibaca(hulu, tmp_path):
    url, daftar = hulu
    cache = tmp_path / "data" / "batas"
    pesan = []
    hasil = batas_unduh.unduh(["62"], cache, sumber=url, daftar=daftar, cetak=pesan.append)
    assert hasil.diunduh == KECIL and not hasil.sudah_ada
    assert _berkas(cache) == sorted([".gitignore", "SUMBER.txt", *KECIL])
    assert all(_sha(cache / n) == daftar[n] for n in KECIL)
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"  # the cache never shows in git status
    # one line per file, numbered, with its size and the check
    assert sum("SHA-256 cocok" in p for p in pesan) == 3 and pesan[1].startswith("[1/3] LICENSE")
    # the cache is an upstream-layout folder: Palangka Raya's villages and Kalimantan Tengah's kabupaten
    df = load_boundaries(cache, ["62.71"])
    assert set(df["tingkat"]) == {"desa", "kabupaten"} and (df["tingkat"] == "desa").sum() == 30
    # a second run fetches nothing (checked by hash), so an interrupted one resumes where it stopped
    lagi = batas_unduh.unduh(["62"], cache, sumber=url, daftar=daftar, cetak=pesan.append)
    assert lagi.sudah_ada == KECIL and not lagi.diunduh


def test_sumber_dari_variabel_lingkungan(hulu, tmp_path, monkeypatch):
    url, daftar = hulu
    monkeypatch.setenv(batas_unduh.ENV_URL, url)
    hasil = batas_unduh.unduh(["62"], tmp_path / "c", daftar=daftar, cetak=lambda s: None)
    assert hasil.diunduh == KECIL
    # a copy on a disk, as a folder or a file:// address
    assert batas_unduh.unduh(["62"], tmp_path / "e", sumber=str(tmp_path / "hulu"), daftar=daftar,
                             cetak=lambda s: None).diunduh == KECIL
    assert batas_unduh.unduh(["62"], tmp_path / "f", sumber=(tmp_path / "hulu").as_uri(), daftar=daftar,
                             cetak=lambda s: None).diunduh == KECIL
    monkeypatch.setenv(batas_unduh.ENV_URL, "ftp://contoh/")
    with pytest.raises(UnduhError, match="https://, http:// atau file://"):
        batas_unduh.unduh(["62"], tmp_path / "d", daftar=daftar, cetak=lambda s: None)


def test_sha_salah_ditolak_tanpa_sisa(hulu, tmp_path):
    url, daftar = hulu
    nama = "db/kel/62/wilayah_boundaries_kel_62.71.sql"
    salah = {nama: "0" * 64}
    cache = tmp_path / "batas"
    with pytest.raises(UnduhError) as e:
        batas_unduh.unduh(["62"], cache, sumber=url, daftar=salah, cetak=lambda s: None)
    assert "tidak cocok dengan daftar SHA-256" in str(e.value) and "tidak disimpan" in str(e.value)
    assert nama in str(e.value) and daftar[nama] in str(e.value)  # what was expected and what came
    assert _berkas(cache) == []  # no file, no temporary file, no .gitignore
    # after good files, a refused one stops the run; the good ones stay, the refused one is not there
    campur = {**daftar, nama: "0" * 64}
    with pytest.raises(UnduhError, match="tidak cocok"):
        batas_unduh.unduh(["62"], cache, sumber=url, daftar=campur, cetak=lambda s: None)
    assert _berkas(cache) == sorted([".gitignore", "SUMBER.txt", "LICENSE", "db/kab/wilayah_boundaries_kab_62.sql"])


def test_server_tidak_terjangkau_atau_berkas_tidak_ada(hulu, tmp_path):
    url, daftar = hulu
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(UnduhError, match=f"Tidak dapat mengunduh http://127.0.0.1:{port}/LICENSE"):
        batas_unduh.unduh(["62"], tmp_path / "a", sumber=f"http://127.0.0.1:{port}/", daftar=daftar,
                          batas_waktu=5, cetak=lambda s: None)
    assert _berkas(tmp_path / "a") == []
    hilang = {"db/kel/62/wilayah_boundaries_kel_62.99.sql": "0" * 64}
    with pytest.raises(UnduhError, match="Server menjawab 404"):
        batas_unduh.unduh(["62"], tmp_path / "b", sumber=url, daftar=hilang, cetak=lambda s: None)
    assert _berkas(tmp_path / "b") == []


def test_cli_unduh_satu_provinsi_dari_cermin_lokal(batas_dir, tmp_path, capsys):
    """`python -m pke batas unduh --provinsi 62` against the committed list, from a local mirror (the boundaries
    folder itself, served over HTTP): all 17 files land and are checked."""
    from pke.__main__ import main

    with _server(batas_dir) as url:
        rc = main(["batas", "unduh", "--provinsi", "62.02", "--ke", str(tmp_path / "batas"), "--sumber", url])
    assert rc == 0
    err = capsys.readouterr().err
    assert "[17/17] db/kel/62/wilayah_boundaries_kel_62.71.sql" in err and "17 berkas diunduh" in err
    assert len([p for p in _berkas(tmp_path / "batas") if p.endswith(".sql")]) == 16
    # offline with no mirror: a clear error and what to do
    rc = main(["batas", "unduh", "--provinsi", "62", "--ke", str(tmp_path / "x"), "--sumber",
               "http://127.0.0.1:9/", "--batas-waktu", "5"])
    err = capsys.readouterr().err
    assert rc == 2 and "Tidak dapat mengunduh" in err and "PKE_BOUNDARIES" in err


def test_folder_bawaan_berurutan(tmp_path, monkeypatch):
    """PKE_BOUNDARIES, else ../shared/boundaries beside the checkout, else the download cache data/batas."""
    akar = tmp_path / "kerja" / "main"
    bersama = tmp_path / "kerja" / "shared" / "boundaries"
    cache = akar / "data" / "batas"
    monkeypatch.setattr(boundaries, "ROOT", akar)
    monkeypatch.setattr(boundaries, "CACHE_UNDUHAN", cache)
    monkeypatch.delenv("PKE_BOUNDARIES", raising=False)
    assert boundaries.default_boundaries_dir() is None
    (cache / "db" / "kab").mkdir(parents=True)
    assert boundaries.default_boundaries_dir() == cache
    bersama.mkdir(parents=True)
    assert boundaries.default_boundaries_dir() == bersama
    monkeypatch.setenv("PKE_BOUNDARIES", str(tmp_path / "kantor.gpkg"))
    assert boundaries.default_boundaries_dir() is None  # a wrong setting is not silently replaced
    (tmp_path / "kantor.gpkg").touch()
    assert boundaries.default_boundaries_dir() == tmp_path / "kantor.gpkg"


def test_demo_tanpa_batas_menawarkan_unduhan(tmp_path, monkeypatch):
    """No boundaries found: the advice (download command, or offline: copy the folder and set PKE_BOUNDARIES);
    on a terminal a question, and nothing is downloaded without a yes."""
    monkeypatch.setattr(batas_unduh, "default_boundaries_dir", lambda: None)
    monkeypatch.setattr(batas_unduh, "CACHE", tmp_path / "batas")
    monkeypatch.setattr(batas_unduh, "unduh", lambda *a, **k: pytest.fail("downloaded without a yes"))
    pesan, pertanyaan = [], []
    assert batas_unduh.siapkan_bawaan(["33.15", "62.02"], tanya=None, cetak=pesan.append) is None
    saran = "\n".join(pesan)
    assert "python -m pke batas unduh --provinsi 33,62" in saran
    assert "PKE_BOUNDARIES" in saran and "salin folder batas" in saran
    tidak = batas_unduh.siapkan_bawaan(["33"], tanya=lambda q: pertanyaan.append(q) or "", cetak=pesan.append)
    assert tidak is None and "Unduh sekarang batas provinsi 33 (38 berkas)" in pertanyaan[0]

    diunduh = []
    monkeypatch.setattr(batas_unduh, "unduh", lambda prov, folder, **k: diunduh.append((prov, folder)))
    assert batas_unduh.siapkan_bawaan(["33"], tanya=lambda q: "y", cetak=pesan.append) == tmp_path / "batas"
    assert diunduh == [(["33"], tmp_path / "batas")]


def test_demo_folder_bawaan_kurang_provinsi(batas_dir, monkeypatch):
    monkeypatch.setattr(batas_unduh, "default_boundaries_dir", lambda: batas_dir)
    pesan = []
    assert batas_unduh.siapkan_bawaan(["33.15", "62.02"], cetak=pesan.append) == "default" and not pesan
    # Jawa Timur is not in the folder: said so; Jawa Tengah still has its maps
    assert batas_unduh.siapkan_bawaan(["33", "35"], cetak=pesan.append) == "default"
    assert "tidak memuat provinsi 35" in pesan[0]
    assert batas_unduh.siapkan_bawaan(["35"], cetak=pesan.append) is None  # none there: build without maps


# ---------------------------------------------------------------------------------------------------------------
# An office's own GeoPackage / Shapefile: its code column named, villages dissolved into kecamatan and kabupaten.

@pytest.fixture(scope="module")
def desa_kedungjati(batas_dir):
    """Real village polygons of Kec. Kedungjati (Grobogan), full resolution, as an office's file would hold."""
    df = load_boundaries(batas_dir, ["33.15.01"], tingkat={"desa", "kecamatan"})
    return df


def _gpkg_kantor(desa, path, **kolom):
    d = desa[desa["tingkat"] == "desa"]
    gdf = gpd.GeoDataFrame({"KD_DAGRI_DESA": d["kode"].str.replace(".", "").astype("int64").to_numpy(),
                            "NAMA_DESA_KANTOR": d["nama"].to_numpy(), **kolom},
                           geometry=shapely.from_wkb(d["wkb"].to_numpy()), crs=4326)
    gdf.to_crs(32749).to_file(path, driver="GPKG")  # UTM 49S, as offices often keep them
    return gdf


def test_geopackage_kantor_dengan_pemetaan_kolom_kode(desa_kedungjati, tmp_path, monkeypatch):
    path = tmp_path / "desa_kantor.gpkg"
    asli = _gpkg_kantor(desa_kedungjati, path)
    monkeypatch.delenv(boundaries.ENV_KOLOM_KODE, raising=False)
    with pytest.raises(BoundaryError, match="PKE_BOUNDARIES_KOLOM_KODE"):
        load_boundaries(path)
    with pytest.raises(BoundaryError, match="tidak punya kolom KODE_SALAH"):
        load_boundaries(path, kode_column="KODE_SALAH")

    monkeypatch.setenv(boundaries.ENV_KOLOM_KODE, "kd_dagri_desa")  # case does not matter
    monkeypatch.setenv(boundaries.ENV_KOLOM_NAMA, "NAMA_DESA_KANTOR")
    df = load_boundaries(path).set_index("kode")
    desa = df[df["tingkat"] == "desa"]
    assert len(desa) == len(asli) and "33.15.01.2001" in desa.index  # 3315012001 (a number) mapped
    assert desa.loc["33.15.01.2001", "nama"] == "Karanglangu"
    assert 110 < desa.loc["33.15.01.2001", "lng"] < 111.5 and -7.5 < desa.loc["33.15.01.2001", "lat"] < -6.8
    # the kecamatan and the kabupaten the maps need, made from the villages, named from data/wilayah.csv
    assert df.loc["33.15.01", "tingkat"] == "kecamatan" and df.loc["33.15.01", "nama"] == "Kedungjati"
    assert df.loc["33.15", "tingkat"] == "kabupaten" and df.loc["33.15", "nama"] == "Kab. Grobogan"
    kec = shapely.from_wkb(df.loc["33.15.01", "wkb"])
    luas_desa = shapely.union_all(shapely.from_wkb(desa["wkb"].to_numpy())).area
    assert kec.geom_type == "Polygon" and len(kec.interiors) == 0  # no slivers between the villages
    assert abs(kec.area / luas_desa - 1) < 0.01
    # the same as a parameter, and only what was asked for
    monkeypatch.delenv(boundaries.ENV_KOLOM_KODE)
    sebagian = load_boundaries(path, ["33.15.01.2001"], kode_column="KD_DAGRI_DESA", tingkat={"desa", "kabupaten"})
    assert list(sebagian["kode"]) == ["33.15.01.2001"]  # one village does not make its kabupaten's outline


def test_bagian_kode_sama_digabung_dan_kode_rusak_diabaikan(desa_kedungjati, tmp_path):
    d = desa_kedungjati[desa_kedungjati["tingkat"] == "desa"].head(2)
    g = shapely.from_wkb(d["wkb"].to_numpy())
    minx, miny, maxx, maxy = g[0].bounds
    tengah = (minx + maxx) / 2
    kiri, kanan = g[0].intersection(box(minx, miny, tengah, maxy)), g[0].intersection(box(tengah, miny, maxx, maxy))
    gdf = gpd.GeoDataFrame({"kode_desa": [d["kode"].iloc[0], d["kode"].iloc[0], d["kode"].iloc[1], "bukan kode"]},
                           geometry=[kiri, kanan, g[1], g[1]], crs=4326)
    gdf.to_file(tmp_path / "x.geojson", driver="GeoJSON")
    df = load_boundaries(tmp_path / "x.geojson", tingkat={"desa"}).set_index("kode")
    assert list(df.index) == list(d["kode"])  # one row per code; the row with a non-code left out
    assert shapely.from_wkb(df["wkb"].iloc[0]).area == pytest.approx(g[0].area, rel=0.01)


def test_periksa_menemukan_kode_bps(desa_kedungjati, tmp_path, capsys):
    from pke.__main__ import main

    d = desa_kedungjati[desa_kedungjati["tingkat"] == "desa"].head(3)
    geom = shapely.from_wkb(d["wkb"].to_numpy())
    # BPS village codes look like Kemendagri ones (10 digits) but the village part starts with 0
    bps = gpd.GeoDataFrame({"KODE": ["3315010001", "3315010002", "3315010003"]}, geometry=geom, crs=4326)
    bps.to_file(tmp_path / "bps.gpkg", driver="GPKG")
    assert main(["batas", "periksa", str(tmp_path / "bps.gpkg"), "--kolom-kode", "KODE"]) == 1
    out = capsys.readouterr().out
    assert "kode tidak ada di daftar kode Kemendagri" in out and "kode BPS" in out

    baik = gpd.GeoDataFrame({"KODE": d["kode"].str.replace(".", "").to_numpy()}, geometry=geom, crs=4326)
    baik.to_file(tmp_path / "baik.gpkg", driver="GPKG")
    h = boundaries.periksa(tmp_path / "baik.gpkg", kode_column="KODE")
    assert h["per_tingkat"] == {"kabupaten": 1, "kecamatan": 1, "desa": 3} and not h["tidak_dikenal"]
    assert h["kabupaten"] == ["33.15"] and h["desa_di_kabupaten_itu"] == 280 and len(h["desa_tanpa_batas"]) == 277
