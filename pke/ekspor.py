"""Excel and CSV exports: the field verification (verval) sheet in the P3KE column layout, and plain tables.

Every export passes through one guard against formula (CSV) injection (OWASP): a text cell that starts with
``= + - @``, a tab or a carriage return would be evaluated by Excel or LibreOffice when the file is opened, so
in CSV it gets a leading apostrophe (`netralkan`) and in XLSX it is stored as a plain string cell with the
quote prefix set (`amankan_buku`) — its text stays exactly the data. Numbers are never touched.
"""
from __future__ import annotations

import io

import pandas as pd

from pke import privasi

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


def lembar_verval(keluarga: pd.DataFrame, urutan: list[str], skor: pd.Series | None = None,
                  tampilkan_data_pribadi: bool = False, penanda: str | None = None) -> bytes:
    """An .xlsx with one row per household in `urutan` order: `No`, the P3KE export columns of the
    verval_keluarga query, the priority score, and empty verval columns. NIK and names are masked unless
    `tampilkan_data_pribadi`. `penanda` (who exported it, when, why) goes into a sheet of its own, the
    workbook's properties and every printed page's header, so a copy that travels still says whose it is."""
    d = keluarga.set_index("id_keluarga_p3ke").loc[urutan].reset_index()
    if not tampilkan_data_pribadi:
        d = privasi.samarkan(d)
    d.insert(0, "No", range(1, len(d) + 1))
    if skor is not None:
        d["skor_prioritas"] = list(skor)
    for kolom in KOLOM_VERVAL:
        d[kolom] = ""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        d.to_excel(xl, sheet_name="verval", index=False)
        lembar = xl.sheets["verval"]
        lembar.freeze_panes = "C2"
        for kolom in lembar.columns:
            lebar = max(len(str(c.value or "")) for c in kolom[:200])
            lembar.column_dimensions[kolom[0].column_letter].width = min(max(10, lebar + 2), 40)
        if penanda:
            pd.DataFrame({"keterangan": [penanda]}).to_excel(xl, sheet_name="keterangan", index=False)
            xl.sheets["keterangan"].column_dimensions["A"].width = min(len(penanda) + 4, 120)
            lembar.oddHeader.center.text = penanda[:250]
            xl.book.properties.creator = penanda[:250]
        amankan_buku(xl.book)
    return buf.getvalue()


def tabel_excel(lembar: dict[str, pd.DataFrame]) -> bytes:
    """Several tables as sheets of one .xlsx."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        for nama, df in lembar.items():
            df.to_excel(xl, sheet_name=nama[:31], index=False)
        amankan_buku(xl.book)
    return buf.getvalue()
