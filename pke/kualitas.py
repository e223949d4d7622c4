"""The data problems the source documents describe, counted per region from the kualitas_ringkas query.
Shared by the Kualitas Data view and the quarterly report."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pke.i18n import N_, t


@dataclass(frozen=True)
class Masalah:
    kunci: str
    label: str        # N_-marked; shown with t()
    kolom: str        # count column of kualitas_ringkas
    penyebut: str | None  # denominator column for a share, if any
    kueri: str        # query that lists the rows
    keterangan: str   # N_-marked


MASALAH: tuple[Masalah, ...] = (
    Masalah("tidak_padan", N_("Individu belum padan Dukcapil"), "individu_tidak_padan", "individu", "kualitas_individu",
            N_("NIK anggota belum cocok dengan data kependudukan (Dukcapil).")),
    Masalah("nik_ganda_individu", N_("Individu dengan NIK ganda"), "individu_nik_ganda", "individu",
            "kualitas_individu",
            N_("NIK yang sama tercatat pada lebih dari satu anggota: kemungkinan orang yang sama terdata dua kali.")),
    Masalah("nik_ganda", N_("Keluarga dengan NIK kepala ganda"), "keluarga_nik_ganda", "keluarga", "kualitas_keluarga",
            N_("NIK kepala keluarga juga tercatat di keluarga lain: kemungkinan data ganda.")),
    Masalah("meninggal", N_("Anggota tercatat meninggal"), "individu_meninggal", "individu", "kualitas_individu",
            N_("Perlu dikeluarkan dari sasaran pada pemutakhiran berikutnya.")),
    Masalah("pindah", N_("Anggota tercatat pindah"), "individu_pindah", "individu", "kualitas_individu",
            N_("Perlu diverifikasi: pindah ke desa lain atau keluar daerah.")),
    Masalah("tidak_di_dtks", N_("Keluarga P3KE yang tidak ada di DTKS"), "p3ke_tidak_di_dtks", "keluarga",
            "kualitas_keluarga", N_("Belum terdaftar di DTKS Kemensos: tidak dapat menerima bansos pusat.")),
    Masalah("dtks_tidak_di_p3ke", N_("Keluarga DTKS yang tidak ada di P3KE"), "dtks_tidak_di_p3ke", None,
            "kualitas_sektor", N_("Ada di DTKS tetapi tidak di P3KE: periksa apakah layak masuk sasaran.")),
    Masalah("rtlh_tidak_di_daftar", N_("RTLH di P3KE, tidak di daftar Disperakim"), "rtlh_tidak_di_daftar", None,
            "kualitas_keluarga", N_("Status RTLH berbeda antar sumber: rekonsiliasi agar tidak salah sasaran.")),
    Masalah("daftar_bukan_rtlh", N_("Di daftar RTLH Disperakim, bukan RTLH di P3KE"), "daftar_bukan_rtlh", None,
            "kualitas_sektor", N_("Status RTLH berbeda antar sumber: rekonsiliasi agar tidak salah sasaran.")),
    Masalah("tanpa_intervensi", N_("Kebutuhan tanpa intervensi ditandai"), "kebutuhan_tanpa_intervensi", None,
            "kualitas_keluarga",
            N_("Keluarga × klaster dengan kebutuhan yang belum ditandai intervensi apa pun (SIKS-DJ).")),
)
BY_KUNCI = {m.kunci: m for m in MASALAH}


def ringkasan(q: pd.Series) -> pd.DataFrame:
    """One row per problem for a kualitas_ringkas row: kunci, label, jumlah, persen (share of its total or None),
    keterangan — labels in the language of the run."""
    return pd.DataFrame([{
        "kunci": m.kunci, "label": t(m.label), "jumlah": int(q[m.kolom]),
        "persen": (float(q[m.kolom]) / float(q[m.penyebut]) if m.penyebut and q[m.penyebut] else None),
        "keterangan": t(m.keterangan)} for m in MASALAH])


KETERANGAN_P3KE = (N_("Meninggal"), N_("Pindah"))

# Column headers of the follow-up lists (kualitas_individu / _keluarga / _sektor queries).
KOLOM_DAFTAR = {
    "id_keluarga_p3ke": N_("ID keluarga P3KE"), "id_individu": N_("ID individu"), "id": N_("ID"), "nama": N_("Nama"),
    "nik": "NIK", "hubungan": N_("Hubungan dengan kepala keluarga"), "desil": N_("Desil"), "desa": N_("Desa"),
    "kecamatan": N_("Kecamatan"), "sumber": N_("Sumber"), "keterangan": N_("Keterangan di P3KE"),
    "klaster_tanpa_intervensi": N_("Klaster tanpa intervensi"),
}


def daftar_tampil(daftar: pd.DataFrame, kunci: str) -> pd.DataFrame:
    """A follow-up list as shown: the problem named in the first column, cluster keys as labels, headers in the
    language of the run. Mask personal data before (privasi.samarkan works on the query's column names)."""
    from pke import klaster

    d = daftar.copy()
    if "klaster_tanpa_intervensi" in d:
        d["klaster_tanpa_intervensi"] = d["klaster_tanpa_intervensi"].map(
            lambda v: ", ".join(klaster.label_singkat(x) for x in v.split(", ")) if isinstance(v, str) else v)
    if "keterangan" in d:  # the data's own remark: the P3KE export's codes are translated, free text kept
        d["keterangan"] = d["keterangan"].map(lambda v: t(v) if v in KETERANGAN_P3KE else v)
    d.insert(0, "masalah", t(BY_KUNCI[kunci].label))
    return d.rename(columns={"masalah": t("Masalah"), **{k: t(v) for k, v in KOLOM_DAFTAR.items()}})


# ---------- data matching per sub-region (padan_per_wilayah query) --------------------------------------------

# How the matching table can be ranked (?urut_padan=): the rate its rows are ordered by, worst first.
URUT_PADAN = {"dukcapil": (N_("% padan Dukcapil"), "persen_padan"), "dtks": (N_("% keluarga di DTKS"), "persen_dtks")}
TINGKAT_ANAK = {0: N_("provinsi"), 2: N_("kabupaten/kota"), 5: N_("kecamatan"), 8: N_("desa/kelurahan")}
KOLOM_PADAN = {"individu": N_("Individu"), "individu_padan": N_("Padan Dukcapil"), "persen_padan": N_("% padan"),
               "keluarga": N_("Keluarga"), "keluarga_dtks": N_("Di DTKS"), "persen_dtks": N_("% di DTKS")}


def tingkat_anak(kode: str) -> str | None:
    """The level of region `kode`'s children, as a section title names it ("kecamatan"); None for a village."""
    label = TINGKAT_ANAK.get(len(kode))
    return t(label) if label else None


def padan_urut(df: pd.DataFrame, urut: str = "dukcapil") -> pd.DataFrame:
    """The child regions of a padan_per_wilayah result (the region's own row left out), worst rate of `urut`
    first (then the other rate, then the name), numbered from 1."""
    kolom = URUT_PADAN[urut][1]
    lain = "persen_dtks" if kolom == "persen_padan" else "persen_padan"
    anak = df[~df["wilayah_ini"].astype(bool)].sort_values([kolom, lain, "nama"], na_position="last", kind="stable")
    return anak.reset_index(drop=True).assign(no=lambda d: range(1, len(d) + 1))


def padan_tampil(anak: pd.DataFrame, kode: str) -> pd.DataFrame:
    """padan_urut's rows as shown and exported: rank, the region's name under its level's label, counts and rates,
    headers in the language of the run."""
    tingkat = tingkat_anak(kode) or ""
    return anak[["no", "nama", *KOLOM_PADAN]].rename(columns={
        "no": t("No."), "nama": tingkat[:1].upper() + tingkat[1:], **{k: t(v) for k, v in KOLOM_PADAN.items()}})


KOLOM_PERSEN_PADAN = (N_("% padan"), N_("% di DTKS"))
