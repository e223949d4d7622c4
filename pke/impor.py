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

from pke import turunan
from pke.boundaries import normalkan_kode
from pke.tulis import ubah_basis_data

ALIAS = {"kode_kemdagri": "kode_kemendagri", "kode_kemendagri_desa": "kode_kemendagri", "nama_kepala_keluarga":
         "kepala_keluarga", "desil": "desil_kesejahteraan", "nik_kepala_keluarga": "nik", "risiko_stunting":
         "resiko_stunting"}
WAJIB = ("id_keluarga_p3ke", "kode_kemendagri", "desil_kesejahteraan", "nik")
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
        teks = (f"{self.file}: {len(self.diterima):,} baris diterima, {self.baris_ditolak:,} baris ditolak"
                .replace(",", "."))
        if not self.ditolak.empty:
            sebab = self.ditolak["alasan"].str.replace(r" \(.*\)$", "", regex=True).value_counts()
            teks += " (" + "; ".join(f"{a}: {n}" for a, n in sebab.items()) + ")"
        return teks + "."

    def ditolak_csv(self) -> bytes:
        return self.ditolak.to_csv(index=False).encode("utf-8-sig")


def _kepala(nilai) -> str:
    k = re.sub(r"\s+", "_", str(nilai).strip().lower())
    return ALIAS.get(k, k)


def baca_berkas(isi: bytes, nama: str) -> tuple[pd.DataFrame, int, list[str]]:
    """The file as text columns with normalised headers, the sheet row number of its header (1-based), and
    notes for the user. Finds the header row among the first rows (verval sheets have 3-row headers)."""
    catatan: list[str] = []
    if not isi or not isi.strip():
        raise ImporError(f"Berkas {nama} kosong.")
    akhiran = Path(nama).suffix.lower()
    if akhiran in (".xlsx", ".xlsm", ".xls"):
        try:
            lembar = pd.read_excel(io.BytesIO(isi), sheet_name=None, header=None, dtype=str)
        except Exception as e:  # openpyxl raises several kinds for damaged files
            raise ImporError(f"Berkas {nama} tidak dapat dibuka sebagai Excel: {e}") from e
        calon = [(n, df) for n, df in lembar.items()]
    elif akhiran in (".csv", ".txt"):
        try:
            teks = isi.decode("utf-8-sig")
        except UnicodeDecodeError:
            teks = isi.decode("cp1252")
            catatan.append("Berkas bukan UTF-8; dibaca sebagai Windows-1252 (ANSI). Periksa huruf beraksen.")
        try:
            pemisah = csv.Sniffer().sniff(teks[:5000], delimiters=",;\t|").delimiter
        except csv.Error:
            pemisah = ","
        df = pd.read_csv(io.StringIO(teks), sep=pemisah, header=None, dtype=str, keep_default_na=False,
                         skip_blank_lines=False)
        calon = [("CSV", df)]
    else:
        raise ImporError(f"Jenis berkas {akhiran or '(tanpa akhiran)'} tidak didukung; unggah .xlsx atau .csv.")

    for nama_lembar, df in calon:
        for i in range(min(10, len(df))):
            kepala = [_kepala(v) for v in df.iloc[i].fillna("")]
            if "id_keluarga_p3ke" in kepala:
                data = df.iloc[i + 1:].copy()
                data.columns = kepala
                data = data.loc[:, [c for c in data.columns if c and not c.startswith("unnamed")]]
                data = data.loc[:, ~data.columns.duplicated()]
                # rows under a multi-row header that repeat column numbers or are blank
                data = data.fillna("").astype(str).apply(lambda s: s.str.strip())
                kosong = (data == "").all(axis=1)
                data = data[~kosong]
                if nama_lembar != "CSV" and len(calon) > 1:
                    catatan.append(f"Dibaca dari lembar '{nama_lembar}'.")
                if data.empty:
                    raise ImporError(f"Lembar '{nama_lembar}' berisi kepala kolom P3KE tetapi tidak ada baris data.")
                data.index = data.index + 1  # sheet row numbers (1-based)
                return data, i + 1, catatan
    ditemukan = ", ".join(str(v) for v in calon[0][1].iloc[0].dropna().tolist()[:8]) if len(calon[0][1]) else "(kosong)"
    raise ImporError(f"Berkas {nama} bukan ekspor keluarga P3KE: tidak ada kolom id_keluarga_p3ke di baris-baris "
                     f"awal {'lembar mana pun' if len(calon) > 1 else ''}. Kolom yang terbaca: {ditemukan}.")


def _nik(nilai: str) -> str:
    s = nilai.strip().lstrip("'").replace(" ", "")
    if re.fullmatch(r"\d+\.0+", s):
        s = s.split(".")[0]
    if re.fullmatch(r"\d(\.\d+)?[eE]\+?\d+", s):  # 3.31501E+15 from a spreadsheet: digits already lost
        return s
    return s


def validasi_keluarga(data: pd.DataFrame, kode_desa: set[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows that can be written (normalised to the keluarga columns) and one row per problem found."""
    kurang = [k for k in WAJIB if k not in data.columns]
    if kurang:
        raise ImporError("Kolom wajib tidak ada: " + ", ".join(kurang) + ". Kolom yang ada: "
                         + ", ".join(list(data.columns)[:12]) + ".")
    masalah: list[tuple[int, str, str, str]] = []

    def tolak(mask: pd.Series, kolom: str, alasan) -> None:
        for baris, nilai in data.loc[mask, kolom].items() if kolom in data else []:
            masalah.append((int(baris), kolom, nilai, alasan(nilai) if callable(alasan) else alasan))

    hasil = pd.DataFrame(index=data.index)
    hasil["id_keluarga_p3ke"] = data["id_keluarga_p3ke"]
    tolak(data["id_keluarga_p3ke"] == "", "id_keluarga_p3ke", "id_keluarga_p3ke kosong")
    ganda = data["id_keluarga_p3ke"].duplicated(keep="first") & (data["id_keluarga_p3ke"] != "")
    pertama = data.reset_index().drop_duplicates("id_keluarga_p3ke").set_index("id_keluarga_p3ke")["index"]
    tolak(ganda, "id_keluarga_p3ke", lambda v: f"id_keluarga_p3ke ganda (sudah ada di baris {pertama[v]})")

    kode = data["kode_kemendagri"].map(lambda v: normalkan_kode(v.lstrip("'")))
    hasil["kode_kemendagri"] = kode
    tolak(~kode.isin(kode_desa), "kode_kemendagri", "kode desa/kelurahan tidak dikenal")

    desil = pd.to_numeric(data["desil_kesejahteraan"].str.replace(",", "."), errors="coerce")
    hasil["desil_kesejahteraan"] = desil
    tolak(~desil.isin([1, 2, 3, 4]), "desil_kesejahteraan", "desil di luar 1–4")

    nik = data["nik"].map(_nik)
    hasil["nik"] = nik
    tolak(~nik.str.fullmatch(r"\d{16}"), "nik",
          lambda v: (f"NIK harus 16 digit (tertulis {len(_nik(v))} digit)" if _nik(v).isdigit()
                     else "NIK harus 16 digit angka"))

    if "padan_dukcapil" in data:
        p = data["padan_dukcapil"].str.lower()
        hasil["padan_dukcapil"] = p.map(lambda v: True if v in BENAR else (False if v in SALAH else None))
        tolak(~(p.isin(BENAR | SALAH) | (p == "")), "padan_dukcapil", "padan_dukcapil bukan Padan/Tidak Padan/Ya/Tidak")
    for kolom in YA_TIDAK:
        if kolom in data:
            v = data[kolom].str.lower()
            hasil[kolom] = v.map(lambda x: True if x in BENAR else (False if x in SALAH else None))
            tolak(~(v.isin(BENAR | SALAH) | (v == "")), kolom, f"{kolom} bukan Ya/Tidak")
    if "tanggal_lahir" in data:
        t = data["tanggal_lahir"]
        tanggal = pd.to_datetime(t, errors="coerce", dayfirst=True, format="mixed")
        hasil["tanggal_lahir"] = tanggal.dt.date
        tolak(tanggal.isna() & (t != ""), "tanggal_lahir", "tanggal tidak dapat dibaca")
    if "luas_lantai" in data:
        hasil["luas_lantai"] = pd.to_numeric(data["luas_lantai"].str.replace(",", "."), errors="coerce")
    for kolom in TEKS:
        if kolom in data:
            hasil[kolom] = data[kolom].replace("", None)

    ditolak = pd.DataFrame(masalah, columns=["baris", "kolom", "nilai", "alasan"]).sort_values(["baris", "kolom"])
    diterima = hasil.drop(index=ditolak["baris"].unique())
    diterima["desil_kesejahteraan"] = diterima["desil_kesejahteraan"].astype("int8")
    return diterima.reset_index(drop=True), ditolak.reset_index(drop=True)


def _satu(con, sql: str, params: dict | None = None):
    """The first row or None; fetches all so the connection is free for the next statement."""
    rows = con.execute(sql, params or {}).fetchall()
    return rows[0] if rows else None


def periksa_keluarga(db_path, isi: bytes, nama_file: str) -> HasilImpor:
    """Dry run: read and validate against the database's region codes; writes nothing."""
    data, _, catatan = baca_berkas(isi, nama_file)
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        kode_desa = {r[0] for r in con.execute("SELECT kode FROM wilayah WHERE tingkat = 'desa'").fetchall()}
        diterima, ditolak = validasi_keluarga(data, kode_desa)
        # A snapshot covers whole kabupaten: say what the new one will replace.
        for kab, n_baru in diterima["kode_kemendagri"].str[:5].value_counts().sort_index().items():
            lama = con.execute("SELECT count(*), max(snapshot) FROM keluarga_aktif WHERE left(kode_kemendagri, 5) = $k",
                               {"k": kab}).fetchall()[0]
            if lama[0]:
                catatan.append(f"Kabupaten {kab}: {n_baru:,} keluarga di berkas ini akan menjadi data aktif bila "
                               f"snapshotnya lebih baru dari {lama[1]:%d-%m-%Y} ({lama[0]:,} keluarga); data lama tetap "
                               "disimpan untuk perbandingan.".replace(",", "."))
    finally:
        con.close()
    return HasilImpor("keluarga", nama_file, hashlib.sha256(isi).hexdigest(), diterima, ditolak, catatan)


def impor_keluarga(db_path, isi: bytes, nama_file: str, pengguna: str, snapshot: dt.date) -> HasilImpor:
    """Validate, then write the accepted rows as snapshot `snapshot` in one transaction, log the import and
    rebuild the derived tables. A newer snapshot becomes the active one for its kabupaten; older ones stay."""
    if not pengguna or not pengguna.strip():
        raise ImporError("Nama pengimpor wajib diisi.")
    hasil = periksa_keluarga(db_path, isi, nama_file)
    if hasil.diterima.empty:
        raise ImporError(f"Tidak ada baris yang dapat diimpor dari {nama_file}; semua {hasil.baris_ditolak} baris "
                         "ditolak. Unduh daftar baris yang ditolak, perbaiki, lalu unggah lagi.")
    with ubah_basis_data(db_path) as con:
        sudah = _satu(con, "SELECT id, waktu FROM impor WHERE hash = $h AND dibatalkan_pada IS NULL",
                      {"h": hasil.hash})
        if sudah:
            raise ImporError(f"Berkas ini sudah diimpor (impor #{sudah[0]}, {sudah[1]:%d-%m-%Y %H:%M}); "
                             "tidak diimpor dua kali.")
        id_impor = _satu(con, "SELECT coalesce(max(id), 0) + 1 FROM impor")[0]
        rows = hasil.diterima.assign(snapshot=snapshot, id_impor=id_impor)
        con.register("_impor", rows)
        con.execute("INSERT OR REPLACE INTO keluarga BY NAME SELECT * FROM _impor")
        con.unregister("_impor")
        con.execute("INSERT INTO impor (id, file, hash, jenis, snapshot, waktu, baris_diterima, baris_ditolak, pengguna) "
                    "VALUES (?, ?, ?, 'keluarga', ?, ?, ?, ?, ?)",
                    [id_impor, nama_file, hasil.hash, snapshot, dt.datetime.now().replace(microsecond=0),
                     len(rows), hasil.baris_ditolak, pengguna.strip()])
        turunan.bangun_kebutuhan(con)
        turunan.bangun_ringkasan(con)
    hasil.id_impor = id_impor
    return hasil


def batalkan_impor(db_path, id_impor: int, pengguna: str) -> int:
    """Undo an import: remove its rows, mark it undone, rebuild the derived tables. Returns rows removed."""
    with ubah_basis_data(db_path) as con:
        ada = _satu(con, "SELECT dibatalkan_pada FROM impor WHERE id = $id", {"id": id_impor})
        if ada is None:
            raise ImporError(f"Impor #{id_impor} tidak ada.")
        if ada[0] is not None:
            raise ImporError(f"Impor #{id_impor} sudah dibatalkan pada {ada[0]:%d-%m-%Y %H:%M}.")
        n = _satu(con, "SELECT count(*) FROM keluarga WHERE id_impor = $id", {"id": id_impor})[0]
        con.execute("DELETE FROM individu WHERE id_impor = ?", [id_impor])
        con.execute("DELETE FROM keluarga WHERE id_impor = ?", [id_impor])
        con.execute("UPDATE impor SET dibatalkan_pada = ?, dibatalkan_oleh = ? WHERE id = ?",
                    [dt.datetime.now().replace(microsecond=0), pengguna, id_impor])
        turunan.bangun_kebutuhan(con)
        turunan.bangun_ringkasan(con)
    return n
