"""The eight basic-service clusters (klaster) of the PKE programme: one definition each — key, labels, the OPD
that answers for it, the gap criterion (as words for users and as SQL), the names an imported file may use for it,
and the default unit cost of closing one gap. A ninth cluster is added here, in one place: the derivation
(pke/sql/kebutuhan.sql is rendered from `sql_kriteria()`), the catalog's klaster table, imports, the cost table,
charts, reports and views all read this tuple. (The synthetic demo generates gaps only for the clusters it
models, pke/demo.py.)

The criterion SQL is a boolean over one active household: `k` is its keluarga_aktif row (raw P3KE columns), `a`
its member facts (anggota_keluarga: n_individu, ada_ats, ada_disabilitas, n_usia_kerja, n_bekerja, ...), `w` its
village (wilayah: is_kelurahan). Imported files and demo data are judged by the same rule.
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
    kriteria: str        # the criterion in words, shown to users
    sql: str             # the criterion as SQL over k (keluarga_aktif), a (anggota_keluarga), w (wilayah)
    alias: tuple[str, ...] = ()   # other names an imported file may give it (lower case)
    satuan: str = ""     # what one unit of its default cost buys (Peluang Kolaborasi)
    biaya: int = 0       # default unit cost in rupiah per household, from Central Java's programme values


KLASTER: tuple[Klaster, ...] = (
    Klaster("rtlh", N_("Rumah tidak layak huni"), N_("RTLH"), "Disperakim",
            N_("Atap/dinding mudah rusak, lantai tanah/bambu/papan kualitas rendah, atau < 7,2 m² per orang"),
            "(k.jenis_atap IN ('Bambu', 'Jerami/ijuk/daun', 'Lainnya') "
            "OR k.jenis_dinding IN ('Anyaman bambu', 'Bambu', 'Lainnya') "
            "OR k.jenis_lantai IN ('Tanah', 'Kayu/papan kualitas rendah', 'Lainnya') "
            "OR coalesce(k.luas_lantai / nullif(a.n_individu, 0) < 7.2, FALSE))",
            ("rumah tidak layak huni",), N_("Perbaikan satu RTLH"), 20_000_000),
    Klaster("listrik", N_("Tanpa listrik"), N_("Listrik"), "Disperindag",
            N_("Penerangan utama bukan listrik, atau listrik bukan dari meteran PLN sendiri"),
            "coalesce(k.sumber_penerangan IN ('Listrik non-PLN', 'Bukan listrik'), FALSE)",
            ("tanpa listrik",), N_("Satu sambungan listrik"), 1_500_000),
    Klaster("air", N_("Air minum tidak layak"), N_("Air minum"), "Perumdam",
            N_("Sumber air minum sumur/mata air tak terlindung, sungai/danau, atau lainnya"),
            "coalesce(k.sumber_air_minum IN ('Sumur tak terlindung', 'Mata air tak terlindung', "
            "'Air sungai/danau/waduk', 'Lainnya'), FALSE)",
            ("air minum", "air bersih", "air minum tidak layak"), N_("Satu sambungan air minum"), 2_500_000),
    Klaster("jamban", N_("Tanpa jamban layak"), N_("Jamban"), "Dinkes",
            N_("Tidak punya fasilitas BAB sendiri/bersama, atau kloset tidak layak"),
            "(coalesce(k.memiliki_fasilitas_buang_air_besar IN ('Tidak ada', 'Umum'), FALSE) "
            "OR coalesce(k.jenis_kloset = 'Tidak pakai', FALSE) "
            # a pit latrine is acceptable in a rural desa, not in an urban kelurahan
            "OR coalesce(k.jenis_kloset IN ('Cemplung/cubluk', 'Plengsengan') AND w.is_kelurahan, FALSE))",
            ("sanitasi", "tanpa jamban layak"), N_("Satu jamban sehat"), 3_500_000),
    Klaster("stunting", N_("Risiko stunting"), N_("Stunting"), "DP3AKB",
            N_("Keluarga berisiko stunting menurut BKKBN"),
            "coalesce(k.resiko_stunting, FALSE)",
            ("risiko stunting",), N_("Pendampingan + PMT satu keluarga"), 750_000),
    Klaster("ats", N_("Anak tidak sekolah"), N_("ATS"), "Disdik",
            N_("Ada anggota usia 7–18 tahun yang tidak bersekolah"),
            "coalesce(a.ada_ats, FALSE)",
            ("anak tidak sekolah",), N_("Kembali bersekolah satu anak"), 1_500_000),
    Klaster("disabilitas", N_("Disabilitas"), N_("Disabilitas"), "Dinsos",
            N_("Ada anggota keluarga penyandang disabilitas"),
            "coalesce(a.ada_disabilitas, FALSE)",
            (), N_("Alat bantu / ATENSI satu orang"), 3_000_000),
    Klaster("tidak_bekerja", N_("Tidak bekerja"), N_("Tidak bekerja"), "Disnakertrans",
            N_("Tidak ada anggota usia kerja (19–59) yang bekerja"),
            "coalesce(a.n_usia_kerja > 0 AND a.n_bekerja = 0, FALSE)",
            ("tidak bekerja",), N_("Pelatihan + modal usaha satu keluarga"), 3_000_000),
)

KUNCI = tuple(k.kunci for k in KLASTER)
BY_KUNCI = {k.kunci: k for k in KLASTER}
# Names an imported file may use for a cluster (lower case): its key, labels and aliases.
ALIAS = {n: k.kunci for k in KLASTER for n in (k.kunci, k.kunci.replace("_", " "), k.label.lower(),
                                              k.label_singkat.lower(), *k.alias)}


def sql_kriteria() -> str:
    """The SELECT list of the derivation's per-household flags: one boolean column per cluster, named by its key
    (pke/sql/kebutuhan.sql's {{KRITERIA}}), and the UNPIVOT list ({{KUNCI}})."""
    return ",\n        ".join(f"({k.sql}) AS {k.kunci}" for k in KLASTER)


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
