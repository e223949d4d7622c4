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

from pke import ekspor, fmt, turunan
from pke.i18n import N_, t
from pke.boundaries import normalkan_kode
from pke.tulis import TulisError, ubah_basis_data

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


KLASTER_ALIAS = {"rumah tidak layak huni": "rtlh", "rtlh": "rtlh", "listrik": "listrik", "tanpa listrik": "listrik",
                 "air": "air", "air minum": "air", "air bersih": "air", "air minum tidak layak": "air",
                 "jamban": "jamban", "sanitasi": "jamban", "tanpa jamban layak": "jamban", "stunting": "stunting",
                 "risiko stunting": "stunting", "ats": "ats", "anak tidak sekolah": "ats",
                 "disabilitas": "disabilitas", "tidak bekerja": "tidak_bekerja", "tidak_bekerja": "tidak_bekerja"}
STATUS_ALIAS = {"rencana": "rencana", "direncanakan": "rencana", "proses": "proses", "dalam proses": "proses",
                "selesai": "selesai", "sudah": "selesai", "terealisasi": "selesai"}


def _klaster(data: pd.DataFrame, tolak: _Penolak) -> pd.Series:
    k = data["klaster"].str.lower().str.strip().map(KLASTER_ALIAS)
    tolak(k.isna(), "klaster", t("klaster tidak dikenal (RTLH, listrik, air, jamban, stunting, ATS, disabilitas, "
                                 "tidak bekerja)"))
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


def validasi_target(data: pd.DataFrame, kode_kab: set[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Quarterly targets: kabupaten, cluster, year, quarter, households."""
    _wajib(data, ("kode_wilayah", "klaster", "tahun", "triwulan", "target_keluarga"))
    tolak = _Penolak(data)
    h = pd.DataFrame(index=data.index)
    h["kode_wilayah"] = data["kode_wilayah"].map(lambda v: normalkan_kode(v.lstrip("'")))
    tolak(~h["kode_wilayah"].isin(kode_kab), "kode_wilayah", t("kode kabupaten/kota tidak dikenal"))
    h["klaster"] = _klaster(data, tolak)
    for kolom, bawah, atas, alasan in (("tahun", 2020, 2035, t("tahun di luar 2020–2035")),
                                       ("triwulan", 1, 4, t("triwulan di luar 1–4")),
                                       ("target_keluarga", 0, 10**8, t("target harus bilangan bulat ≥ 0"))):
        v = pd.to_numeric(data[kolom].str.replace(".", "", regex=False) if kolom == "target_keluarga"
                          else data[kolom], errors="coerce")
        tolak(~v.between(bawah, atas) | (v % 1 != 0), kolom, alasan)
        h[kolom] = v
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
    "target": Jenis("target", N_("daftar target triwulan"), "target_keluarga"),
    "individu": Jenis("individu", N_("ekspor anggota keluarga (individu) P3KE"), "id_individu"),
    "sektor": Jenis("sektor", N_("daftar sektor (RTLH Disperakim, DTKS, …)"), "sumber"),
}


# The column that places a row of each kind in a region (intervensi and individu: through their household).
KOLOM_WILAYAH = {"keluarga": "kode_kemendagri", "sektor": "kode_kemendagri", "desa_prioritas": "kode_kemendagri",
                 "target": "kode_wilayah", "intervensi": "id_keluarga_p3ke", "individu": "id_keluarga_p3ke"}


def _saring_lingkup(con, jenis: str, data: pd.DataFrame, lingkup: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows placed outside region `lingkup` (the importing user's scope) are refused with a reason, before any
    other check: an administrator of one kabupaten never writes another's data."""
    kolom = KOLOM_WILAYAH[jenis]
    if kolom not in data:
        return data, pd.DataFrame(columns=["baris", "kolom", "nilai", "alasan"])  # the kind's own check says so
    if kolom == "id_keluarga_p3ke":
        ids = list(data[kolom].unique())
        kode_kel = dict(con.execute("SELECT id_keluarga_p3ke, kode_kemendagri FROM keluarga_aktif "
                                    "WHERE list_contains($ids, id_keluarga_p3ke)", {"ids": ids}).fetchall())
        kode = data[kolom].map(kode_kel)
    else:
        kode = data[kolom].map(lambda v: normalkan_kode(str(v).lstrip("'")))
    # rows whose code is unknown go on to the kind's own check, which names the problem
    luar = kode.map(lambda k: isinstance(k, str) and bool(k) and k != lingkup and not k.startswith(lingkup + "."))
    tolak = _Penolak(data)
    tolak(luar, kolom, t("di luar wilayah kerja Anda ({lingkup})", lingkup=lingkup))
    ditolak = pd.DataFrame(tolak.masalah, columns=["baris", "kolom", "nilai", "alasan"])
    return data[~luar], ditolak


def periksa(jenis: str, db_path, isi: bytes, nama_file: str, lingkup: str = "") -> HasilImpor:
    """Dry run for any kind of file: read and validate against the database; writes nothing. With `lingkup` (the
    importing user's region; '' for all, as on the command line), rows outside that region are refused."""
    j = JENIS[jenis]
    data, _, catatan = baca_berkas(isi, nama_file, j.kolom_kunci, j.label)
    con = duckdb.connect(str(db_path), read_only=True)
    luar = pd.DataFrame(columns=["baris", "kolom", "nilai", "alasan"])
    try:
        if lingkup:
            data, luar = _saring_lingkup(con, jenis, data, lingkup)
        if jenis == "keluarga":
            kode_desa = {r[0] for r in con.execute("SELECT kode FROM wilayah WHERE tingkat = 'desa'").fetchall()}
            nik_file = [_nik(v) for v in data["nik"]] if "nik" in data else []
            terdaftar = {r[0]: (r[1], r[2]) for r in con.execute(
                "SELECT nik, id_keluarga_p3ke, kode_kemendagri FROM keluarga_aktif WHERE list_contains($nik, nik)",
                {"nik": nik_file}).fetchall()}
            diterima, ditolak = validasi_keluarga(data, kode_desa, terdaftar)
            # A snapshot covers whole kabupaten: say what the new one will replace.
            for kab, n_baru in diterima["kode_kemendagri"].str[:5].value_counts().sort_index().items():
                lama = con.execute("SELECT count(*), max(snapshot) FROM keluarga_aktif "
                                   "WHERE left(kode_kemendagri, 5) = $k", {"k": kab}).fetchall()[0]
                if lama[0]:
                    catatan.append(t("Kabupaten {kab}: {n} keluarga di berkas ini akan menjadi data aktif bila "
                                     "snapshotnya lebih baru dari {tanggal} ({lama} keluarga); data lama tetap disimpan "
                                     "untuk perbandingan.", kab=kab, n=fmt.angka(n_baru), tanggal=fmt.tanggal(lama[1]),
                                     lama=fmt.angka(lama[0])))
        elif jenis == "intervensi":
            ids = list(data["id_keluarga_p3ke"].unique()) if "id_keluarga_p3ke" in data else []
            kel = dict(con.execute("SELECT id_keluarga_p3ke, kode_kemendagri FROM keluarga_aktif "
                                   "WHERE list_contains($ids, id_keluarga_p3ke)", {"ids": ids}).fetchall())
            diterima, ditolak = validasi_intervensi(data, kel)
        elif jenis in ("desa_prioritas", "sektor"):
            kode_desa = {r[0] for r in con.execute("SELECT kode FROM wilayah WHERE tingkat = 'desa'").fetchall()}
            validasi = validasi_desa_prioritas if jenis == "desa_prioritas" else validasi_sektor
            diterima, ditolak = validasi(data, kode_desa)
        elif jenis == "individu":
            ids = list(data["id_keluarga_p3ke"].unique()) if "id_keluarga_p3ke" in data else []
            snap = dict(con.execute("SELECT id_keluarga_p3ke, snapshot FROM keluarga_aktif "
                                    "WHERE list_contains($ids, id_keluarga_p3ke)", {"ids": ids}).fetchall())
            diterima, ditolak = validasi_individu(data, snap)
        else:
            kode_kab = {r[0] for r in con.execute("SELECT kode FROM wilayah WHERE tingkat = 'kabupaten'").fetchall()}
            diterima, ditolak = validasi_target(data, kode_kab)
    finally:
        con.close()
    if not luar.empty:
        ditolak = pd.concat([ditolak, luar], ignore_index=True).sort_values(["baris", "kolom"]).reset_index(drop=True)
    return HasilImpor(jenis, nama_file, hashlib.sha256(isi).hexdigest(), diterima, ditolak, catatan)


def periksa_keluarga(db_path, isi: bytes, nama_file: str) -> HasilImpor:
    return periksa("keluarga", db_path, isi, nama_file)


def _tulis(con, jenis: str, rows: pd.DataFrame, id_impor: int, snapshot: dt.date, pengguna: str) -> None:
    con.register("_impor", rows)
    if jenis == "keluarga":
        con.execute("INSERT OR REPLACE INTO keluarga BY NAME SELECT *, $s AS snapshot, $i AS id_impor FROM _impor",
                    {"s": snapshot, "i": id_impor})
    elif jenis == "intervensi":
        con.execute("""INSERT OR REPLACE INTO intervensi BY NAME
                       SELECT * REPLACE (coalesce(id, 'IMP' || $i || '-' || row_number() OVER ()) AS id),
                              $i AS id_impor FROM _impor""", {"i": id_impor})
    elif jenis == "desa_prioritas":
        con.execute("INSERT OR REPLACE INTO desa_prioritas BY NAME SELECT *, $i AS id_impor FROM _impor",
                    {"i": id_impor})
    elif jenis == "individu":
        con.execute("INSERT OR REPLACE INTO individu BY NAME SELECT *, $i AS id_impor FROM _impor", {"i": id_impor})
    elif jenis == "sektor":
        con.execute("INSERT INTO sumber_sektor BY NAME SELECT *, $i AS id_impor FROM _impor", {"i": id_impor})
    else:
        con.execute("""INSERT OR REPLACE INTO target_dasar BY NAME
                       SELECT *, $p AS diubah_oleh, now()::TIMESTAMP AS diubah_pada, $i AS id_impor FROM _impor""",
                    {"p": pengguna, "i": id_impor})
    con.unregister("_impor")


def impor_berkas(jenis: str, db_path, isi: bytes, nama_file: str, pengguna: str,
                 snapshot: dt.date | None = None, hasil: HasilImpor | None = None) -> HasilImpor:
    """Validate, then write the accepted rows in one transaction on a copy of the database, log the import and
    rebuild the derived tables. For keluarga, a newer snapshot becomes the active one for its kabupaten.
    `hasil`: this very file already checked (e.g. by pke.unggah.periksa_terpisah, in a separate process), so the
    server does not parse it again here."""
    if not pengguna or not pengguna.strip():
        raise ImporError(t("Nama pengimpor wajib diisi."))
    if hasil is None:
        hasil = periksa(jenis, db_path, isi, nama_file)
    elif (hasil.jenis, hasil.hash) != (jenis, hashlib.sha256(isi).hexdigest()):
        raise ValueError("hasil is the check of another file or kind")
    if hasil.diterima.empty:
        raise ImporError(t("Tidak ada baris yang dapat diimpor dari {file}; semua {n} baris ditolak. Unduh daftar "
                           "baris yang ditolak, perbaiki, lalu unggah lagi.", file=nama_file, n=hasil.baris_ditolak))
    try:
        id_impor = _tulis_impor(db_path, jenis, hasil, nama_file, pengguna, snapshot)
    except TulisError as e:
        raise ImporError(str(e)) from e
    hasil.id_impor = id_impor
    return hasil


def _tulis_impor(db_path, jenis: str, hasil: HasilImpor, nama_file: str, pengguna: str,
                 snapshot: dt.date | None) -> int:
    with ubah_basis_data(db_path) as con:
        sudah = _satu(con, "SELECT id, waktu FROM impor WHERE hash = $h AND dibatalkan_pada IS NULL",
                      {"h": hasil.hash})
        if sudah:
            raise ImporError(t("Berkas ini sudah diimpor (impor #{id}, {waktu}); tidak diimpor dua kali.",
                               id=sudah[0], waktu=f"{sudah[1]:%d-%m-%Y %H:%M}"))
        id_impor = _satu(con, "SELECT coalesce(max(id), 0) + 1 FROM impor")[0]
        _tulis(con, jenis, hasil.diterima, id_impor, snapshot or dt.date.today(), pengguna.strip())
        con.execute("INSERT INTO impor (id, file, hash, jenis, snapshot, waktu, baris_diterima, baris_ditolak, pengguna) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [id_impor, nama_file, hasil.hash, jenis, snapshot if jenis == "keluarga" else None,
                     dt.datetime.now().replace(microsecond=0), len(hasil.diterima), hasil.baris_ditolak,
                     pengguna.strip()])
        # Imported data is real data: the database is no longer the demo, whose accounts have public passwords
        # and whose aggregate views are open to visitors (ui.akses). The synthetic rest stays labelled.
        con.execute("UPDATE meta SET nilai = 'campuran' WHERE kunci = 'demo' AND nilai = 'ya'")
        turunan.bangun_kebutuhan(con)
        turunan.bangun_ringkasan(con)
    return id_impor


def impor_keluarga(db_path, isi: bytes, nama_file: str, pengguna: str, snapshot: dt.date) -> HasilImpor:
    return impor_berkas("keluarga", db_path, isi, nama_file, pengguna, snapshot)


def batalkan_impor(db_path, id_impor: int, pengguna: str) -> int:
    """Undo an import: remove its rows, mark it undone, rebuild the derived tables. Returns rows removed.
    (A target or priority row the import replaced is not restored: undo removes, it does not time-travel.)"""
    try:
        return _batalkan(db_path, id_impor, pengguna)
    except TulisError as e:
        raise ImporError(str(e)) from e


def _batalkan(db_path, id_impor: int, pengguna: str) -> int:
    with ubah_basis_data(db_path) as con:
        ada = _satu(con, "SELECT dibatalkan_pada FROM impor WHERE id = $id", {"id": id_impor})
        if ada is None:
            raise ImporError(t("Impor #{id} tidak ada.", id=id_impor))
        if ada[0] is not None:
            raise ImporError(t("Impor #{id} sudah dibatalkan pada {waktu}.", id=id_impor, waktu=f"{ada[0]:%d-%m-%Y %H:%M}"))
        n = 0
        for tabel in ("individu", "keluarga", "intervensi", "desa_prioritas", "target_dasar", "sumber_sektor"):
            n += _satu(con, f"SELECT count(*) FROM {tabel} WHERE id_impor = $id", {"id": id_impor})[0]
            con.execute(f"DELETE FROM {tabel} WHERE id_impor = $id", {"id": id_impor})
        con.execute("UPDATE impor SET dibatalkan_pada = ?, dibatalkan_oleh = ? WHERE id = ?",
                    [dt.datetime.now().replace(microsecond=0), pengguna, id_impor])
        turunan.bangun_kebutuhan(con)
        turunan.bangun_ringkasan(con)
    return n
