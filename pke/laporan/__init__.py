"""The quarterly report of a region, at any level (province, kabupaten, kecamatan, desa): the same queries and
key messages (pke.pesan) as the views, gathered into sections once (bagian.py), then written as a paginated PDF
(pdf.py, reportlab), a PowerPoint deck with a slide per section (pptx.py, python-pptx) and an Excel workbook of the
underlying tables (xlsx.py, openpyxl). Charts and the map are the dashboard's Vega-Lite specs rendered to PNG by
vl-convert (in-process, no browser). Numbers and dates follow the report's language (Indonesian by default).

    lap = susun(con, "33.15", 2026, 4, bahasa="id", progres_cb=lambda f, pesan: ..., lingkup="",
                tindak_lanjut=None)
    pdf(lap), pptx(lap), xlsx(lap)  -> bytes

Every section carries its key message (`Bagian.pesan`), shown under its heading in the PDF, on a bar on each of
its slides and on the workbook's sheets. Long tables are never cut: the PDF repeats the header row on each page a
table continues onto, the deck continues a table on further slides titled "(lanjutan)". No personal data.

`laporan.pdf`, `laporan.pptx`, `laporan.xlsx` are the writer functions (they shadow their modules' names); reach a
module's other names with `from pke.laporan.pptx import BARIS_PER_SLIDE`."""
from pke.laporan.bagian import Sumber, kueri_laporan, susun
from pke.laporan.model import Bagian, Laporan, Tabel
from pke.laporan.pdf import pdf
from pke.laporan.pptx import pptx
from pke.laporan.xlsx import xlsx

__all__ = ["Bagian", "Laporan", "Sumber", "Tabel", "kueri_laporan", "pdf", "pptx", "susun", "xlsx"]
