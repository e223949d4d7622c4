"""Excel and CSV exports: the field verification (verval) sheet in the P3KE column layout, and plain tables.

Every export passes through one guard against formula (CSV) injection (OWASP): a text cell that starts with
``= + - @``, a tab or a carriage return would be evaluated by Excel or LibreOffice when the file is opened, so
in CSV it gets a leading apostrophe (`netralkan`) and in XLSX it is stored as a plain string cell with the
quote prefix set (`amankan_buku`) — its text stays exactly the data. Numbers are never touched.

The verval sheet streams: rows come from a query in batches (`potongan_kueri`) and go into an openpyxl write-only
workbook (rows written to a temporary file as they come), so a list of tens of thousands of households is never
held whole, neither as a DataFrame nor as a workbook of cell objects.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator

import pandas as pd
import pyarrow as pa
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils import get_column_letter

from pke import db, privasi

# What a spreadsheet takes as the start of a formula (or, for tab/CR, what can smuggle one past a CSV parser).
AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")


def berisiko(nilai) -> bool:
    """True for a text value that a spreadsheet could read as a formula."""
    return isinstance(nilai, str) and nilai.startswith(AWALAN_RUMUS)


def _netral(nilai):
    return "'" + nilai if berisiko(nilai) else nilai


def netralkan(df: pd.DataFrame) -> pd.DataFrame:
    """A copy for CSV export in which every risky text cell (and column name) starts with an apostrophe.
    Numeric columns are left alone, so -5 stays the number -5."""
    d = df.copy()
    for kolom in d.columns:
        seri = d[kolom]
        if seri.dtype == object or isinstance(seri.dtype, pd.StringDtype):
            d[kolom] = seri.map(_netral, na_action="ignore")
    d.columns = [_netral(c) for c in d.columns]
    return d


def ke_csv(df: pd.DataFrame, **kwargs) -> bytes:
    """CSV bytes (UTF-8 with BOM, so Excel reads accents) with formula-like text neutralised. Lines end in CRLF
    (RFC 4180), which also makes the writer quote a cell holding a bare carriage return."""
    kwargs.setdefault("index", False)
    kwargs.setdefault("lineterminator", "\r\n")
    return netralkan(df).to_csv(**kwargs).encode("utf-8-sig")


def amankan_lembar(lembar) -> None:
    """Makes every risky text cell of an openpyxl worksheet a string cell, never a formula: openpyxl turns a
    value starting with "=" into a formula, and Excel would evaluate it on opening."""
    for baris in lembar.iter_rows():
        for sel in baris:
            if berisiko(sel.value):
                sel.data_type = "s"
                sel.quotePrefix = True  # Excel keeps it text even when the cell is edited


def amankan_buku(buku) -> None:
    """`amankan_lembar` for every worksheet of an openpyxl workbook; call it just before saving."""
    for lembar in buku.worksheets:
        amankan_lembar(lembar)


# Columns the village fills in during verval (Central Java kabupaten verval sheets).
KOLOM_VERVAL = ("nama_perbaikan", "NIK_perbaikan", "VERVAL_memenuhi_kriteria_P3KE",
                "VERVAL_alasan_tidak_memenuhi_kriteria_P3KE", "VERVAL_keterangan")
UKURAN_POTONGAN = 5000  # rows per batch read from the database: a few MB at a time
# The most households one by-name export holds: the verval sheet streams at several thousand rows a second (README),
# so beyond this a narrower filter is asked for rather than minutes of a server thread and a file nobody opens.
BATAS_BARIS = 200_000
# Control characters an XLSX cell cannot hold (openpyxl refuses the whole file for one of them): dropped.
_TAK_SAH = re.compile(r"[\000-\010\013\014\016-\037]")


def potongan_kueri(con, nama: str, ukuran: int = UKURAN_POTONGAN, **params) -> Iterator[pa.RecordBatch]:
    """The rows of named query `nama` (queries/, $named parameters as pke.db.jalankan) as Arrow batches of at most
    `ukuran` rows, read while the file is written rather than all at once."""
    perlu = db.parameter(nama)
    kurang = perlu - params.keys()
    if kurang:
        raise db.QueryError(f"Kueri {nama} butuh parameter: {', '.join(sorted(kurang))}")
    cur = db.kursor(con)
    try:
        # a relation's reader streams the result; a DB-API result would copy all its rows first
        pembaca = cur.sql(db.teks(nama), params={k: params[k] for k in perlu}).to_arrow_reader(ukuran)
        yield from pembaca
    finally:
        cur.close()


def _baris(potongan: Iterable[pa.RecordBatch | pd.DataFrame], tampilkan_data_pribadi: bool
           ) -> Iterator[tuple[list[str], list[list]]]:
    """Each batch as (column names, columns of plain Python values, None for missing), NIK, names and address
    masked unless `tampilkan_data_pribadi`; in a masked file the head's date of birth keeps only its year (with
    the village and sex it would point at the family as surely as a name)."""
    for bagian in potongan:
        if isinstance(bagian, pd.DataFrame):  # a small table in memory (its object columns may mix types)
            nama = [str(c) for c in bagian.columns]
            kolom = [[None if _kosong(v) else v for v in bagian[c].tolist()] for c in bagian.columns]
        else:
            nama = list(bagian.schema.names)
            kolom = [c.to_pylist() for c in bagian.columns]
        if not tampilkan_data_pribadi:
            for i, n in enumerate(nama):
                if n == "nik":
                    kolom[i] = [privasi.samarkan_nik(v) for v in kolom[i]]
                elif n in ("kepala_keluarga", "nama", "alamat"):
                    kolom[i] = [privasi.samarkan_nama(v) for v in kolom[i]]
                elif n == "tanggal_lahir":
                    kolom[i] = [None if v is None else v.year for v in kolom[i]]
        yield nama, kolom


def _kosong(nilai) -> bool:
    return nilai is None or (not isinstance(nilai, (list, tuple, dict)) and bool(pd.isna(nilai)))


def _sel(lembar, nilai):
    """A value for a write-only row: text that a spreadsheet could take as a formula (or an error code) becomes a
    string cell with the quote prefix, as `amankan_lembar` does for a loaded sheet."""
    if isinstance(nilai, str):
        if _TAK_SAH.search(nilai):
            nilai = _TAK_SAH.sub("", nilai)
        if berisiko(nilai) or nilai in ERROR_CODES:
            sel = WriteOnlyCell(lembar, nilai)
            sel.data_type = "s"
            sel.quotePrefix = True
            return sel
    return nilai


def tulis_lembar_verval(potongan: Iterable[pa.RecordBatch | pd.DataFrame], tampilkan_data_pribadi: bool = False,
                        penanda: str | None = None) -> tuple[bytes, int]:
    """The verval .xlsx from batches of rows in the layout of query daftar_keluarga_ekspor (the P3KE export
    columns of verval_keluarga, then `skor_prioritas`), in their order: `No`, those columns, and empty verval
    columns. Returns the file and its number of households. NIK and names masked unless `tampilkan_data_pribadi`.
    `penanda` (who exported it, when, why) goes into a sheet of its own, the workbook's properties and every
    printed page's header, so a copy that travels still says whose it is."""
    buku = Workbook(write_only=True)
    lembar = buku.create_sheet("verval")
    lembar.freeze_panes = "C2"
    n = 0
    for nama, kolom in _baris(potongan, tampilkan_data_pribadi):
        if n == 0:  # widths from the first rows (set before any row is written, as write-only sheets need)
            kepala = ["No", *nama, *KOLOM_VERVAL]
            contoh = [list(range(1, 201)), *[k[:200] for k in kolom]] + [[]] * len(KOLOM_VERVAL)
            for i, (judul, isi) in enumerate(zip(kepala, contoh), 1):
                lebar = max([len(judul), *(len(str(v)) for v in isi if v is not None)])
                lembar.column_dimensions[get_column_letter(i)].width = min(max(10, lebar + 2), 40)
            lembar.append([_sel(lembar, v) for v in kepala])
        for baris in zip(*kolom):  # the verval columns stay empty: no cells at all
            n += 1
            lembar.append([n, *(_sel(lembar, v) for v in baris)])
    if n == 0:
        lembar.append(["No", *KOLOM_VERVAL])
    if penanda:
        lembar.oddHeader.center.text = penanda[:250]
        buku.properties.creator = penanda[:250]
        ket = buku.create_sheet("keterangan")
        ket.column_dimensions["A"].width = min(len(penanda) + 4, 120)
        ket.append(["keterangan"])
        ket.append([_sel(ket, penanda)])
    buf = io.BytesIO()
    buku.save(buf)
    return buf.getvalue(), n


def tulis_csv(potongan: Iterable[pa.RecordBatch | pd.DataFrame], tampilkan_data_pribadi: bool = False,
              penanda: str | None = None) -> tuple[bytes, int]:
    """The same rows as CSV (UTF-8 with BOM, CRLF, formula-like text neutralised as `ke_csv`), columns as in
    `tulis_lembar_verval` without the verval columns; `penanda`, when given, is the first line (one cell), so the
    file still says whose it is. Returns the file and its number of households."""
    buf = io.StringIO()
    tulis = csv.writer(buf, lineterminator="\r\n")
    if penanda:
        tulis.writerow([_netral(penanda)])
    n = 0
    for nama, kolom in _baris(potongan, tampilkan_data_pribadi):
        if n == 0:
            tulis.writerow(["No", *(_netral(c) for c in nama)])
        for baris in zip(*kolom):
            n += 1
            tulis.writerow([n, *(_netral(v) for v in baris)])
    return buf.getvalue().encode("utf-8-sig"), n


def lembar_verval(keluarga: pd.DataFrame, urutan: list[str], skor: pd.Series | None = None,
                  tampilkan_data_pribadi: bool = False, penanda: str | None = None) -> bytes:
    """`tulis_lembar_verval` for households already in memory (rows of the verval_keluarga query), in `urutan`
    order, with their priority scores `skor` (same order) when given."""
    d = keluarga.set_index("id_keluarga_p3ke").loc[urutan].reset_index()
    if skor is not None:
        d["skor_prioritas"] = list(skor)
    return tulis_lembar_verval([d], tampilkan_data_pribadi, penanda)[0]


def tabel_excel(lembar: dict[str, pd.DataFrame]) -> bytes:
    """Several tables as sheets of one .xlsx."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        for nama, df in lembar.items():
            df.to_excel(xl, sheet_name=nama[:31], index=False)
        amankan_buku(xl.book)
    return buf.getvalue()
