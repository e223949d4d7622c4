"""Derive data/wilayah.csv (every Indonesian province, kabupaten/kota, kecamatan and desa/kelurahan) from
the npm package idn-area-data 3.1.2 (data: ODbL 1.0; see data/README.md).

    python data/derive_wilayah.py [path/to/idn-area-data-3.1.2.tgz]

Without a path it runs `npm pack idn-area-data@3.1.2` in a temporary folder.
"""
from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import pandas as pd

VERSI = "idn-area-data@3.1.2"
KELUARAN = Path(__file__).resolve().parent / "wilayah.csv"
SINGKATAN = {"DKI", "DI"}


def nama_provinsi(nama: str) -> str:
    nama = nama.strip().replace("DAERAH ISTIMEWA", "DI")
    return " ".join(k if k in SINGKATAN else k.capitalize() for k in nama.split())


def nama_kabupaten(nama: str) -> str:
    nama = nama.strip()
    for awal, ganti in (("KABUPATEN ", "Kab. "), ("KOTA ", "Kota ")):
        if nama.startswith(awal):
            return ganti + " ".join(_kapital(k) for k in nama[len(awal):].split())
    return " ".join(_kapital(k) for k in nama.split())


def _kapital(kata: str) -> str:
    # "TOBA SAMOSIR", "PANGKAJENE DAN KEPULAUAN", "LABUHANBATU": capitalise each part of hyphenated words too
    if kata == "DAN":
        return "dan"
    return "-".join(b.capitalize() for b in kata.split("-"))


def baca(tgz: Path) -> dict[str, pd.DataFrame]:
    with tarfile.open(tgz) as tar:
        return {n: pd.read_csv(tar.extractfile(f"package/data/{n}.csv"), dtype=str, keep_default_na=False)
                for n in ("provinces", "regencies", "districts", "villages")}


def turunkan(data: dict[str, pd.DataFrame]) -> pd.DataFrame:
    prov = data["provinces"].assign(nama=lambda d: d["name"].map(nama_provinsi), tingkat="provinsi", kode_induk="")
    kab = data["regencies"].assign(nama=lambda d: d["name"].map(nama_kabupaten), tingkat="kabupaten",
                                   kode_induk=lambda d: d["province_code"])
    kec = data["districts"].assign(nama=lambda d: d["name"].str.strip(), tingkat="kecamatan",
                                   kode_induk=lambda d: d["regency_code"])
    desa = data["villages"].assign(nama=lambda d: d["name"].str.strip(), tingkat="desa",
                                   kode_induk=lambda d: d["district_code"])
    semua = pd.concat([d.rename(columns={"code": "kode"})[["kode", "nama", "tingkat", "kode_induk"]]
                       for d in (prov, kab, kec, desa)], ignore_index=True)
    # Village code PP.KK.CC.TDDD: T = 1 for a kelurahan (urban), 2 for a desa.
    semua["is_kelurahan"] = ((semua["tingkat"] == "desa") & semua["kode"].str[9].eq("1")).map(
        {True: "true", False: "false"})
    return semua.sort_values("kode", kind="stable").reset_index(drop=True)


def main() -> int:
    if len(sys.argv) > 1:
        tgz = Path(sys.argv[1])
        df = turunkan(baca(tgz))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["npm", "pack", VERSI, "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
            df = turunkan(baca(next(Path(tmp).glob("idn-area-data-*.tgz"))))
    df.to_csv(KELUARAN, index=False, lineterminator="\n")
    print(f"{KELUARAN}: {len(df):,} baris; " + ", ".join(f"{t} {n:,}" for t, n in df["tingkat"].value_counts().items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
