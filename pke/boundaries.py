"""Region boundaries: read, repair, simplify once at build time.

Two sources are understood:
- a directory in the layout of ../shared/boundaries (the upstream cahyadsn/wilayah_boundaries MySQL dumps:
  db/kab, db/kec, db/kel/<prov>/...), where each point is [lat, lng] — latitude first;
- any GeoJSON / GeoPackage / Shapefile / GeoParquet file with a Kemendagri code column (via geopandas), such as an
  office's own village map. Its code column is found by name (KOLOM_KODE) or named by `kode_column` /
  PKE_BOUNDARIES_KOLOM_KODE; codes may be dotted ('33.15.01.2001') or digits ('3315012001', also stored as a
  number). When such a file holds villages only, the kecamatan and kabupaten outlines the maps need are made by
  dissolving the villages.

Where boundaries are found without being told (default_boundaries_dir): PKE_BOUNDARIES, else ../shared/boundaries
beside the checkout (developers), else data/batas, the cache that `python -m pke batas unduh` fills from upstream.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
import pandas as pd
import shapely

from pke.i18n import t

ROOT = Path(__file__).resolve().parent.parent
TINGKAT = {1: "provinsi", 2: "kabupaten", 3: "kecamatan", 4: "desa"}
# Simplification tolerance in degrees per level (≈ 30 m for villages): maps stay light, borders look right.
TOLERANSI = {"provinsi": 0.002, "kabupaten": 0.001, "kecamatan": 0.0005, "desa": 0.0003}
KOLOM_KODE = ("kode", "kode_kemendagri", "kode_kemdagri", "kd_kemendagri", "kdepum", "kode_desa",
              "kode_wilayah", "kode_kec", "kode_kab")
KOLOM_NAMA = ("nama", "name", "nama_desa", "desa", "wadmkd", "namobj")
ENV_KOLOM_KODE = "PKE_BOUNDARIES_KOLOM_KODE"  # the code column of an office's own file, when not found by name
ENV_KOLOM_NAMA = "PKE_BOUNDARIES_KOLOM_NAMA"
CACHE_UNDUHAN = ROOT / "data" / "batas"      # pke.batas_unduh writes here
# Villages are dissolved into kecamatan and kabupaten after growing each by this much (degrees, about 20 m) and
# shrinking the union back: neighbours drawn with small gaps between them (simplified separately) still merge
# into one outline without slivers inside.
RAPAT = 0.0002

# One tuple a line; real files sometimes have a space after a comma.
_BARIS = re.compile(r"^\s*\(\s*'([0-9.]+)'\s*,\s*'((?:[^']|'')*)'\s*,\s*(-?[0-9.]+)\s*,\s*(-?[0-9.]+)\s*,\s*'(\[.*\])'\s*\)[,;]?\s*$")

Progress = Callable[[float, str], None]


class BoundaryError(Exception):
    """A boundary source that cannot be read; the message is for the user, in Indonesian."""


def default_boundaries_dir() -> Path | None:
    """PKE_BOUNDARIES if set (None when it does not exist: a wrong setting is not silently replaced), else
    ../shared/boundaries beside the checkout, else the download cache data/batas when it holds files."""
    env = os.environ.get("PKE_BOUNDARIES")
    if env:
        return Path(env) if Path(env).exists() else None
    bawaan = ROOT.parent / "shared" / "boundaries"
    if bawaan.exists():
        return bawaan
    return CACHE_UNDUHAN if (CACHE_UNDUHAN / "db").is_dir() else None


def normalkan_kode(kode) -> str:
    """'3315012001' -> '33.15.01.2001', '331501' -> '33.15.01', '3315' -> '33.15'; dotted codes kept; a code stored
    as a number (3315012001, 3315012001.0) is read as its digits."""
    if isinstance(kode, float) and kode.is_integer():
        kode = int(kode)
    k = str(kode).strip()
    if re.fullmatch(r"\d+\.0", k):  # a number column read as text
        k = k[:-2]
    if "." in k or not k.isdigit():
        return k
    potong = {2: [2], 4: [2, 2], 6: [2, 2, 2], 10: [2, 2, 2, 4]}.get(len(k))
    if not potong:
        return k
    bagian, i = [], 0
    for n in potong:
        bagian.append(k[i:i + n])
        i += n
    return ".".join(bagian)


def _cocok(kode: str, prefiks: list[str] | None) -> bool:
    if not prefiks:
        return True
    return any(kode == p or kode.startswith(p + ".") or p.startswith(kode + ".") for p in prefiks)


def _poligon(path) -> shapely.Geometry:
    """Upstream path JSON (rings of [lat, lng]) to a shapely Polygon or MultiPolygon in lng, lat."""
    def cincin(ring):
        return np.asarray(ring, dtype=float)[:, ::-1]

    def satu(rings):
        rings = [cincin(r) for r in rings if len(r) >= 3]
        return shapely.Polygon(rings[0], rings[1:]) if rings else None

    if path and isinstance(path[0][0][0], list):  # depth 4: multipolygon
        bagian = [p for p in (satu(r) for r in path) if p is not None]
        return shapely.MultiPolygon(bagian) if bagian else None
    return satu(path)


def _hanya_poligon(geom):
    """make_valid may return collections with lines or points: keep the polygonal parts only."""
    if geom is None or geom.is_empty:
        return None
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    bagian = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon")]
    poligon = [p for g in bagian for p in (g.geoms if g.geom_type == "MultiPolygon" else [g])]
    if not poligon:
        return None
    return poligon[0] if len(poligon) == 1 else shapely.MultiPolygon(poligon)


def _siapkan(df: pd.DataFrame, geoms: np.ndarray) -> pd.DataFrame:
    """Repair, simplify per level and serialise: adds geojson (simplified) and wkb (repaired)."""
    tetap = np.array([_hanya_poligon(g) for g in shapely.make_valid(geoms)], dtype=object)
    ada = np.array([g is not None for g in tetap])
    df, tetap = df[ada].reset_index(drop=True), tetap[ada]
    toleransi = df["tingkat"].map(TOLERANSI).fillna(0.0005).to_numpy()
    sederhana = shapely.simplify(tetap, toleransi, preserve_topology=True)
    sederhana = shapely.transform(sederhana, lambda c: np.round(c, 5))
    rusak = ~shapely.is_valid(sederhana) | shapely.is_empty(sederhana)
    if rusak.any():
        sederhana[rusak] = [_hanya_poligon(g) for g in shapely.make_valid(sederhana[rusak])]
        kosong = np.array([g is None or g.is_empty for g in sederhana])
        sederhana[kosong] = tetap[kosong]
    df["geojson"] = shapely.to_geojson(sederhana)
    df["wkb"] = list(shapely.to_wkb(tetap))
    return df


def _baca_sql(path: Path) -> tuple[list[dict], list]:
    baris, geoms = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = _BARIS.match(line)
            if not m:
                continue
            kode, nama, lat, lng, teks = m.groups()
            geom = _poligon(json.loads(teks))
            if geom is None:
                continue
            baris.append({"kode": kode, "nama": nama.replace("''", "'"), "lat": float(lat), "lng": float(lng)})
            geoms.append(geom)
    return baris, geoms


def _berkas_folder(folder: Path, prefiks: list[str] | None, tingkat: set[str]) -> list[Path]:
    db = folder / "db" if (folder / "db").is_dir() else folder
    if not (db / "kab").is_dir() and not (db / "kel").is_dir():
        raise BoundaryError(f"Folder {folder} bukan folder batas wilayah: tidak ada db/kab, db/kec atau db/kel.")
    berkas = []
    for sub, nama_tingkat in (("kab", "kabupaten"), ("kec", "kecamatan")):
        if nama_tingkat in tingkat:
            # one file per province, e.g. wilayah_boundaries_kab_33.sql
            berkas += [f for f in sorted((db / sub).glob("*.sql")) if _cocok(f.stem.rsplit("_", 1)[-1], prefiks)]
    if "desa" in tingkat:
        for kel in sorted((db / "kel").glob("*/wilayah_boundaries_kel_*.sql")):
            if _cocok(kel.stem.rsplit("_", 1)[-1], prefiks):  # e.g. 33.15
                berkas.append(kel)
    return berkas


def load_boundaries(source: str | Path, kode_prefixes: Iterable[str] | None = None,
                    progress: Progress | None = None, kode_column: str | None = None,
                    tingkat: Iterable[str] | None = None, nama_column: str | None = None) -> pd.DataFrame:
    """Boundaries of the regions under `kode_prefixes` (all when None), one row per region:
    kode, nama, tingkat, lat, lng, geojson (simplified GeoJSON geometry, lng-lat), wkb (repaired).
    `tingkat` keeps only some levels (e.g. {"kabupaten"} for a province outline map). For a file source,
    `kode_column` / `nama_column` name its code and name columns (else PKE_BOUNDARIES_KOLOM_KODE /
    PKE_BOUNDARIES_KOLOM_NAMA, else a known column name)."""
    tingkat = set(tingkat or TINGKAT.values())
    source = Path(source)
    prefiks = [p.strip() for p in kode_prefixes] if kode_prefixes else None
    progress = progress or (lambda f, m: None)
    if not source.exists():
        raise BoundaryError(f"Sumber batas wilayah tidak ditemukan: {source}")
    if source.is_dir():
        berkas = _berkas_folder(source, prefiks, tingkat)
        baris, geoms = [], []
        for i, path in enumerate(berkas):
            progress(i / max(len(berkas), 1), t("Membaca batas {nama}", nama=path.stem.removeprefix("wilayah_boundaries_")))
            b, g = _baca_sql(path)
            pilih = [j for j, r in enumerate(b) if _cocok(r["kode"], prefiks)]
            baris += [b[j] for j in pilih]
            geoms += [g[j] for j in pilih]
        df = pd.DataFrame(baris, columns=["kode", "nama", "lat", "lng"])
        geoms = np.array(geoms, dtype=object)
    else:
        progress(0.0, t("Membaca batas {nama}", nama=source.name))
        df, geoms = _baca_geopandas(source, prefiks, kode_column or os.environ.get(ENV_KOLOM_KODE) or None,
                                    nama_column or os.environ.get(ENV_KOLOM_NAMA) or None)
        if not df.empty:
            df, geoms = _lengkapi_induk(df, geoms, prefiks)
    if df.empty:
        raise BoundaryError(f"Tidak ada batas wilayah untuk kode {', '.join(prefiks or ['(semua)'])} di {source}.")
    df["tingkat"] = df["kode"].str.count(r"\.").add(1).map(TINGKAT)
    pilih = df["tingkat"].isin(tingkat).to_numpy()
    df, geoms = df[pilih].reset_index(drop=True), geoms[pilih]
    progress(0.95, t("Memperbaiki dan menyederhanakan geometri"))
    df = _siapkan(df, geoms)
    progress(1.0, t("Batas wilayah siap"))
    return df[["kode", "nama", "tingkat", "lat", "lng", "geojson", "wkb"]]


# A Kemendagri code at one of the four levels, dotted.
_KODE_SAH = re.compile(r"\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?")


def _baca_geopandas(path: Path, prefiks: list[str] | None, kode_column: str | None, nama_column: str | None = None):
    import geopandas as gpd

    try:
        gdf = gpd.read_parquet(path) if path.suffix.lower() in (".parquet", ".geoparquet") else gpd.read_file(path)
    except Exception as e:  # pyogrio raises several types for unreadable files
        raise BoundaryError(f"Berkas batas {path.name} tidak dapat dibaca: {e}") from e
    kolom = {c.lower(): c for c in gdf.columns if c != gdf.geometry.name}
    ada = ", ".join(kolom.values()) or "(tidak ada)"
    if kode_column:
        kode_col = kolom.get(kode_column.strip().lower())
        if kode_col is None:
            raise BoundaryError(f"Berkas {path.name} tidak punya kolom {kode_column} (kolom kode yang diminta); "
                                f"kolom yang ada: {ada}.")
    else:
        kode_col = next((kolom[c] for c in KOLOM_KODE if c in kolom), None)
        if kode_col is None:
            raise BoundaryError(f"Berkas {path.name} tidak punya kolom kode Kemendagri "
                                f"(dicari: {', '.join(KOLOM_KODE)}); kolom yang ada: {ada}. Sebutkan kolomnya dengan "
                                f"{ENV_KOLOM_KODE}=KOLOM (periksa dulu: python -m pke batas periksa {path.name} "
                                f"--kolom-kode KOLOM).")
    nama_col = (kolom.get(nama_column.strip().lower()) if nama_column
                else next((kolom[c] for c in KOLOM_NAMA if c in kolom), None))
    if gdf.crs is None:
        minx, miny, maxx, maxy = gdf.total_bounds if len(gdf) else (0, 0, 0, 0)
        if max(abs(minx), abs(maxx)) > 180 or max(abs(miny), abs(maxy)) > 90:
            raise BoundaryError(f"Berkas {path.name} tidak menyebut sistem koordinatnya (CRS) dan koordinatnya bukan "
                                f"derajat; simpan ulang dengan CRS (mis. berkas .prj di samping Shapefile).")
    elif gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    kode = gdf[kode_col].map(normalkan_kode)
    pilih = (kode.map(lambda k: bool(_KODE_SAH.fullmatch(k)) and _cocok(k, prefiks)).to_numpy()
             & (gdf.geometry.notna() & ~gdf.geometry.is_empty).to_numpy())
    gdf, kode = gdf[pilih], kode[pilih]
    nama = gdf[nama_col].astype(str).str.strip() if nama_col else pd.Series("", index=gdf.index)
    df = pd.DataFrame({"kode": kode.to_numpy(), "nama": nama.to_numpy()})
    geoms = np.asarray(gdf.geometry.to_numpy(), dtype=object)
    if df["kode"].duplicated().any():  # one region drawn as several features (islands, parts): one shape each
        kelompok = df.groupby("kode", sort=False).indices
        geoms = np.array([shapely.union_all(shapely.make_valid(geoms[i])) if len(i) > 1 else geoms[i[0]]
                          for i in kelompok.values()], dtype=object)
        df = df.drop_duplicates("kode").reset_index(drop=True)
    titik = shapely.point_on_surface(shapely.make_valid(geoms)) if len(geoms) else np.array([], dtype=object)
    df["lat"], df["lng"] = shapely.get_y(titik), shapely.get_x(titik)
    return df, geoms


def _lengkapi_induk(df: pd.DataFrame, geoms: np.ndarray, prefiks: list[str] | None):
    """Add the kecamatan and kabupaten a file lacks, each the union of its villages (or kecamatan), named from
    data/wilayah.csv. Only regions the selection covers whole (a prefix at or above them) are made: the villages
    of one kecamatan do not make their kabupaten's outline."""
    ada = set(df["kode"])
    baru_kode, baru_geom = [], []
    for panjang_induk in (8, 5):  # kecamatan from villages, then kabupaten from kecamatan (also those just made)
        semua = pd.Series(list(df["kode"]) + baru_kode)
        anak = semua[semua.str.len() == (13 if panjang_induk == 8 else 8)]
        if anak.empty:
            anak = semua[semua.str.len() == 13]
        semua_geom = np.concatenate([geoms, np.array(baru_geom, dtype=object)]) if baru_geom else geoms
        for induk, idx in anak.groupby(anak.str[:panjang_induk]).groups.items():
            if induk in ada or (prefiks and not any(induk == p or induk.startswith(p + ".") for p in prefiks)):
                continue
            baru_kode.append(induk)
            baru_geom.append(_gabung(semua_geom[np.asarray(idx)]))
            ada.add(induk)
    if not baru_kode:
        return df, geoms
    nama = _nama_wilayah()
    titik = shapely.point_on_surface(np.array(baru_geom, dtype=object))
    tambah = pd.DataFrame({"kode": baru_kode, "nama": [nama.get(k, "") for k in baru_kode],
                           "lat": shapely.get_y(titik), "lng": shapely.get_x(titik)})
    return (pd.concat([df, tambah], ignore_index=True),
            np.concatenate([geoms, np.array(baru_geom, dtype=object)]))


def _gabung(geoms: np.ndarray):
    """One outline from neighbouring shapes, without the slivers their separately drawn borders leave."""
    sah = shapely.make_valid(np.asarray(geoms, dtype=object))
    tumbuh = shapely.buffer(sah, RAPAT, join_style="mitre")
    return _hanya_poligon(shapely.buffer(shapely.union_all(tumbuh), -RAPAT, join_style="mitre"))


def _nama_wilayah() -> dict[str, str]:
    from pke import config

    try:
        wil = pd.read_csv(config.WILAYAH_CSV, dtype=str, usecols=["kode", "nama"])
    except (OSError, ValueError):
        return {}
    return dict(zip(wil["kode"], wil["nama"]))


def periksa(source: str | Path, kode_prefixes: Iterable[str] | None = None, kode_column: str | None = None,
            nama_column: str | None = None) -> dict:
    """What a boundary source covers, against data/wilayah.csv (`python -m pke batas periksa`): regions per level,
    codes that are not Kemendagri codes there (a sign of another coding: a BPS village code read as a Kemendagri
    one has a village part starting with 0), and the villages of the kabupaten it covers that have no boundary."""
    from pke import config

    df = load_boundaries(source, kode_prefixes, kode_column=kode_column, nama_column=nama_column)
    wil = pd.read_csv(config.WILAYAH_CSV, dtype=str, usecols=["kode", "tingkat"])
    kode = set(df["kode"])
    asing = sorted(kode - set(wil["kode"]))
    kabupaten = sorted({k[:5] for k in kode if len(k) >= 5})
    desa = wil[(wil["tingkat"] == "desa") & wil["kode"].str[:5].isin(kabupaten)]
    return {
        "per_tingkat": {n: int((df["tingkat"] == n).sum()) for n in TINGKAT.values() if (df["tingkat"] == n).any()},
        "kabupaten": kabupaten,
        "tidak_dikenal": asing,
        "mirip_kode_bps": any(len(k) == 13 and k[9] not in "12" for k in asing),
        "desa_tanpa_batas": sorted(set(desa["kode"]) - kode),
        "desa_di_kabupaten_itu": len(desa),
    }
