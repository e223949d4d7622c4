"""The eight basic-service clusters (klaster) of the PKE programme and who answers for each.

The gap criteria themselves live in SQL (pke/sql/turunan.sql) so that imported data and demo
data are judged by the same rule; this module holds the labels and the domain catalogue.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pke.i18n import N_, bahasa, t


@dataclass(frozen=True)
class Klaster:
    kunci: str
    label: str
    label_singkat: str
    opd: str  # OPD that answers for the cluster in the Central Java rakor
    kriteria: str


KLASTER: tuple[Klaster, ...] = (
    Klaster("rtlh", N_("Rumah tidak layak huni"), N_("RTLH"), "Disperakim",
            N_("Atap/dinding mudah rusak, lantai tanah/bambu/papan kualitas rendah, atau < 7,2 m² per orang")),
    Klaster("listrik", N_("Tanpa listrik"), N_("Listrik"), "Disperindag",
            N_("Penerangan utama bukan listrik, atau listrik bukan dari meteran PLN sendiri")),
    Klaster("air", N_("Air minum tidak layak"), N_("Air minum"), "Perumdam",
            N_("Sumber air minum sumur/mata air tak terlindung, sungai/danau, atau lainnya")),
    Klaster("jamban", N_("Tanpa jamban layak"), N_("Jamban"), "Dinkes",
            N_("Tidak punya fasilitas BAB sendiri/bersama, atau kloset tidak layak")),
    Klaster("stunting", N_("Risiko stunting"), N_("Stunting"), "DP3AKB",
            N_("Keluarga berisiko stunting menurut BKKBN")),
    Klaster("ats", N_("Anak tidak sekolah"), N_("ATS"), "Disdik",
            N_("Ada anggota usia 7–18 tahun yang tidak bersekolah")),
    Klaster("disabilitas", N_("Disabilitas"), N_("Disabilitas"), "Dinsos",
            N_("Ada anggota keluarga penyandang disabilitas")),
    Klaster("tidak_bekerja", N_("Tidak bekerja"), N_("Tidak bekerja"), "Disnakertrans",
            N_("Tidak ada anggota usia kerja (19–59) yang bekerja")),
)

KUNCI = tuple(k.kunci for k in KLASTER)
BY_KUNCI = {k.kunci: k for k in KLASTER}


def label(kunci: str) -> str:
    return t(BY_KUNCI[kunci].label)


def label_singkat(kunci: str) -> str:
    return t(BY_KUNCI[kunci].label_singkat)


KOLOM_LABEL = ("label", "label_singkat", "pr_terbesar")


def terjemahkan(df: pd.DataFrame) -> pd.DataFrame:
    """Query results carry the clusters' Indonesian labels (from the klaster table); in English, translate them."""
    kolom = [k for k in KOLOM_LABEL if k in df.columns]
    if bahasa() == "id" or not kolom:
        return df
    return df.assign(**{k: df[k].map(lambda v: t(v) if isinstance(v, str) else v) for k in kolom})


# Programmes the demo tags, per cluster: (programme, OPD, funding source, unit value in rupiah).
PROGRAM: dict[str, tuple[tuple[str, str, str, int], ...]] = {
    "rtlh": (
        ("BSPS", "Disperakim", "APBN", 20_000_000),
        ("Bantuan RTLH Provinsi", "Disperakim", "APBD Provinsi", 15_000_000),
        ("RTLH Kabupaten", "Disperakim", "APBD Kabupaten", 15_000_000),
        ("RTLH Dana Desa", "Dispermasdes", "APBDes/Dana Desa", 10_000_000),
        ("Bedah rumah CSR", "Disperakim", "CSR (TJSLP)", 17_500_000),
        ("Bedah rumah Baznas", "Dinsos", "Baznas/UPZ", 12_500_000),
    ),
    "listrik": (
        ("BPBL (sambungan listrik gratis)", "Disperindag", "APBN", 1_500_000),
        ("Jaringan listrik APBD", "Disperindag", "APBD Provinsi", 2_500_000),
        ("Pasang baru listrik CSR", "Disperindag", "CSR (TJSLP)", 2_000_000),
    ),
    "air": (
        ("Sambungan rumah Perumdam", "Perumdam", "APBD Kabupaten", 2_500_000),
        ("Pamsimas", "Disperakim", "APBN", 3_000_000),
        ("Akses air bersih desa", "Dispermasdes", "APBDes/Dana Desa", 2_000_000),
    ),
    "jamban": (
        ("Jambanisasi", "Dinkes", "APBD Kabupaten", 3_500_000),
        ("Sanimas", "Disperakim", "APBN", 4_000_000),
        ("Jamban sehat Dana Desa", "Dispermasdes", "APBDes/Dana Desa", 3_000_000),
        ("Jamban CSR", "Dinkes", "CSR (TJSLP)", 3_500_000),
    ),
    "stunting": (
        ("Pendampingan TPK", "DP3AKB", "APBN", 500_000),
        ("PMT balita dan ibu hamil", "Dinkes", "APBD Kabupaten", 750_000),
    ),
    "ats": (
        ("PIP", "Disdik", "APBN", 1_000_000),
        ("Kembali bersekolah", "Disdik", "APBD Kabupaten", 1_500_000),
    ),
    "disabilitas": (
        ("ATENSI", "Dinsos", "APBN", 2_000_000),
        ("Alat bantu disabilitas", "Dinsos", "APBD Provinsi", 3_000_000),
        ("Santunan Baznas", "Dinsos", "Baznas/UPZ", 1_000_000),
    ),
    "tidak_bekerja": (
        ("Pelatihan kerja", "Disnakertrans", "APBD Provinsi", 2_500_000),
        ("Bantuan modal usaha", "Disperindag", "APBD Kabupaten", 3_000_000),
        ("Padat karya Dana Desa", "Dispermasdes", "APBDes/Dana Desa", 1_500_000),
    ),
}
