"""Importing real files: read, validate with reasons, and write through the single writer path.

Today: P3KE household (keluarga) exports, .csv or .xlsx, in the 2022 layout and its known variants
(kode_kemdagri/kode_kemendagri, upper/lower-case headers, Padan/Ya/YA, a multi-row header, stray spaces, NIK as a
number or as text with an apostrophe). Every rejected row is listed with its row number, column and reason in
Indonesian; a file that is not a P3KE export at all gets one clear message. An import is one transaction on a copy
of the database (pke.tulis), recorded in `impor` with the file's hash, and can be undone.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from pke import db, ekspor, fmt, gudang, klaster, turunan
from pke.i18n import N_, t
from pke.boundaries import normalkan_kode
from pke.tulis import TulisError, berkas_baru

ALIAS = {"kode_kemdagri": "kode_kemendagri", "kode_kemendagri_desa": "kode_kemendagri", "kode_desa": "kode_kemendagri",
         "tanggal_intervensi": "tanggal", "nama_lengkap": "nama", "idbdt": "id", "id_dtks": "id", "status_intervensi": "status", "sumber_anggaran": "sumber_dana", "nama_kepala_keluarga":
         "kepala_keluarga", "desil": "desil_kesejahteraan", "nik_kepala_keluarga": "nik", "risiko_stunting":
         "resiko_stunting"}
WAJIB = ("id_keluarga_p3ke", "kode_kemendagri", "desil_kesejahteraan", "kepala_keluarga", "nik")
TEKS = ("alamat", "kepala_keluarga", "jenis_kelamin", "pekerjaan", "pendidikan", "kepemilikan_rumah", "jenis_atap",
        "jenis_dinding", "jenis_lantai", "sumber_penerangan", "bahan_bakar_memasak", "sumber_air_minum",
        "memiliki_fasilitas_buang_air_besar", "jenis_kloset", "status_verval")
YA_TIDAK = ("memiliki_simpanan_uang_perhiasan_ternak_lainnya", "penerima_bpnt", "penerima_bpum", "penerima_bst",
            "penerima_pkh", "penerima_sembako", "resiko_stunting")
BENAR = {"ya", "y", "1", "padan", "true", "benar"}
SALAH = {"tidak", "t", "0", "tidak padan", "false", "salah", "belum padan"}


class ImporError(Exception):
    """A whole-file problem, told to the user in one Indonesian sentence; nothing is written."""


@dataclass
class HasilImpor:
    jenis: str
    file: str
    hash: str
    diterima: pd.DataFrame
    ditolak: pd.DataFrame  # baris, kolom, nilai, alasan — one row per problem
    catatan: list[str] = field(default_factory=list)
    id_impor: int | None = None
    ganti_kabupaten: bool = False  # keluarga: the file replaces its whole kabupaten, not only its villages
    hilang: int = 0                # families that would disappear from the active data (ganti_kabupaten)

    @property
    def baris_ditolak(self) -> int:
        return self.ditolak["baris"].nunique() if not self.ditolak.empty else 0

    def ringkasan(self) -> str:
        teks = t("{file}: {diterima} baris diterima, {ditolak} baris ditolak", file=self.file,
                 diterima=fmt.angka(len(self.diterima)), ditolak=fmt.angka(self.baris_ditolak))
        if not self.ditolak.empty:
            sebab = self.ditolak["alasan"].str.replace(r" \(.*\)$", "", regex=True).value_counts()
            teks += " (" + "; ".join(f"{a}: {n}" for a, n in sebab.items()) + ")"
        return teks + "."

    def ditolak_csv(self) -> bytes:
        # the rejected values are whatever the file held: neutralise formula-like text before it reaches Excel
        return ekspor.ke_csv(self.ditolak)


def _kepala(nilai) -> str:
    k = re.sub(r"\s+", "_", str(nilai).strip().lower())
    return ALIAS.get(k, k)


def baca_berkas(isi: bytes, nama: str, kolom_kunci: str = "id_keluarga_p3ke",
                jenis_label: str = "ekspor keluarga P3KE") -> tuple[pd.DataFrame, int, list[str]]:
    """The file as text columns with normalised headers, the sheet row number of its header (1-based), and
    notes for the user. Finds the header row among the first rows (verval sheets have 3-row headers)."""
    catatan: list[str] = []
    if not isi or not isi.strip():
        raise ImporError(t("Berkas {nama} kosong.", nama=nama))
    akhiran = Path(nama).suffix.lower()
    if akhiran in (".xlsx", ".xlsm", ".xls"):
        try:
            lembar = pd.read_excel(io.BytesIO(isi), sheet_name=None, header=None, dtype=str)
        except Exception as e:  # openpyxl raises several kinds for damaged files
            raise ImporError(t("Berkas {nama} tidak dapat dibuka sebagai Excel: {e}", nama=nama, e=e)) from e
        calon = [(n, df) for n, df in lembar.items()]
    elif akhiran in (".csv", ".txt"):
        try:
            teks = isi.decode("utf-8-sig")
        except UnicodeDecodeError:
            teks = isi.decode("cp1252")
            catatan.append(t("Berkas bukan UTF-8; dibaca sebagai Windows-1252 (ANSI). Periksa huruf beraksen."))
        try:
            pemisah = csv.Sniffer().sniff(teks[:5000], delimiters=",;\t|").delimiter
        except csv.Error:
            pemisah = ","
        df = pd.read_csv(io.StringIO(teks), sep=pemisah, header=None, dtype=str, keep_default_na=False,
                         skip_blank_lines=False)
        calon = [("CSV", df)]
    else:
        raise ImporError(t("Jenis berkas {akhiran} tidak didukung; unggah .xlsx atau .csv.",
                           akhiran=akhiran or t("(tanpa akhiran)")))

    for nama_lembar, df in calon:
        for i in range(min(10, len(df))):
            kepala = [_kepala(v) for v in df.iloc[i].fillna("")]
            if kolom_kunci in kepala:
                data = df.iloc[i + 1:].copy()
                data.columns = kepala
                data = data.loc[:, [c for c in data.columns if c and not c.startswith("unnamed")]]
                data = data.loc[:, ~data.columns.duplicated()]
                # rows under a multi-row header that repeat column numbers or are blank
                data = data.fillna("").astype(str).apply(lambda s: s.str.strip())
                kosong = (data == "").all(axis=1)
                data = data[~kosong]
                if nama_lembar != "CSV" and len(calon) > 1:
                    catatan.append(t("Dibaca dari lembar '{lembar}'.", lembar=nama_lembar))
                if data.empty:
                    raise ImporError(t("Lembar '{lembar}' berisi kepala kolom tetapi tidak ada baris data.",
                                       lembar=nama_lembar))
                data.index = data.index + 1  # sheet row numbers (1-based)
                return data, i + 1, catatan
    ditemukan = (", ".join(str(v) for v in calon[0][1].iloc[0].dropna().tolist()[:8]) if len(calon[0][1])
                 else t("(kosong)"))
    pesan = (t("Berkas {nama} bukan {jenis}: tidak ada kolom {kolom} di sepuluh baris pertama lembar mana pun. "
               "Kolom yang terbaca: {ditemukan}.") if len(calon) > 1 else
             t("Berkas {nama} bukan {jenis}: tidak ada kolom {kolom} di sepuluh baris pertama. "
               "Kolom yang terbaca: {ditemukan}."))
    raise ImporError(pesan.format(nama=nama, jenis=t(jenis_label), kolom=kolom_kunci, ditemukan=ditemukan))


def _nik(nilai: str) -> str:
    s = nilai.strip().lstrip("'").replace(" ", "")
    if re.fullmatch(r"\d+\.0+", s):
        s = s.split(".")[0]
    if re.fullmatch(r"\d(\.\d+)?[eE]\+?\d+", s):  # 3.31501E+15 from a spreadsheet: digits already lost
        return s
    return s


def _wajib(data: pd.DataFrame, wajib) -> None:
    kurang = [k for k in wajib if k not in data.columns]
    if kurang:
        raise ImporError(t("Kolom wajib tidak ada: {kurang}. Kolom yang ada: {ada}.", kurang=", ".join(kurang),
                           ada=", ".join(list(data.columns)[:12])))


class _Penolak:
    """Collects (row, column, value, reason) for every problem found."""

    def __init__(self, data: pd.DataFrame):
        self.data = data
        self.masalah: list[tuple[int, str, str, str]] = []

    def __call__(self, mask: pd.Series, kolom: str, alasan) -> None:
        for baris, nilai in self.data.loc[mask, kolom].items() if kolom in self.data else []:
            self.masalah.append((int(baris), kolom, nilai, alasan(nilai) if callable(alasan) else alasan))

    def pisah(self, hasil: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        ditolak = pd.DataFrame(self.masalah, columns=["baris", "kolom", "nilai", "alasan"]).sort_values(
            ["baris", "kolom"]).reset_index(drop=True)
        return hasil.drop(index=ditolak["baris"].unique()).reset_index(drop=True), ditolak


def _tanggal(seri: pd.Series) -> pd.Series:
    return pd.to_datetime(seri, errors="coerce", dayfirst=True, format="mixed")


def validasi_keluarga(data: pd.DataFrame, kode_desa: set[str],
                      nik_terdaftar: dict[str, tuple[str, str]] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows that can be written (normalised to the keluarga columns) and one row per problem found.
    `nik_terdaftar`: NIK -> (id_keluarga_p3ke, village code) of heads already in the active data, so that a NIK
    belonging to another family is refused with both places named."""
    _wajib(data, WAJIB)
    tolak = _Penolak(data)

    hasil = pd.DataFrame(index=data.index)
    hasil["id_keluarga_p3ke"] = data["id_keluarga_p3ke"]
    tolak(data["id_keluarga_p3ke"] == "", "id_keluarga_p3ke", t("id_keluarga_p3ke kosong"))
    ganda = data["id_keluarga_p3ke"].duplicated(keep="first") & (data["id_keluarga_p3ke"] != "")
    pertama = data.reset_index().drop_duplicates("id_keluarga_p3ke").set_index("id_keluarga_p3ke")["index"]
    tolak(ganda, "id_keluarga_p3ke", lambda v: t("id_keluarga_p3ke ganda (sudah ada di baris {baris})", baris=pertama[v]))

    kode = data["kode_kemendagri"].map(lambda v: normalkan_kode(v.lstrip("'")))
    hasil["kode_kemendagri"] = kode
    tolak(~kode.isin(kode_desa), "kode_kemendagri", t("kode desa/kelurahan tidak dikenal"))

    desil = pd.to_numeric(data["desil_kesejahteraan"].str.replace(",", "."), errors="coerce")
    hasil["desil_kesejahteraan"] = desil
    tolak(~desil.isin([1, 2, 3, 4]), "desil_kesejahteraan", t("desil di luar 1–4"))

    tolak(data["kepala_keluarga"].str.strip() == "", "kepala_keluarga", t("nama kepala keluarga kosong"))

    nik = data["nik"].map(_nik)
    hasil["nik"] = nik
    sah = nik.str.fullmatch(r"\d{16}")
    tolak(~sah, "nik",
          lambda v: (t("NIK harus 16 digit (tertulis {n} digit)", n=len(_nik(v))) if _nik(v).isdigit()
                     else t("NIK harus 16 digit angka")))
    # One head, one family: a NIK repeated in the file, or already the head of another family, is refused with
    # the other place named (P3KE data holds such duplicates; importing them would count a family twice).
    nik_pertama = pd.Series(data.index, index=nik).groupby(level=0).first()
    ulang = sah & nik.duplicated(keep="first") & ~ganda  # a repeated ID already says it
    tolak(ulang, "nik", lambda v: t("NIK sama dengan kepala keluarga di baris {baris}",
                                    baris=nik_pertama[_nik(v)]))
    if nik_terdaftar:
        lain = pd.Series([nik_terdaftar.get(n) for n in nik], index=data.index)
        beda = sah & ~ulang & lain.map(lambda x: x is not None) & (
            lain.map(lambda x: x[0] if x else None) != data["id_keluarga_p3ke"])
        tolak(beda, "nik", lambda v: t("NIK sudah menjadi kepala keluarga {id} di desa {desa}",
                                       id=nik_terdaftar[_nik(v)][0], desa=nik_terdaftar[_nik(v)][1]))

    if "padan_dukcapil" in data:
        p = data["padan_dukcapil"].str.lower()
        hasil["padan_dukcapil"] = p.map(lambda v: True if v in BENAR else (False if v in SALAH else None))
        tolak(~(p.isin(BENAR | SALAH) | (p == "")), "padan_dukcapil", t("padan_dukcapil bukan Padan/Tidak Padan/Ya/Tidak"))
    for kolom in YA_TIDAK:
        if kolom in data:
            v = data[kolom].str.lower()
            hasil[kolom] = v.map(lambda x: True if x in BENAR else (False if x in SALAH else None))
            tolak(~(v.isin(BENAR | SALAH) | (v == "")), kolom, t("{kolom} bukan Ya/Tidak", kolom=kolom))
    if "tanggal_lahir" in data:
        lahir = data["tanggal_lahir"]
        tanggal = _tanggal(lahir)
        hasil["tanggal_lahir"] = tanggal.dt.date
        tolak(tanggal.isna() & (lahir != ""), "tanggal_lahir", t("tanggal tidak dapat dibaca"))
    if "luas_lantai" in data:
        hasil["luas_lantai"] = pd.to_numeric(data["luas_lantai"].str.replace(",", "."), errors="coerce")
    for kolom in TEKS:
        if kolom in data:
            hasil[kolom] = data[kolom].replace("", None)

    diterima, ditolak = tolak.pisah(hasil)
    diterima["desil_kesejahteraan"] = diterima["desil_kesejahteraan"].astype("int8")
    return diterima, ditolak


def _satu(con, sql: str, params: dict | None = None):
    """The first row or None; fetches all so the connection is free for the next statement."""
    rows = con.execute(sql, params or {}).fetchall()
    return rows[0] if rows else None


KLASTER_ALIAS = klaster.ALIAS  # key, labels and aliases of each cluster (pke.klaster)
STATUS_ALIAS = {"rencana": "rencana", "direncanakan": "rencana", "proses": "proses", "dalam proses": "proses",
                "selesai": "selesai", "sudah": "selesai", "terealisasi": "selesai"}


def _klaster(data: pd.DataFrame, tolak: _Penolak) -> pd.Series:
    k = data["klaster"].str.lower().str.strip().map(KLASTER_ALIAS)
    tolak(k.isna(), "klaster", t("klaster tidak dikenal ({daftar})",
                                 daftar=", ".join(klaster.label_singkat(x) for x in klaster.KUNCI)))
    return k


def validasi_intervensi(data: pd.DataFrame, kel_aktif: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """SIKS-DJ style tagging: household, cluster, status, date; programme, OPD, funding source, value optional."""
    _wajib(data, ("id_keluarga_p3ke", "klaster", "status", "tanggal"))
    tolak = _Penolak(data)
    h = pd.DataFrame(index=data.index)
    h["id_keluarga_p3ke"] = data["id_keluarga_p3ke"]
    h["kode_kemendagri"] = data["id_keluarga_p3ke"].map(kel_aktif)
    tolak(h["kode_kemendagri"].isna(), "id_keluarga_p3ke", t("keluarga tidak ada di data P3KE aktif"))
    h["klaster"] = _klaster(data, tolak)
    h["status"] = data["status"].str.lower().str.strip().map(STATUS_ALIAS)
    tolak(h["status"].isna(), "status", t("status bukan rencana/proses/selesai"))
    tanggal = _tanggal(data["tanggal"])
    tolak(tanggal.isna(), "tanggal", t("tanggal tidak dapat dibaca"))
    selesai = _tanggal(data["tanggal_selesai"]) if "tanggal_selesai" in data else pd.Series(pd.NaT, index=data.index)
    if "tanggal_selesai" in data:
        tolak(selesai.isna() & (data["tanggal_selesai"] != ""), "tanggal_selesai", t("tanggal tidak dapat dibaca"))
    h["tanggal"] = tanggal.dt.date
    # a done tag without its own completion date is taken as done on its date
    h["tanggal_selesai"] = selesai.fillna(tanggal).where(h["status"] == "selesai").dt.date
    tolak((selesai < tanggal).fillna(False), "tanggal_selesai", t("tanggal_selesai sebelum tanggal"))
    for kolom in ("program", "opd", "sumber_dana"):
        h[kolom] = data[kolom].replace("", None) if kolom in data else None
    if "nilai_rp" in data:
        nilai = pd.to_numeric(data["nilai_rp"].str.replace(r"[.\s]", "", regex=True).str.replace(",", "."),
                              errors="coerce")
        tolak(nilai.isna() & (data["nilai_rp"] != ""), "nilai_rp", t("nilai_rp bukan angka"))
        h["nilai_rp"] = nilai
    h["id"] = data["id"].replace("", None) if "id" in data else None
    if "id" in data:
        ganda = data["id"].duplicated(keep="first") & (data["id"] != "")
        tolak(ganda, "id", t("id intervensi ganda di berkas ini"))
    return tolak.pisah(h)


def validasi_desa_prioritas(data: pd.DataFrame, kode_desa: set[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The priority-village decree list (SK lokus) with optional OPD pendamping per village."""
    _wajib(data, ("kode_kemendagri", "tahun"))
    tolak = _Penolak(data)
    h = pd.DataFrame(index=data.index)
    h["kode"] = data["kode_kemendagri"].map(lambda v: normalkan_kode(v.lstrip("'")))
    tolak(~h["kode"].isin(kode_desa), "kode_kemendagri", t("kode desa/kelurahan tidak dikenal"))
    tahun = pd.to_numeric(data["tahun"], errors="coerce")
    tolak(~tahun.between(2020, 2035), "tahun", t("tahun di luar 2020–2035"))
    h["tahun"] = tahun
    h["dasar_penetapan"] = data["dasar_penetapan"].replace("", None) if "dasar_penetapan" in data else None
    h["opd_pendamping"] = data["opd_pendamping"].replace("", None) if "opd_pendamping" in data else None
    tolak(pd.Series(list(zip(h["kode"], h["tahun"])), index=data.index).duplicated(), "kode_kemendagri",
          t("desa dan tahun ganda di berkas ini"))
    return tolak.pisah(h)


def validasi_target(data: pd.DataFrame, tingkat: dict[str, str],
                    prioritas: set[tuple[str, int]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Quarterly targets: region, cluster, year, quarter, households. The region is a kabupaten/kota, a kecamatan or
    a village that is a priority village of the row's year; `tingkat`: the level of each known code (wilayah),
    `prioritas`: the (village, year) pairs of desa_prioritas."""
    _wajib(data, ("kode_wilayah", "klaster", "tahun", "triwulan", "target_keluarga"))
    tolak = _Penolak(data)
    h = pd.DataFrame(index=data.index)
    h["kode_wilayah"] = data["kode_wilayah"].map(lambda v: normalkan_kode(v.lstrip("'")))
    tk = h["kode_wilayah"].map(tingkat)
    tolak(tk.isna(), "kode_wilayah", t("kode wilayah tidak dikenal (kabupaten/kota, kecamatan atau desa)"))
    tolak(tk == "provinsi", "kode_wilayah", t("target ditetapkan per kabupaten/kota, kecamatan atau desa prioritas, "
                                              "bukan per provinsi"))
    h["klaster"] = _klaster(data, tolak)
    for kolom, bawah, atas, alasan in (("tahun", 2020, 2035, t("tahun di luar 2020–2035")),
                                       ("triwulan", 1, 4, t("triwulan di luar 1–4")),
                                       ("target_keluarga", 0, 10**8, t("target harus bilangan bulat ≥ 0"))):
        v = pd.to_numeric(data[kolom].str.replace(".", "", regex=False) if kolom == "target_keluarga"
                          else data[kolom], errors="coerce")
        tolak(~v.between(bawah, atas) | (v % 1 != 0), kolom, alasan)
        h[kolom] = v
    # a village's target only while it is a priority village that year: a target for any of 8,000 villages
    # would spread the effort the priority locus concentrates
    desa = (tk == "desa") & h["tahun"].between(2020, 2035)
    bukan = desa & ~pd.Series([(k, int(th)) in prioritas if d else True
                               for k, th, d in zip(h["kode_wilayah"], h["tahun"], desa)], index=data.index)
    for th in sorted(h.loc[bukan, "tahun"].unique()):
        tolak(bukan & (h["tahun"] == th), "kode_wilayah",
              t("desa ini bukan desa prioritas tahun {tahun} (target desa hanya untuk desa prioritas)", tahun=int(th)))
    sel = pd.Series(list(zip(h["kode_wilayah"], h["klaster"], h["tahun"], h["triwulan"])), index=data.index)
    tolak(sel.duplicated() & h["klaster"].notna(), "kode_wilayah",
          t("wilayah, klaster, tahun dan triwulan ganda di berkas ini"))
    return tolak.pisah(h)


def validasi_individu(data: pd.DataFrame, snapshot_keluarga: dict[str, dt.date]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """P3KE member export: each member joins its household's active snapshot."""
    _wajib(data, ("id_individu", "id_keluarga_p3ke", "nik"))
    tolak = _Penolak(data)
    h = pd.DataFrame(index=data.index)
    h["id_individu"] = data["id_individu"]
    tolak(data["id_individu"].duplicated(keep="first"), "id_individu", t("id_individu ganda di berkas ini"))
    h["id_keluarga_p3ke"] = data["id_keluarga_p3ke"]
    h["snapshot"] = data["id_keluarga_p3ke"].map(snapshot_keluarga)
    tolak(h["snapshot"].isna(), "id_keluarga_p3ke", t("anggota tanpa keluarga: id_keluarga_p3ke tidak ada di P3KE"))
    nik = data["nik"].map(_nik)
    h["nik"] = nik
    tolak(~nik.str.fullmatch(r"\d{16}"), "nik", lambda v: t("NIK harus 16 digit (tertulis {n} karakter)", n=len(_nik(v))))
    for kolom in ("nama", "jenis_kelamin", "hubungan_dengan_kepala_keluarga", "pekerjaan", "status_sekolah",
                  "keterangan"):
        h[kolom] = data[kolom].replace("", None) if kolom in data else None
    for kolom in ("padan_dukcapil", "disabilitas", "penyakit_kronis"):
        if kolom in data:
            v = data[kolom].str.lower()
            h[kolom] = v.map(lambda x: True if x in BENAR else (False if x in SALAH else None))
            tolak(~(v.isin(BENAR | SALAH) | (v == "")), kolom, t("{kolom} bukan Ya/Tidak", kolom=kolom))
    if "tanggal_lahir" in data:
        lahir = _tanggal(data["tanggal_lahir"])
        tolak(lahir.isna() & (data["tanggal_lahir"] != ""), "tanggal_lahir", t("tanggal tidak dapat dibaca"))
        h["tanggal_lahir"] = lahir.dt.date
    return tolak.pisah(h)


def validasi_sektor(data: pd.DataFrame, kode_desa: set[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A sector source's list for reconciliation (Disperakim RTLH list, a DTKS extract): sumber, NIK or ID, village."""
    _wajib(data, ("sumber", "kode_kemendagri"))
    if "nik" not in data and "id" not in data:
        raise ImporError(t("Kolom wajib tidak ada: nik atau id (id_keluarga_p3ke / IDBDT)."))
    tolak = _Penolak(data)
    h = pd.DataFrame(index=data.index)
    h["sumber"] = data["sumber"]
    tolak(data["sumber"] == "", "sumber", t("sumber kosong"))
    h["kode_kemendagri"] = data["kode_kemendagri"].map(lambda v: normalkan_kode(v.lstrip("'")))
    tolak(~h["kode_kemendagri"].isin(kode_desa), "kode_kemendagri", t("kode desa/kelurahan tidak dikenal"))
    h["nik"] = data["nik"].map(_nik).replace("", None) if "nik" in data else None
    if "nik" in data:
        tolak(h["nik"].notna() & ~h["nik"].fillna("").str.fullmatch(r"\d{16}"), "nik", t("NIK harus 16 digit"))
    h["id"] = data["id"].replace("", None) if "id" in data else (
        data["id_keluarga_p3ke"].replace("", None) if "id_keluarga_p3ke" in data else None)
    kosong = h["nik"].isna() & h["id"].isna() if isinstance(h["nik"], pd.Series) else h["id"].isna()
    tolak(kosong, "sumber", t("baris tanpa NIK maupun ID"))
    if "klaster" in data:
        k = data["klaster"].str.lower().str.strip().map(KLASTER_ALIAS)
        tolak(k.isna() & (data["klaster"] != ""), "klaster", t("klaster tidak dikenal"))
        h["klaster"] = k
    else:
        h["klaster"] = None
    h["status"] = data["status"].replace("", None) if "status" in data else None
    return tolak.pisah(h)


@dataclass(frozen=True)
class Jenis:
    kunci: str
    label: str
    kolom_kunci: str  # a column that marks the header row


JENIS = {
    "keluarga": Jenis("keluarga", N_("ekspor keluarga P3KE"), "id_keluarga_p3ke"),
    "intervensi": Jenis("intervensi", N_("penandaan intervensi (SIKS-DJ)"), "klaster"),
    "desa_prioritas": Jenis("desa_prioritas", N_("daftar SK lokus desa prioritas"), "tahun"),
    "target": Jenis("target", N_("daftar target triwulan"), "target_keluarga"),  # kabupaten, kecamatan, desa prioritas
    "individu": Jenis("individu", N_("ekspor anggota keluarga (individu) P3KE"), "id_individu"),
    "sektor": Jenis("sektor", N_("daftar sektor (RTLH Disperakim, DTKS, …)"), "sumber"),
}


# The column that places a row of each kind in a region (intervensi and individu: through their household).
KOLOM_WILAYAH = {"keluarga": "kode_kemendagri", "sektor": "kode_kemendagri", "desa_prioritas": "kode_kemendagri",
                 "target": "kode_wilayah", "intervensi": "id_keluarga_p3ke", "individu": "id_keluarga_p3ke"}


def _per_keluarga(con, ids, kolom: str) -> dict:
    """{id_keluarga_p3ke: kolom} of the active households among `ids`: one hash join, not a list scan per row."""
    con.register("_ids", pd.DataFrame({"id": pd.Series(list(ids), dtype="string").unique()}))
    try:
        return dict(con.execute(f"SELECT k.id_keluarga_p3ke, k.{kolom} FROM keluarga_aktif k "
                                "JOIN _ids ON _ids.id = k.id_keluarga_p3ke").fetchall())
    finally:
        con.unregister("_ids")


def _saring_lingkup(con, jenis: str, data: pd.DataFrame, lingkup: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows placed outside region `lingkup` (the importing user's scope) are refused with a reason, before any
    other check: an administrator of one kabupaten never writes another's data."""
    kolom = KOLOM_WILAYAH[jenis]
    if kolom not in data:
        return data, pd.DataFrame(columns=["baris", "kolom", "nilai", "alasan"])  # the kind's own check says so
    if kolom == "id_keluarga_p3ke":
        ids = list(data[kolom].unique())
        kode_kel = _per_keluarga(con, ids, "kode_kemendagri")
        kode = data[kolom].map(kode_kel)
    else:
        kode = data[kolom].map(lambda v: normalkan_kode(str(v).lstrip("'")))
    # rows whose code is unknown go on to the kind's own check, which names the problem
    luar = kode.map(lambda k: isinstance(k, str) and bool(k) and k != lingkup and not k.startswith(lingkup + "."))
    tolak = _Penolak(data)
    tolak(luar, kolom, t("di luar wilayah kerja Anda ({lingkup})", lingkup=lingkup))
    ditolak = pd.DataFrame(tolak.masalah, columns=["baris", "kolom", "nilai", "alasan"])
    return data[~luar], ditolak


def _catatan_cakupan(con, diterima: pd.DataFrame, catatan: list[str], ganti_kabupaten: bool) -> int:
    """Say, per kabupaten, what the file will replace: the families now active in the villages it contains, and
    — only when the user chose to replace the whole kabupaten — the families of its other villages, which then
    disappear. Returns the number that would disappear."""
    hilang = 0
    con.register("_desa_berkas", pd.DataFrame({"kode": diterima["kode_kemendagri"].unique()}))
    try:
        for kab, n_baru in diterima["kode_kemendagri"].str[:5].value_counts().sort_index().items():
            r = con.execute("""
                SELECT count(*) FILTER (WHERE d.kode IS NOT NULL), count(*) FILTER (WHERE d.kode IS NULL),
                       count(DISTINCT k.kode_kemendagri) FILTER (WHERE d.kode IS NULL), max(k.snapshot)
                FROM keluarga_aktif k LEFT JOIN _desa_berkas d ON d.kode = k.kode_kemendagri
                WHERE di_bawah(k.kode_kemendagri, $k)""", {"k": kab}).fetchall()[0]
            n_desa = int(diterima.loc[diterima["kode_kemendagri"].str[:5] == kab, "kode_kemendagri"].nunique())
            catatan.append(t("Kabupaten {kab}: {n} keluarga di {d} desa berkas ini menggantikan {lama} keluarga aktif "
                             "di desa-desa itu (bila snapshotnya tidak lebih lama dari data aktif); data lama tetap "
                             "disimpan untuk perbandingan.", kab=kab, n=fmt.angka(n_baru), d=fmt.angka(n_desa),
                             lama=fmt.angka(r[0])))
            if ganti_kabupaten:
                hilang += r[1]
                catatan.append(t("Kabupaten {kab}: Anda memilih mengganti seluruh kabupaten — {n} keluarga di {d} desa "
                                 "lain yang tidak ada di berkas ini akan hilang dari data aktif.",
                                 kab=kab, n=fmt.angka(r[1]), d=fmt.angka(r[2])))
            elif r[1]:
                catatan.append(t("Kabupaten {kab}: {n} keluarga di {d} desa lain tidak berubah.", kab=kab,
                                 n=fmt.angka(r[1]), d=fmt.angka(r[2])))
    finally:
        con.unregister("_desa_berkas")
    return int(hilang)


def periksa(jenis: str, db_path, isi: bytes, nama_file: str, lingkup: str = "",
            ganti_kabupaten: bool = False) -> HasilImpor:
    """Dry run for any kind of file: read and validate against the database; writes nothing. With `lingkup` (the
    importing user's region; '' for all, as on the command line), rows outside that region are refused."""
    j = JENIS[jenis]
    data, _, catatan = baca_berkas(isi, nama_file, j.kolom_kunci, j.label)
    con = db.buka(db_path)
    luar = pd.DataFrame(columns=["baris", "kolom", "nilai", "alasan"])
    hilang = 0
    try:
        if lingkup:
            data, luar = _saring_lingkup(con, jenis, data, lingkup)
        if jenis == "keluarga":
            kode_desa = {r[0] for r in con.execute("SELECT kode FROM wilayah WHERE tingkat = 'desa'").fetchall()}
            nik_file = [_nik(v) for v in data["nik"]] if "nik" in data else []
            con.register("_nik_berkas", pd.DataFrame({"nik": pd.Series(nik_file, dtype="string").unique()}))
            terdaftar = {r[0]: (r[1], r[2]) for r in con.execute(  # a hash join: one pass over the heads' NIKs
                "SELECT k.nik, k.id_keluarga_p3ke, k.kode_kemendagri FROM keluarga_aktif k "
                "JOIN _nik_berkas b ON b.nik = k.nik").fetchall()}
            con.unregister("_nik_berkas")
            diterima, ditolak = validasi_keluarga(data, kode_desa, terdaftar)
            hilang = _catatan_cakupan(con, diterima, catatan, ganti_kabupaten)
        elif jenis == "intervensi":
            ids = list(data["id_keluarga_p3ke"].unique()) if "id_keluarga_p3ke" in data else []
            kel = _per_keluarga(con, ids, "kode_kemendagri")
            diterima, ditolak = validasi_intervensi(data, kel)
        elif jenis in ("desa_prioritas", "sektor"):
            kode_desa = {r[0] for r in con.execute("SELECT kode FROM wilayah WHERE tingkat = 'desa'").fetchall()}
            validasi = validasi_desa_prioritas if jenis == "desa_prioritas" else validasi_sektor
            diterima, ditolak = validasi(data, kode_desa)
        elif jenis == "individu":
            ids = list(data["id_keluarga_p3ke"].unique()) if "id_keluarga_p3ke" in data else []
            snap = _per_keluarga(con, ids, "snapshot")
            diterima, ditolak = validasi_individu(data, snap)
        else:
            kode = data["kode_wilayah"].map(lambda v: normalkan_kode(v.lstrip("'"))) if "kode_wilayah" in data else []
            con.register("_kode_berkas", pd.DataFrame({"kode": pd.Series(list(kode), dtype="string").unique()}))
            tingkat = dict(con.execute("SELECT w.kode, w.tingkat FROM wilayah w "
                                       "JOIN _kode_berkas b ON b.kode = w.kode").fetchall())
            prioritas = {(r[0], int(r[1])) for r in con.execute(
                "SELECT d.kode, d.tahun FROM desa_prioritas d JOIN _kode_berkas b ON b.kode = d.kode").fetchall()}
            con.unregister("_kode_berkas")
            diterima, ditolak = validasi_target(data, tingkat, prioritas)
    finally:
        con.close()
    if not luar.empty:
        ditolak = pd.concat([ditolak, luar], ignore_index=True).sort_values(["baris", "kolom"]).reset_index(drop=True)
    return HasilImpor(jenis, nama_file, hashlib.sha256(isi).hexdigest(), diterima, ditolak, catatan,
                      ganti_kabupaten=ganti_kabupaten and jenis == "keluarga", hilang=hilang)


def periksa_keluarga(db_path, isi: bytes, nama_file: str) -> HasilImpor:
    return periksa("keluarga", db_path, isi, nama_file)


def _kab_baris(cat, jenis: str, rows: pd.DataFrame) -> pd.Series:
    """The kabupaten each accepted row belongs to (members: through their household)."""
    if jenis in ("keluarga", "sektor", "intervensi"):
        return rows["kode_kemendagri"].str[:5]
    if jenis == "desa_prioritas":
        return rows["kode"].str[:5]
    if jenis == "target":
        return rows["kode_wilayah"].str[:5]
    cat.register("_ids", pd.DataFrame({"id": rows["id_keluarga_p3ke"].unique()}))
    kab = dict(cat.execute("SELECT k.id_keluarga_p3ke, left(k.kode_kemendagri, 5) FROM keluarga_aktif k "
                           "JOIN _ids ON _ids.id = k.id_keluarga_p3ke").fetchall())
    cat.unregister("_ids")
    return rows["id_keluarga_p3ke"].map(kab)


def _tulis_kab(cat, jenis: str, rows: pd.DataFrame, id_impor: int, snapshot: dt.date, kab: str,
               ganti_kabupaten: bool) -> None:
    """Apply one kabupaten's rows to its working database (kerja_kab): a household file replaces the villages it
    contains at its snapshot (or, with ganti_kabupaten, every village of the kabupaten)."""
    cat.register("_impor", rows)
    if jenis == "keluarga":
        if ganti_kabupaten:
            cat.execute("CREATE TEMP TABLE _desa AS SELECT kode FROM wilayah WHERE tingkat = 'desa' "
                        "AND kode_induk LIKE $k || '.%'", {"k": kab})
        else:
            cat.execute("CREATE TEMP TABLE _desa AS SELECT DISTINCT kode_kemendagri AS kode FROM _impor")
        cat.execute("DELETE FROM keluarga WHERE snapshot = $s AND (kode_kemendagri IN (SELECT kode FROM _desa) "
                    "OR id_keluarga_p3ke IN (SELECT id_keluarga_p3ke FROM _impor))", {"s": snapshot})
        cat.execute("INSERT INTO keluarga BY NAME SELECT *, $s AS snapshot, $i AS id_impor FROM _impor",
                    {"s": snapshot, "i": id_impor})
        cat.execute("DELETE FROM liputan WHERE snapshot = $s AND kode_desa IN (SELECT kode FROM _desa)", {"s": snapshot})
        cat.execute("INSERT INTO liputan SELECT kode, $s, $i FROM _desa", {"s": snapshot, "i": id_impor})
        cat.execute("DROP TABLE _desa")
    elif jenis == "intervensi":
        cat.execute("DELETE FROM intervensi WHERE id IN (SELECT id FROM _impor)")
        cat.execute("INSERT INTO intervensi BY NAME SELECT *, $i AS id_impor FROM _impor", {"i": id_impor})
    elif jenis == "individu":
        cat.execute("DELETE FROM individu AS i USING _impor AS u "
                    "WHERE i.id_individu = u.id_individu AND i.snapshot = u.snapshot")
        cat.execute("INSERT INTO individu BY NAME SELECT *, $i AS id_impor FROM _impor", {"i": id_impor})
    else:
        cat.execute("INSERT INTO sumber_sektor BY NAME SELECT *, $i AS id_impor FROM _impor", {"i": id_impor})
    cat.unregister("_impor")


def _tulis_katalog(cat, jenis: str, rows: pd.DataFrame, id_impor: int, pengguna: str) -> None:
    """Priority villages and targets live in the catalog; the rows an import replaces are kept for its undo."""
    cat.register("_impor", rows)
    if jenis == "desa_prioritas":
        cat.execute("INSERT INTO cadangan_desa_prioritas SELECT d.*, $i FROM desa_prioritas d "
                    "JOIN _impor u ON u.kode = d.kode AND u.tahun = d.tahun", {"i": id_impor})
        cat.execute("INSERT OR REPLACE INTO desa_prioritas BY NAME SELECT *, $i AS id_impor FROM _impor",
                    {"i": id_impor})
    else:
        cat.execute("INSERT INTO cadangan_target SELECT d.*, $i FROM target_dasar d JOIN _impor u "
                    "ON u.kode_wilayah = d.kode_wilayah AND u.klaster = d.klaster AND u.tahun = d.tahun "
                    "AND u.triwulan = d.triwulan", {"i": id_impor})
        cat.execute("""INSERT OR REPLACE INTO target_dasar BY NAME
                       SELECT *, $p AS diubah_oleh, now()::TIMESTAMP AS diubah_pada, $i AS id_impor FROM _impor""",
                    {"p": pengguna, "i": id_impor})
    cat.unregister("_impor")


def impor_berkas(jenis: str, db_path, isi: bytes, nama_file: str, pengguna: str,
                 snapshot: dt.date | None = None, hasil: HasilImpor | None = None, *,
                 ganti_kabupaten: bool = False, konfirmasi: bool = False, progres=None) -> HasilImpor:
    """Validate, then write the accepted rows in one transaction on a copy of the database, log the import and
    rebuild the derived tables of the kabupaten it touches. For keluarga, the file replaces the villages it
    contains (a newer snapshot becomes their active data); with `ganti_kabupaten` it replaces its whole kabupaten,
    which needs `konfirmasi` when families would disappear (the dry run says how many).
    `hasil`: this very file already checked (e.g. by pke.unggah.periksa_terpisah, in a separate process), so the
    server does not parse it again here."""
    if not pengguna or not pengguna.strip():
        raise ImporError(t("Nama pengimpor wajib diisi."))
    if hasil is None:
        hasil = periksa(jenis, db_path, isi, nama_file, ganti_kabupaten=ganti_kabupaten)
    elif (hasil.jenis, hasil.hash) != (jenis, hashlib.sha256(isi).hexdigest()):
        raise ValueError("hasil is the check of another file or kind")
    elif ganti_kabupaten and not hasil.ganti_kabupaten and jenis == "keluarga":
        raise ValueError("hasil was checked without ganti_kabupaten")
    if ganti_kabupaten and jenis == "keluarga" and hasil.hilang and not konfirmasi:
        raise ImporError(t("Mengganti seluruh kabupaten akan menghilangkan {n} keluarga dari data aktif. Centang "
                           "konfirmasi (atau --ya di baris perintah) bila memang itu maksudnya.",
                           n=fmt.angka(hasil.hilang)))
    if hasil.diterima.empty:
        raise ImporError(t("Tidak ada baris yang dapat diimpor dari {file}; semua {n} baris ditolak. Unduh daftar "
                           "baris yang ditolak, perbaiki, lalu unggah lagi.", file=nama_file, n=hasil.baris_ditolak))
    try:
        id_impor = _tulis_impor(db_path, jenis, hasil, nama_file, pengguna, snapshot,
                                ganti_kabupaten=ganti_kabupaten and jenis == "keluarga", progres=progres)
    except TulisError as e:
        raise ImporError(str(e)) from e
    hasil.id_impor = id_impor
    return hasil


def _tulis_impor(db_path, jenis: str, hasil: HasilImpor, nama_file: str, pengguna: str,
                 snapshot: dt.date | None, ganti_kabupaten: bool = False, progres=None) -> int:
    """One import: each kabupaten the file touches gets a new version (its stored rows plus the file's, derived
    again); the catalog copy then records the import and points at the new versions, and replaces the catalog
    (the commit). Nothing else is read or written: the cost follows the file's kabupaten."""
    progres = progres or (lambda f, pesan: None)
    snapshot = snapshot or dt.date.today()
    with berkas_baru(db_path, salin=True) as cat:
        sudah = _satu(cat, "SELECT id, waktu FROM impor WHERE hash = $h AND dibatalkan_pada IS NULL",
                      {"h": hasil.hash})
        if sudah:
            raise ImporError(t("Berkas ini sudah diimpor (impor #{id}, {waktu}); tidak diimpor dua kali.",
                               id=sudah[0], waktu=f"{sudah[1]:%d-%m-%Y %H:%M}"))
        id_impor = _satu(cat, "SELECT coalesce(max(id), 0) + 1 FROM impor")[0]
        rows = hasil.diterima.copy()
        if jenis == "intervensi":  # ids unique across the whole import, before it is split by kabupaten
            rows["id"] = [v if isinstance(v, str) and v else f"IMP{id_impor}-{n + 1}"
                          for n, v in enumerate(rows["id"])]
        kab = _kab_baris(cat, jenis, rows)
        semua_kab = sorted(kab.dropna().unique())
        if jenis in ("desa_prioritas", "target"):
            _tulis_katalog(cat, jenis, rows, id_impor, pengguna.strip())
            for k in semua_kab:
                lama = _satu(cat, "SELECT versi FROM partisi WHERE kab = $k", {"k": k})
                cat.execute("INSERT INTO partisi_impor VALUES ($i, $k, $v, NULL)",
                            {"i": id_impor, "k": k, "v": lama[0] if lama else None})
        else:
            for n, k in enumerate(semua_kab):
                progres(n / len(semua_kab), t("Menulis kabupaten {kab} ({i}/{n})", kab=k, i=n + 1, n=len(semua_kab)))
                lama = _satu(cat, "SELECT versi FROM partisi WHERE kab = $k", {"k": k})
                with gudang.kerja_kab(cat):
                    gudang.muat_kab(cat, db_path, k, lama[0] if lama else None)
                    _tulis_kab(cat, jenis, rows[kab == k], id_impor, snapshot, k, ganti_kabupaten)
                    turunan.bangun_kab(cat)
                    gudang.simpan_kab(cat, db_path, k, id_impor)
        cat.execute("INSERT INTO impor (id, file, hash, jenis, snapshot, waktu, baris_diterima, baris_ditolak, pengguna) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [id_impor, nama_file, hasil.hash, jenis, snapshot if jenis == "keluarga" else None,
                     dt.datetime.now().replace(microsecond=0), len(hasil.diterima), hasil.baris_ditolak,
                     pengguna.strip()])
        # Imported data is real data: the database is no longer the demo, whose accounts have public passwords
        # and whose aggregate views are open to visitors (ui.akses). The synthetic rest stays labelled.
        if _satu(cat, "SELECT nilai FROM meta WHERE kunci = 'demo'") == ("ya",):
            cat.execute("INSERT OR REPLACE INTO meta VALUES ('demo', 'campuran'), ('demo_sebelum_impor', 'ya')")
        progres(0.95, t("Menyimpan katalog"))
        gudang.segarkan_katalog(cat, db_path)
    gudang.bersihkan(db_path)
    return id_impor


def impor_keluarga(db_path, isi: bytes, nama_file: str, pengguna: str, snapshot: dt.date) -> HasilImpor:
    return impor_berkas("keluarga", db_path, isi, nama_file, pengguna, snapshot)


def batalkan_impor(db_path, id_impor: int, pengguna: str) -> int:
    """Undo an import exactly: every kabupaten it changed goes back to the version it had before (households,
    members, interventions, derived tables: the same files), the priority villages and targets it replaced come
    back, and the import is marked undone (the undo is itself recorded). An import that a later one has built
    on (same kabupaten) is undone after that one. Returns the number of rows the import had brought."""
    try:
        return _batalkan(db_path, id_impor, pengguna)
    except TulisError as e:
        raise ImporError(str(e)) from e


def _batalkan(db_path, id_impor: int, pengguna: str) -> int:
    with berkas_baru(db_path, salin=True) as cat:
        ada = _satu(cat, "SELECT dibatalkan_pada, baris_diterima FROM impor WHERE id = $id", {"id": id_impor})
        if ada is None:
            raise ImporError(t("Impor #{id} tidak ada.", id=id_impor))
        if ada[0] is not None:
            raise ImporError(t("Impor #{id} sudah dibatalkan pada {waktu}.", id=id_impor, waktu=f"{ada[0]:%d-%m-%Y %H:%M}"))
        bagian = cat.execute("SELECT kab, versi_lama, versi_baru FROM partisi_impor WHERE id_impor = $id ORDER BY kab",
                             {"id": id_impor}).fetchall()
        sesudah = [r[0] for r in cat.execute(
            "SELECT DISTINCT p.id_impor FROM partisi_impor p JOIN impor i ON i.id = p.id_impor "
            "WHERE p.id_impor > $id AND i.dibatalkan_pada IS NULL AND list_contains($kab, p.kab) ORDER BY 1",
            {"id": id_impor, "kab": [b[0] for b in bagian]}).fetchall()]
        if sesudah:
            raise ImporError(t("Impor #{id} tidak dapat dibatalkan sendiri: impor sesudahnya ({daftar}) mengubah "
                               "kabupaten yang sama. Batalkan impor itu lebih dulu (dari yang terbaru).",
                               id=id_impor, daftar=", ".join(f"#{i}" for i in sesudah)))
        for kab, lama, baru in bagian:
            if baru is not None:  # the kabupaten goes back to the very files it had before
                gudang.pulihkan_kab(cat, db_path, kab, lama)
        for tabel, cadangan in (("desa_prioritas", "cadangan_desa_prioritas"), ("target_dasar", "cadangan_target")):
            cat.execute(f"DELETE FROM {tabel} WHERE id_impor = $id", {"id": id_impor})
            cat.execute(f"INSERT INTO {tabel} SELECT * EXCLUDE (untuk_impor) FROM {cadangan} WHERE untuk_impor = $id",
                        {"id": id_impor})
            cat.execute(f"DELETE FROM {cadangan} WHERE untuk_impor = $id", {"id": id_impor})
        cat.execute("UPDATE impor SET dibatalkan_pada = ?, dibatalkan_oleh = ? WHERE id = ?",
                    [dt.datetime.now().replace(microsecond=0), pengguna, id_impor])
        if (_satu(cat, "SELECT count(*) FROM impor WHERE dibatalkan_pada IS NULL") == (0,)
                and _satu(cat, "SELECT nilai FROM meta WHERE kunci = 'demo_sebelum_impor'") == ("ya",)):
            cat.execute("INSERT OR REPLACE INTO meta VALUES ('demo', 'ya')")  # the demo again, as it was
        gudang.segarkan_katalog(cat, db_path)
    gudang.bersihkan(db_path)
    return int(ada[1] or 0)
