"""Deterministic generator of demo P3KE data over real regions.

Everything here is synthetic and labelled as such: households and people are drawn, per kabupaten,
from a random stream seeded by (seed, kabupaten code), so a kabupaten's households are the same
whether it is built alone, with the four others of the source documents, or with the whole province.

Sizes follow DESIGN.md's published figures: Jawa Tengah has 4,359,907 P3KE families and about
16.4 M people (3.77 per family), spread over its 35 kabupaten/kota by population and poverty rate.
Gaps are not stored: the generator draws raw P3KE attributes (roof, water source, members' ages...)
whose derived gap rates are realistic and village-correlated; the gaps are then derived in SQL by the
same rules as for imported data.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pke import klaster as K
from pke import referensi

JATENG_KELUARGA = 4_359_907
KELUARGA_PER_DESA_LUAR_JAWA = 150  # Kalimantan Tengah villages are small and sparse
SNAPSHOT = dt.date(2023, 1, 1)     # demo P3KE snapshot ("P3KE 2022", used from 2023)
TAHUN_PENETAPAN = 2023

# Approximate population (millions, 2020 census rounded) and poverty rate (%, BPS 2024 where DESIGN.md
# gives it) of the 35 kabupaten/kota of Jawa Tengah. They only weight the demo's family counts.
JATENG: dict[str, tuple[float, float]] = {
    "33.01": (2.0, 11.5), "33.02": (1.8, 12.0), "33.03": (1.0, 14.0), "33.04": (1.04, 14.71),
    "33.05": (1.4, 16.34), "33.06": (0.78, 10.87), "33.07": (0.9, 14.5), "33.08": (1.3, 10.5),
    "33.09": (1.07, 8.8), "33.10": (1.27, 12.04), "33.11": (0.9, 7.2), "33.12": (1.04, 10.6),
    "33.13": (0.93, 9.4), "33.14": (0.98, 12.5), "33.15": (1.47, 11.43), "33.16": (0.89, 11.4),
    "33.17": (0.65, 14.0), "33.18": (1.33, 9.1), "33.19": (0.85, 7.4), "33.20": (1.2, 6.9),
    "33.21": (1.2, 11.5), "33.22": (1.05, 7.0), "33.23": (0.8, 9.0), "33.24": (1.0, 8.7),
    "33.25": (0.8, 8.6), "33.26": (0.97, 9.2), "33.27": (1.5, 15.0), "33.28": (1.6, 7.8),
    "33.29": (2.0, 15.5), "33.71": (0.12, 6.5), "33.72": (0.52, 8.4), "33.73": (0.2, 4.8),
    "33.74": (1.65, 4.23), "33.75": (0.31, 6.8), "33.76": (0.28, 7.6),
}
KAB_PRIORITAS = referensi.KABUPATEN_PRIORITAS_JATENG

# Priority villages (desa_prioritas) as the source documents set them.
JUMLAH_DESA_PRIORITAS = {"33.15": 51, "33.04": 44, "33.06": 54, "33.10": 25, "62.02": 18}
KECAMATAN_PRIORITAS_BANJARNEGARA = 14
KECAMATAN_TERMISKIN = {"62.02": ("Pulau Hanaut", "Mentaya Hilir Selatan", "Teluk Sampit")}

OPD_PENDAMPING_PURWOREJO = (
    "Bappeda", "Dinas Sosial PPPA", "Dinas Kesehatan", "Dinas Pendidikan dan Kebudayaan",
    "Dinas PUPR", "Dinas Perumahan dan Kawasan Permukiman", "Dinas Pertanian dan Ketahanan Pangan",
    "Dinas PMD", "Dinas Komunikasi dan Informatika", "BPBD", "Dinas Tenaga Kerja dan Transmigrasi",
    "Dinas Koperasi dan UKM", "Dinas Lingkungan Hidup", "Dinas Perindustrian dan Perdagangan",
    "BAPPERIDA", "Dinas Kependudukan dan Pencatatan Sipil", "Satpol PP", "Inspektorat",
)

# Verification rounds (verval): Banjarnegara's TKPKD rakor gave villages two days.
RONDE_VERVAL = {"33.04": ("Verval desa TKPKD Februari 2023", dt.date(2023, 2, 13), dt.date(2023, 2, 15))}
RONDE_VERVAL_BAWAAN = ("Verval P3KE 2025", dt.date(2025, 3, 3), dt.date(2025, 3, 31))

# Family-level gap rates before village, desil and kabupaten adjustments.
LAJU_DASAR = {"rtlh": 0.03, "listrik": 0.015, "air": 0.03, "jamban": 0.08, "stunting": 0.04,
              "ats": 0.045, "disabilitas": 0.03, "tidak_bekerja": 0.05}
# What the documents say each kabupaten struggles with (e.g. Klaten: electricity; Grobogan: water
# outside the groundwater basin; Kotawaringin Timur: river water, no grid).
# Klaten's electricity gap must stay its biggest *remaining* one (PR terbesar) whatever the seed and data date:
# electricity gaps close faster than "tidak bekerja", whose derived count is mostly structural (households with no
# working-age member), so with listrik 8.0 / tidak_bekerja 0.6 a data date after 2029 ranked "tidak bekerja" first.
PENGALI_KAB = {
    "33.10": {"listrik": 9.0, "jamban": 0.4, "rtlh": 0.6, "tidak_bekerja": 0.3, "air": 0.6,
              "stunting": 0.7, "ats": 0.6, "disabilitas": 0.8},
    "33.15": {"air": 2.2, "jamban": 1.1},
    "33.04": {"rtlh": 1.5, "stunting": 1.3},
    "33.06": {"jamban": 1.2},
    "62.02": {"air": 3.0, "listrik": 4.0, "jamban": 1.5},
}
PENGALI_DESIL = np.array([0.0, 1.6, 1.15, 0.85, 0.55])  # index by desil 1..4

NAMA_L = ("Agus", "Budi", "Slamet", "Suparman", "Sutrisno", "Joko", "Wahyu", "Eko", "Bambang", "Sugeng",
          "Teguh", "Rahmat", "Heru", "Dwi", "Mulyono", "Sukardi", "Paijo", "Tukiman", "Sumarno", "Ahmad",
          "Muhammad", "Yanto", "Darto", "Karno", "Warsito", "Supri", "Bagus", "Rudi", "Hadi", "Imam")
NAMA_P = ("Sri", "Siti", "Sumiyati", "Suparmi", "Wahyuni", "Endang", "Tri", "Dewi", "Rini", "Lestari",
          "Ngatini", "Painem", "Suminah", "Tumini", "Warsini", "Nur", "Yuni", "Ani", "Kartini", "Sulastri",
          "Marni", "Rusmini", "Sutini", "Wartini", "Fitri", "Indah", "Ratna", "Puji", "Umi", "Eni")
NAMA_BELAKANG = ("Santoso", "Wibowo", "Susanto", "Purnomo", "Setiawan", "Hartono", "Prasetyo", "Widodo",
                 "Handayani", "Rahayu", "Lestari", "Wulandari", "Saputra", "Kurniawan", "Nugroho",
                 "Hidayat", "Utomo", "Suryani", "Astuti", "Mulyani", "Riyanto", "Sutarno", "Pratiwi", "Yulianti")
PEKERJAAN = ("Petani/pekebun", "Buruh tani", "Buruh harian lepas", "Pedagang", "Wiraswasta",
             "Karyawan swasta", "Nelayan", "Sopir", "Tukang bangunan", "Peternak")
PENDIDIKAN = ("Tidak/belum sekolah", "Tidak tamat SD", "SD/sederajat", "SMP/sederajat", "SMA/sederajat",
              "Diploma/S1")

# Value labels (DESIGN.md, DTKS style), split into "no gap" and "gap" choices with weights.
ATAP_BAIK = (("Genteng tanah liat", .72), ("Genteng beton", .08), ("Genteng keramik", .05), ("Asbes", .12),
             ("Beton/genteng beton", .03))
ATAP_BURUK = (("Bambu", .3), ("Jerami/ijuk/daun", .4), ("Lainnya", .3))
DINDING_BAIK = (("Tembok", .8), ("Plesteran anyaman bambu/kawat", .08), ("Kayu", .12))
DINDING_BURUK = (("Anyaman bambu", .6), ("Bambu", .3), ("Lainnya", .1))
LANTAI_BAIK = (("Semen/bata merah", .45), ("Keramik", .35), ("Ubin/tegel/teraso", .17), ("Marmer/Granit", .03))
LANTAI_BURUK = (("Tanah", .75), ("Kayu/papan kualitas rendah", .25))
AIR_BAIK = (("Sumur bor/pompa", .3), ("Sumur terlindung", .25), ("Air isi ulang", .2), ("Leding meteran", .12),
            ("Mata air terlindung", .08), ("Leding eceran", .03), ("Air hujan", .02))
AIR_BURUK = (("Sumur tak terlindung", .4), ("Mata air tak terlindung", .25), ("Air sungai/danau/waduk", .25),
             ("Lainnya", .1))
BAHAN_BAKAR = (("Gas 3 kg", .72), ("Kayu bakar", .22), ("Arang", .01), ("Listrik", .01), ("Gas > 3 kg", .02),
               ("Tidak memasak di rumah", .02))
KEPEMILIKAN = (("Milik sendiri", .84), ("Bebas sewa", .09), ("Kontrak/sewa", .05), ("Lainnya", .02))
PENERANGAN = ("Listrik PLN", "Listrik non-PLN", "Bukan listrik")
FASILITAS_BAB = ("Sendiri", "Bersama", "Tidak ada", "Umum")
KLOSET = ("Leher angsa", "Plengsengan", "Cemplung/cubluk", "Tidak pakai")
SEKOLAH = ("Masih sekolah", "Tidak sekolah lagi", "Belum pernah sekolah")
JENIS_KELAMIN = ("Laki-laki", "Perempuan")
HUBUNGAN = ("Kepala keluarga", "Istri", "Suami", "Anak")


def _kode(label: tuple[str, ...], idx: np.ndarray, null: np.ndarray | None = None) -> pa.DictionaryArray:
    """Integer codes into `label` as an Arrow dictionary array (NULL where `null`)."""
    indeks = pa.array(np.asarray(idx, dtype=np.int32), mask=null)
    return pa.DictionaryArray.from_arrays(indeks, pa.array(label, type=pa.string()))


def _pilih(rng: np.random.Generator, n: int, pilihan) -> pa.DictionaryArray:
    label, bobot = zip(*pilihan)
    p = np.asarray(bobot, dtype=float)
    return _kode(label, rng.choice(len(label), size=n, p=p / p.sum()))


def _gabung(rng: np.random.Generator, mask: np.ndarray, buruk, baik) -> pa.DictionaryArray:
    """A label drawn from `buruk` (a gap) where mask, else from `baik`."""
    label_baik, bobot_baik = zip(*baik)
    label_buruk, bobot_buruk = zip(*buruk)
    n = len(mask)
    i_baik = rng.choice(len(baik), size=n, p=np.asarray(bobot_baik) / sum(bobot_baik))
    i_buruk = rng.choice(len(buruk), size=n, p=np.asarray(bobot_buruk) / sum(bobot_buruk))
    return _kode(label_baik + label_buruk, np.where(mask, len(baik) + i_buruk, i_baik))


@dataclass
class Kabupaten:
    kode: str
    nama: str
    n_keluarga: int
    desa: pd.DataFrame  # kode, nama, kode_induk (kecamatan), is_kelurahan, nama_kecamatan


def alokasi_keluarga(wilayah: pd.DataFrame, kode_kab: list[str], skala: float = 1.0) -> dict[str, int]:
    """Families per kabupaten. Jawa Tengah's total is split over all 35 kabupaten/kota even when only a
    few are built, so a kabupaten has the same size in every build."""
    desa = wilayah[wilayah.tingkat == "desa"]
    hasil = {}
    bobot = {k: pop * rate for k, (pop, rate) in JATENG.items()}
    total = sum(bobot.values())
    for kode in kode_kab:
        if kode in JATENG:
            hasil[kode] = int(round(JATENG_KELUARGA * bobot[kode] / total))
        else:
            n_desa = int(desa.kode.str.startswith(kode + ".").sum())
            hasil[kode] = n_desa * KELUARGA_PER_DESA_LUAR_JAWA
    return {kode: max(1, int(round(n * skala))) for kode, n in hasil.items()}


def _rng(seed: int, kode: str, bagian: str) -> np.random.Generator:
    kunci = [seed, int(kode.replace(".", ""))] + [ord(c) for c in bagian]
    return np.random.default_rng(np.random.SeedSequence(kunci))


def generate_kabupaten(con: duckdb.DuckDBPyConnection, kab: Kabupaten, seed: int, tahun_akhir: int) -> dict[str, int]:
    """Draw one kabupaten's villages' poverty, priority villages, households and members, and insert
    them into keluarga, individu, desa_prioritas and sumber_sektor. Returns row counts."""
    rng = _rng(seed, kab.kode, "keluarga")
    desa = kab.desa.reset_index(drop=True)
    nd = len(desa)

    # Village poverty: a kecamatan factor times a village factor, so poverty clusters in space.
    kec_kode = desa.kode_induk.to_numpy()
    kec_unik, kec_idx = np.unique(kec_kode, return_inverse=True)
    f_kec = rng.lognormal(0.0, 0.3, len(kec_unik))
    for nama in KECAMATAN_TERMISKIN.get(kab.kode, ()):
        f_kec[np.unique(kec_idx[desa.nama_kecamatan.to_numpy() == nama])] *= 2.5
    f = f_kec[kec_idx] * rng.lognormal(0.0, 0.35, nd)
    f = np.where(desa.is_kelurahan.to_numpy(), f * 0.7, f)

    prioritas = _pilih_desa_prioritas(rng, kab, desa, f, kec_idx)
    f = np.where(prioritas, f * 1.3, f)

    # Families per village: size times poverty, exact total by largest remainder.
    ukuran = rng.lognormal(0.0, 0.45, nd) * (0.5 + 0.5 * f)
    if kab.kode in KECAMATAN_TERMISKIN:
        # the documents rank these kecamatan first by poor population: more and poorer families there
        termiskin = np.isin(desa.nama_kecamatan.to_numpy(), KECAMATAN_TERMISKIN[kab.kode])
        ukuran = ukuran * np.where(termiskin, 3.0, 1.0)
    kuota = ukuran / ukuran.sum() * kab.n_keluarga
    n_kel = np.floor(kuota).astype(np.int64)
    sisa = kab.n_keluarga - n_kel.sum()
    n_kel[np.argsort(-(kuota - n_kel))[:sisa]] += 1

    nk = int(n_kel.sum())
    d_idx = np.repeat(np.arange(nd), n_kel)                  # household -> village index
    fk = f[d_idx]
    seq_desa = np.arange(nk) - np.repeat(np.cumsum(n_kel) - n_kel, n_kel) + 1

    # Desil: poorer villages have more desil-1 families.
    p1 = np.clip(0.2 * fk, 0.06, 0.6)
    u = rng.random(nk)
    desil = np.where(u < p1, 1, np.where(u < p1 + (1 - p1) * 0.36, 2,
                                         np.where(u < p1 + (1 - p1) * 0.69, 3, 4))).astype(np.int8)

    pengali = PENGALI_KAB.get(kab.kode, {})
    gap = {}
    for kunci in LAJU_DASAR:  # the clusters the demo models (the eight); another cluster gets its gaps from the raw
        p = LAJU_DASAR[kunci] * pengali.get(kunci, 1.0) * np.power(fk, 1.3) * PENGALI_DESIL[desil]
        gap[kunci] = rng.random(nk) < np.clip(p, 0.0, 0.9)

    # Members: head, spouse, children; a third of one-person households are elderly living alone.
    m = np.clip(1 + rng.poisson(2.77, nk), 1, 10)
    umur_kk = np.where((m == 1) & (rng.random(nk) < 0.45), rng.integers(60, 90, nk), rng.integers(24, 76, nk))
    umur_kk = np.where(rng.random(nk) < 0.12, rng.integers(60, 85, nk), umur_kk)
    kk_perempuan = (m == 1) & (rng.random(nk) < 0.6) | (rng.random(nk) < 0.1)
    gap["ats"] &= m >= 3
    gap["stunting"] &= m >= 3
    gap["tidak_bekerja"] &= umur_kk < 60

    total_m = int(m.sum())
    k_idx = np.repeat(np.arange(nk), m)                       # member -> household index
    j = np.arange(total_m) - np.repeat(np.cumsum(m) - m, m)   # position in household
    mk = m[k_idx]
    kepala = j == 0
    pasangan = j == 1
    anak = j >= 2
    umur_kk_m = umur_kk[k_idx]
    umur = np.where(kepala, umur_kk_m,
                    np.where(pasangan, np.clip(umur_kk_m + rng.integers(-8, 4, total_m), 17, 95),
                             (rng.random(total_m) * np.clip(umur_kk_m - 18, 1, 26)).astype(np.int64)))
    # Forced members so that drawn gaps are true of the people: the youngest child under 5 for a
    # stunting-risk family, a school-age child out of school for ATS.
    anak_bungsu = anak & (j == mk - 1)
    umur = np.where(anak_bungsu & gap["stunting"][k_idx], rng.integers(0, 5, total_m), umur)
    anak_ats = anak & (j == np.where(gap["stunting"][k_idx], mk - 2, mk - 1)) & (j >= 2)
    ats_m = anak_ats & gap["ats"][k_idx]
    umur = np.where(ats_m, rng.integers(7, 19, total_m), umur)
    # A head living alone with a spouse slot is still a couple; two-person households are couples.
    perempuan = np.where(kepala, kk_perempuan[k_idx], np.where(pasangan, ~kk_perempuan[k_idx],
                                                               rng.random(total_m) < 0.5))

    usia_sekolah = (umur >= 7) & (umur <= 18)
    # Labels travel as integer codes into dictionary arrays; DuckDB builds the strings.
    sekolah = np.full(total_m, 1, dtype=np.int8)                   # Tidak sekolah lagi
    sekolah[(umur >= 5) & (umur < 7)] = 2                          # Belum pernah sekolah
    sekolah[usia_sekolah] = 0                                      # Masih sekolah
    sekolah[ats_m] = np.where(rng.random(int(ats_m.sum())) < 0.7, 1, 2)
    status_sekolah = _kode(SEKOLAH, sekolah, null=umur < 5)

    usia_kerja = (umur >= 19) & (umur <= 59)
    # someone of working age works in most households: the head, or the spouse of an elderly head
    bekerja = usia_kerja & (kepala | (pasangan & (umur_kk_m >= 60)) | (rng.random(total_m) < 0.45))
    bekerja &= ~gap["tidak_bekerja"][k_idx]
    n_kerja = len(PEKERJAAN)
    kerja = np.where(bekerja, rng.integers(0, n_kerja, total_m),
                     np.where(usia_sekolah & (sekolah == 0), n_kerja,                   # Pelajar/mahasiswa
                              np.where(pasangan & perempuan & (rng.random(total_m) < 0.6),
                                       n_kerja + 1, n_kerja + 2)))                      # Mengurus RT / Tidak bekerja
    kerja = np.where(umur < 5, n_kerja + 3, kerja)                                      # Belum/tidak bekerja
    label_kerja = PEKERJAAN + ("Pelajar/mahasiswa", "Mengurus rumah tangga", "Tidak bekerja", "Belum/tidak bekerja")

    disabilitas = np.zeros(total_m, dtype=bool)
    pilih_dis = np.where(gap["disabilitas"])[0]
    if len(pilih_dis):
        disabilitas[np.cumsum(m)[pilih_dis] - m[pilih_dis] + rng.integers(0, m[pilih_dis])] = True

    # Planted data problems, at known rates, for the data-quality views.
    ket = np.zeros(total_m, dtype=np.int8)
    u = rng.random(total_m)
    ket[(u < 0.012) & ~kepala] = 1                                                      # Meninggal
    laju_pindah = np.full(nd, 0.02)
    if kab.kode == "33.15":  # the Grobogan rakor: 4 villages with households that moved
        laju_pindah[rng.choice(nd, 4, replace=False)] = 0.18
    ket[(u > 0.5) & (u < 0.5 + laju_pindah[d_idx[k_idx]])] = 2                          # Pindah
    keterangan = _kode(("", "Meninggal", "Pindah"), ket, null=ket == 0)
    padan_ind = rng.random(total_m) > 0.08

    snapshot = np.datetime64(SNAPSHOT)
    lahir = snapshot - (umur * 365.25 + rng.integers(0, 365, total_m)).astype("timedelta64[D]")
    depan = np.where(perempuan, len(NAMA_L) + rng.integers(0, len(NAMA_P), total_m),
                     rng.integers(0, len(NAMA_L), total_m))
    belakang = rng.integers(0, len(NAMA_BELAKANG), total_m)

    # Obviously synthetic NIK: kecamatan code, then "00" where a real NIK has its day of birth
    # (never 00), then a serial. A few households share a head NIK with another: duplicates to find.
    serial = np.arange(total_m, dtype=np.int64) + 1
    kec_m = kec_idx[d_idx][k_idx]
    serial_kk, kec_kk = serial[kepala].copy(), kec_m[kepala].copy()
    dup = np.where(rng.random(nk) < 0.003)[0]
    asal, salinan = dup[0:len(dup) - 1:2], dup[1::2]
    serial_kk[salinan], kec_kk[salinan] = serial_kk[asal], kec_kk[asal]
    # Some people are recorded twice: a member carries the NIK of someone in another household.
    dup_i = np.where(rng.random(total_m) < 0.002)[0]
    asal_i, salinan_i = dup_i[0:len(dup_i) - 1:2], dup_i[1::2]
    serial, kec_m = serial.copy(), kec_m.copy()
    serial[salinan_i], kec_m[salinan_i] = serial[asal_i], kec_m[asal_i]
    kec_digit = pa.array([k.replace(".", "") for k in kec_unik])

    # House, light, water, toilet, derived from the drawn gaps.
    rt = gap["rtlh"]
    sebab = rng.integers(0, 4, nk)  # 0 roof, 1 wall, 2 floor, 3 floor area per person
    luas = np.round(m * np.where(rt & (sebab == 3), rng.uniform(3.0, 7.0, nk), rng.uniform(9.0, 30.0, nk)), 1)
    kelurahan = desa.is_kelurahan.to_numpy()[d_idx]
    tanpa_fasilitas = rng.random(nk) < 0.6
    fasilitas = np.where(gap["jamban"], np.where(tanpa_fasilitas, 2, 3), np.where(rng.random(nk) < 0.85, 0, 1))
    kloset = np.where(gap["jamban"], np.where(tanpa_fasilitas, 3, 2),
                      np.where(~kelurahan & (rng.random(nk) < 0.2), 2, 0))
    desa_kode = desa.kode.to_numpy()
    kode_kel = _kode(tuple(desa_kode), d_idx)

    # Verval: each village finishes a share of its households, some of them after the deadline.
    nama_ronde, mulai, tenggat = RONDE_VERVAL.get(kab.kode, RONDE_VERVAL_BAWAAN)
    selesai_desa = np.where(rng.random(nd) < 0.45, 1.0, rng.beta(5, 1.5, nd))
    tepat_desa = np.where(rng.random(nd) < 0.5, 1.0, rng.beta(4, 1.5, nd))
    verval = rng.random(nk) < selesai_desa[d_idx]
    tepat = rng.random(nk) < tepat_desa[d_idx]
    durasi = (tenggat - mulai).days + 1
    tanggal_verval = np.where(
        tepat, np.datetime64(mulai) + rng.integers(0, durasi, nk).astype("timedelta64[D]"),
        np.datetime64(tenggat) + (1 + rng.exponential(8, nk)).astype("timedelta64[D]"))
    con.execute("INSERT INTO ronde_verval SELECT coalesce(max(id), 0) + 1, ?, ?, ?, ? FROM ronde_verval",
                [nama_ronde, kab.kode, mulai, tenggat])

    keluarga = pa.table({
        "kode_kemendagri": kode_kel,
        "seq": seq_desa,
        "desil_kesejahteraan": desil,
        "rt": rng.integers(1, 12, nk),
        "rw": rng.integers(1, 6, nk),
        "depan": _kode(NAMA_L + NAMA_P, depan[kepala]),
        "belakang": _kode(NAMA_BELAKANG, belakang[kepala]),
        "kec_digit": pa.DictionaryArray.from_arrays(pa.array(kec_kk.astype(np.int32)), kec_digit),
        "serial": serial_kk,
        "padan_dukcapil": padan_ind[kepala],
        "jenis_kelamin": _kode(JENIS_KELAMIN, kk_perempuan.astype(np.int8)),
        "tanggal_lahir": lahir[kepala],
        "pekerjaan": _kode(label_kerja, kerja[kepala]),
        "pendidikan": _kode(PENDIDIKAN, np.clip(rng.binomial(5, 0.38, nk), 0, 5)),
        "kepemilikan_rumah": _pilih(rng, nk, KEPEMILIKAN),
        "memiliki_simpanan_uang_perhiasan_ternak_lainnya": rng.random(nk) < 0.25 * desil / 2,
        "jenis_atap": _gabung(rng, rt & (sebab == 0), ATAP_BURUK, ATAP_BAIK),
        "jenis_dinding": _gabung(rng, rt & (sebab == 1), DINDING_BURUK, DINDING_BAIK),
        "jenis_lantai": _gabung(rng, rt & (sebab == 2), LANTAI_BURUK, LANTAI_BAIK),
        "luas_lantai": luas,
        "sumber_penerangan": _kode(PENERANGAN, np.where(gap["listrik"], np.where(rng.random(nk) < 0.6, 1, 2), 0)),
        "bahan_bakar_memasak": _pilih(rng, nk, BAHAN_BAKAR),
        "sumber_air_minum": _gabung(rng, gap["air"], AIR_BURUK, AIR_BAIK),
        "memiliki_fasilitas_buang_air_besar": _kode(FASILITAS_BAB, fasilitas),
        "jenis_kloset": _kode(KLOSET, kloset),
        "penerima_bpnt": rng.random(nk) < 0.5 / desil,
        "penerima_bpum": rng.random(nk) < 0.05,
        "penerima_bst": rng.random(nk) < 0.2 / desil,
        "penerima_pkh": rng.random(nk) < 0.45 / desil,
        "penerima_sembako": rng.random(nk) < 0.55 / desil,
        "resiko_stunting": gap["stunting"],
        "status_verval": _kode(("belum", "sudah"), verval.astype(np.int8)),
        "tanggal_verval": pa.array(np.where(verval, tanggal_verval, np.datetime64("NaT")), type=pa.date32()),
        "snapshot": np.full(nk, snapshot),
    })
    hubungan = np.where(kepala, 0, np.where(pasangan, np.where(perempuan, 1, 2), 3))
    individu = pa.table({
        "kode_kemendagri": _kode(tuple(desa_kode), d_idx[k_idx]),
        "seq": seq_desa[k_idx],
        "urut": j + 1,
        "depan": _kode(NAMA_L + NAMA_P, depan),
        "belakang": _kode(NAMA_BELAKANG, belakang),
        "kec_digit": pa.DictionaryArray.from_arrays(pa.array(kec_m.astype(np.int32)), kec_digit),
        "serial": serial,
        "padan_dukcapil": padan_ind,
        "jenis_kelamin": _kode(JENIS_KELAMIN, perempuan.astype(np.int8)),
        "hubungan_dengan_kepala_keluarga": _kode(HUBUNGAN, hubungan),
        "tanggal_lahir": lahir,
        "status_sekolah": status_sekolah,
        "disabilitas": disabilitas,
        # chronic illness rises with age: about 2 % of the young, 15 % of the elderly
        "penyakit_kronis": rng.random(total_m) < np.where(umur >= 60, 0.15, np.where(umur >= 40, 0.06, 0.02)),
        "pekerjaan": _kode(label_kerja, kerja),
        "keterangan": keterangan,
        "snapshot": np.full(total_m, snapshot),
    })
    id_kel = "'P' || replace(kode_kemendagri, '.', '') || lpad(seq::VARCHAR, 5, '0')"
    nik = "kec_digit || '00' || lpad(serial::VARCHAR, 8, '0')"
    con.register("_keluarga", keluarga)
    con.execute(f"""
        INSERT INTO keluarga BY NAME
        SELECT * EXCLUDE (seq, rt, rw, depan, belakang, kec_digit, serial),
               {id_kel} AS id_keluarga_p3ke,
               'RT ' || lpad(rt::VARCHAR, 3, '0') || ' / RW ' || lpad(rw::VARCHAR, 3, '0') AS alamat,
               depan || ' ' || belakang AS kepala_keluarga,
               {nik} AS nik
        FROM _keluarga""")
    con.unregister("_keluarga")
    con.register("_individu", individu)
    con.execute(f"""
        INSERT INTO individu BY NAME
        SELECT * EXCLUDE (kode_kemendagri, seq, urut, depan, belakang, kec_digit, serial),
               {id_kel} || lpad(urut::VARCHAR, 2, '0') AS id_individu,
               {id_kel} AS id_keluarga_p3ke,
               depan || ' ' || belakang AS nama,
               {nik} AS nik
        FROM _individu""")
    con.unregister("_individu")

    # The snapshot covers every village of the kabupaten (a village with no family is covered too).
    con.executemany("INSERT INTO liputan (kode_desa, snapshot) VALUES (?, ?)",
                    [(str(k), SNAPSHOT) for k in desa_kode])

    # Priority villages: set in 2023 and kept since.
    kode_prio = desa_kode[prioritas]
    sk = f"SK Bupati {kab.nama.removeprefix('Kab. ')} tentang Lokasi Prioritas PPKE Tahun {TAHUN_PENETAPAN} (demo)"
    opd = [OPD_PENDAMPING_PURWOREJO[i % len(OPD_PENDAMPING_PURWOREJO)] if kab.kode == "33.06" else None
           for i in range(len(kode_prio))]
    rows = [(kode, tahun, sk, o) for kode, o in zip(kode_prio, opd)
            for tahun in range(TAHUN_PENETAPAN, max(tahun_akhir, TAHUN_PENETAPAN) + 1)]
    if rows:
        con.executemany("INSERT INTO desa_prioritas (kode, tahun, dasar_penetapan, opd_pendamping) "
                        "VALUES (?, ?, ?, ?)", rows)

    # The Disperakim RTLH list disagrees with P3KE: it misses some RTLH households and lists some others.
    di_daftar = np.where(rt, rng.random(nk) < 0.85, rng.random(nk) < 0.01)
    # A DTKS extract: 80 % of P3KE families are in DTKS; DTKS also lists families P3KE does not (5 %).
    di_dtks = rng.random(nk) < 0.8
    con.register("_dtks", keluarga.filter(pa.array(di_dtks)))
    con.execute(f"""
        INSERT INTO sumber_sektor BY NAME
        SELECT 'DTKS' AS sumber, {nik} AS nik, {id_kel} AS id, kode_kemendagri, NULL AS klaster, 'DTKS' AS status
        FROM _dtks""")
    con.unregister("_dtks")
    hanya_dtks = pa.table({"kode_kemendagri": kode_kel.take(pa.array(rng.integers(0, nk, max(1, nk // 20))))})
    con.register("_hanya_dtks", hanya_dtks)
    con.execute("""
        INSERT INTO sumber_sektor BY NAME
        SELECT 'DTKS' AS sumber, NULL AS nik, 'DTKS-' || replace(kode_kemendagri, '.', '') || '-' || row_number() OVER ()
               AS id, kode_kemendagri, NULL AS klaster, 'DTKS' AS status
        FROM _hanya_dtks""")
    con.unregister("_hanya_dtks")

    con.register("_sektor", keluarga.filter(pa.array(di_daftar)))
    con.execute(f"""
        INSERT INTO sumber_sektor BY NAME
        SELECT 'Disperakim RTLH' AS sumber, {nik} AS nik, {id_kel} AS id, kode_kemendagri,
               'rtlh' AS klaster, 'RTLH' AS status
        FROM _sektor""")
    con.unregister("_sektor")
    return {"keluarga": nk, "individu": total_m, "desa_prioritas": len(kode_prio)}


def _pilih_desa_prioritas(rng, kab: Kabupaten, desa: pd.DataFrame, f: np.ndarray, kec_idx: np.ndarray) -> np.ndarray:
    nd = len(desa)
    if kab.kode in JUMLAH_DESA_PRIORITAS:
        n = JUMLAH_DESA_PRIORITAS[kab.kode]
    elif kab.kode in KAB_PRIORITAS:
        n = min(30, max(5, nd // 10))
    else:
        n = 0
    n = min(n, nd)
    skor = f * rng.lognormal(0.0, 0.2, nd)
    pilih = np.zeros(nd, dtype=bool)
    if n == 0:
        return pilih
    if kab.kode == "33.04":
        # Banjarnegara: 44 villages spread over exactly 14 kecamatan, at least one in each.
        skor_kec = np.array([skor[kec_idx == i].mean() for i in range(kec_idx.max() + 1)])
        kec_pilih = np.argsort(-skor_kec)[:KECAMATAN_PRIORITAS_BANJARNEGARA]
        for i in kec_pilih:
            anggota = np.where(kec_idx == i)[0]
            pilih[anggota[np.argmax(skor[anggota])]] = True
        calon = np.where(np.isin(kec_idx, kec_pilih) & ~pilih)[0]
        pilih[calon[np.argsort(-skor[calon])][: n - pilih.sum()]] = True
        return pilih
    pilih[np.argsort(-skor)[:n]] = True
    return pilih


def generate_intervensi(con: duckdb.DuckDBPyConnection, seed: int, sampai: dt.date, kab: str) -> int:
    """Tag interventions on the derived gaps of kabupaten `kab` (table kebutuhan_dasar of its working database),
    from 2023 Q1 up to `sampai`. Priority villages are reached more often; older tags are more often done. Each
    kabupaten moves at its own pace in each cluster (one draw per cluster, applied with a lookup, not a loop)."""
    gaps = con.sql("""
        SELECT kd.id_keluarga_p3ke, kd.kode_desa, kd.klaster, dp.kode IS NOT NULL AS prioritas
        FROM kebutuhan_dasar kd
        LEFT JOIN (SELECT DISTINCT kode FROM desa_prioritas) dp ON dp.kode = kd.kode_desa
        ORDER BY kd.kode_desa, kd.id_keluarga_p3ke, kd.klaster
    """).to_arrow_table()
    n = gaps.num_rows
    if n == 0:
        return 0
    rng = _rng(seed, kab, "intervensi")
    prioritas = gaps.column("prioritas").to_numpy(zero_copy_only=False)
    klaster = np.asarray(gaps.column("klaster").to_pylist(), dtype=object)
    k_idx = pd.Categorical(klaster, categories=list(K.KUNCI)).codes
    laju_kab = _rng(seed, kab, "laju").uniform(0.55, 1.2, len(K.KUNCI))
    laju = (np.where(prioritas, 0.72, 0.5) * np.where(np.isin(klaster, ["disabilitas", "tidak_bekerja"]), 0.7, 1.0)
            * laju_kab[k_idx])
    tag = rng.random(n) < laju
    idx = np.where(tag)[0]
    awal = np.datetime64(dt.date(2023, 1, 1))
    hari_total = (np.datetime64(sampai) - awal).astype(int)
    tanggal = awal + rng.integers(0, hari_total + 1, len(idx)).astype("timedelta64[D]")
    durasi = (45 + rng.exponential(160, len(idx))).astype("timedelta64[D]")
    selesai_pada = tanggal + durasi
    akhir = np.datetime64(sampai)
    status = np.where(selesai_pada <= akhir, "selesai",
                      np.where(akhir - tanggal > np.timedelta64(40, "D"), "proses", "rencana"))
    k_sel = klaster[idx]
    program = np.empty(len(idx), dtype=object)
    opd = np.empty(len(idx), dtype=object)
    dana = np.empty(len(idx), dtype=object)
    nilai = np.zeros(len(idx), dtype=np.int64)
    for kunci, katalog in K.PROGRAM.items():
        mask = k_sel == kunci
        pilih = rng.integers(0, len(katalog), int(mask.sum()))
        program[mask] = np.array([p[0] for p in katalog], dtype=object)[pilih]
        opd[mask] = np.array([p[1] for p in katalog], dtype=object)[pilih]
        dana[mask] = np.array([p[2] for p in katalog], dtype=object)[pilih]
        nilai[mask] = np.array([p[3] for p in katalog])[pilih]
    tabel = pa.table({
        "id": np.char.add(f"INT-{kab.replace('.', '')}-", np.char.zfill((np.arange(len(idx)) + 1).astype(str), 7)),
        "id_keluarga_p3ke": gaps.column("id_keluarga_p3ke").take(pa.array(idx)),
        "kode_kemendagri": gaps.column("kode_desa").take(pa.array(idx)),
        "klaster": pa.array(k_sel, type=pa.string()),
        "program": pa.array(program, type=pa.string()),
        "opd": pa.array(opd, type=pa.string()),
        "sumber_dana": pa.array(dana, type=pa.string()),
        "status": status,
        "tanggal": tanggal,
        "tanggal_selesai": pa.array(np.where(status == "selesai", selesai_pada, np.datetime64("NaT")),
                                    type=pa.date32()),
        "nilai_rp": nilai,
    })
    con.register("_intervensi", tabel)
    con.execute("INSERT INTO intervensi BY NAME SELECT * FROM _intervensi")
    con.unregister("_intervensi")
    return len(idx)


def generate_target(con: duckdb.DuckDBPyConnection, sampai: dt.date) -> None:
    """Quarterly targets per kabupaten and cluster: a fifth of the gaps still open at the start of each
    year, spread 15/25/30/30 % over the quarters (so some kabupaten are on track and others behind)."""
    con.execute("""
        INSERT INTO target_dasar (kode_wilayah, klaster, tahun, triwulan, target_keluarga, diubah_oleh, diubah_pada)
        WITH tahun AS (SELECT unnest(range(2023, $akhir + 1)) AS tahun),
        terbuka AS (
            SELECT left(kd.kode_desa, 5) AS kode_wilayah, kd.klaster, t.tahun,
                   count(*) FILTER (WHERE i.selesai IS NULL OR i.selesai >= make_date(t.tahun::INT, 1, 1)) AS n
            FROM kebutuhan_dasar kd
            CROSS JOIN tahun t
            LEFT JOIN (SELECT id_keluarga_p3ke, klaster, min(tanggal_selesai) AS selesai
                       FROM intervensi WHERE status = 'selesai' GROUP BY ALL) i
              ON i.id_keluarga_p3ke = kd.id_keluarga_p3ke AND i.klaster = kd.klaster
            GROUP BY ALL
        )
        SELECT kode_wilayah, klaster, tahun, tw.triwulan,
               round(n * 0.2 * tw.bagian)::INTEGER, 'demo', now()::TIMESTAMP
        FROM terbuka
        CROSS JOIN (VALUES (1, 0.15), (2, 0.25), (3, 0.30), (4, 0.30)) tw(triwulan, bagian)
    """, {"akhir": sampai.year})
