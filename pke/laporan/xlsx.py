"""The report as an Excel workbook (openpyxl): a cover sheet (title, region, period, each section's key message,
the headline figures and text) and one sheet per table, numbers as numbers with formats (#.##0; 0,0%) so that Excel
shows them in the reader's locale. Missing values are empty cells; cells that a spreadsheet would read as a
formula are written as text (pke.ekspor.amankan_buku)."""
from __future__ import annotations

import datetime as dt
import io

import pandas as pd

from pke.ekspor import amankan_buku
from pke.i18n import dalam_bahasa, t
from pke.laporan.model import Laporan


def _nilai(v):
    """A cell value openpyxl can write, or None for a missing one (None, NaN, pd.NA, NaT)."""
    if v is None or (pd.api.types.is_scalar(v) and pd.isna(v)):
        return None
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    if hasattr(v, "item") and not isinstance(v, (str, bytes, dt.date)):
        return v.item()  # numpy scalars
    return v


def xlsx(lap: Laporan) -> bytes:
    """A cover sheet (title, region, period, key messages, headline figures, the section list) and one sheet per
    section with its table as numbers, formatted (#.##0; 0,0%) so that Excel shows them in the reader's locale."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    with dalam_bahasa(lap.bahasa):
        wb = Workbook()
        ws = wb.active
        ws.title = t("Ringkasan")[:31]
        ws["A1"] = lap.judul
        ws["A1"].font = Font(size=16, bold=True)
        ws["A2"] = f"{lap.wilayah} · {lap.periode}"
        ws["A3"] = lap.dibuat
        if lap.demo:
            ws["A4"] = t("DATA DEMO")
        baris = 6
        pesan = [b for b in lap.bagian if b.pesan]
        if pesan:
            ws.cell(baris, 1, t("Pesan utama")).font = Font(size=13, bold=True)
            baris += 1
            for b in pesan:
                ws.cell(baris, 1, b.judul).font = Font(bold=True)
                ws.cell(baris, 2, b.pesan).alignment = Alignment(wrap_text=True, vertical="top")
                baris += 1
            baris += 1
        for b in lap.bagian:
            if b.angka:
                for label, nilai in b.angka:
                    ws.cell(baris, 1, label)
                    ws.cell(baris, 2, nilai).alignment = Alignment(horizontal="right")
                    baris += 1
                baris += 1
            for p in b.teks:
                ws.cell(baris, 1, p.replace("**", ""))
                baris += 1
        ws.column_dimensions["A"].width = 48
        ws.column_dimensions["B"].width = 90 if pesan else 18
        kepala = PatternFill("solid", fgColor="0B3C5D")
        nama_dipakai = {ws.title}
        for b in lap.bagian:
            if b.tabel is None or b.tabel.data.empty:
                continue
            w = wb.create_sheet(_nama_lembar(b.judul, nama_dipakai))
            w["A1"] = b.judul
            w["A1"].font = Font(size=14, bold=True)
            w["A2"] = f"{lap.wilayah} · {lap.periode}"
            if b.pesan:
                w["A3"] = b.pesan
                w["A3"].font = Font(bold=True, color="0B3C5D")
            d = b.tabel.data
            for j, c in enumerate(d.columns, start=1):
                sel = w.cell(4, j, str(c))
                sel.font = Font(bold=True, color="FFFFFF")
                sel.fill = kepala
                sel.alignment = Alignment(wrap_text=True, vertical="top")
                w.column_dimensions[sel.column_letter].width = min(max(12, len(str(c)) + 2,
                                                                       *(len(str(v)) + 2 for v in d[c].head(200))), 60)
            for i, r in enumerate(d.itertuples(index=False), start=5):
                for j, v in enumerate(r, start=1):
                    v = _nilai(v)
                    if v is None:
                        continue
                    c = d.columns[j - 1]
                    sel = w.cell(i, j, v)
                    if c in b.tabel.persen:
                        sel.number_format = "0.0%"
                    elif c in b.tabel.rupiah:
                        sel.number_format = '"Rp" #,##0'
                    elif isinstance(v, dt.date):
                        sel.number_format = "yyyy-mm-dd"
                    elif isinstance(v, float):
                        sel.number_format = "#,##0.0"
                    elif pd.api.types.is_numeric_dtype(d[c]) and not isinstance(v, bool):
                        sel.number_format = "#,##0"
            w.freeze_panes = "B5"
        amankan_buku(wb)  # region, OPD and programme names come from imported files
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()


def _nama_lembar(judul: str, dipakai: set[str]) -> str:
    bersih = "".join(c for c in judul if c not in "[]:*?/\\")[:31]
    nama, i = bersih, 2
    while nama in dipakai:
        nama = f"{bersih[:28]} {i}"
        i += 1
    dipakai.add(nama)
    return nama
