"""The report as a paginated PDF (reportlab): A4 landscape, a title block, then one section per page, each opening
with its heading and its key message in a shaded bar; tables continue on the next page with their header repeated;
page numbers and the region and period in every footer."""
from __future__ import annotations

import io
import re
from pathlib import Path

from pke import progres
from pke.i18n import dalam_bahasa, t
from pke.laporan.model import Laporan, Tabel, kolom_angka, lebar_kolom

BIRU = "#0b3c5d"        # headings, table headers, the key message's bar
BIRU_MUDA = "#e3edf6"   # the key message's background: BIRU on it is 9:1
GELAP = "#1f2933"
ABU = "#3e4c59"

_FONT = None


def _font() -> tuple[str, str]:
    """A TrueType font with the glyphs the report uses (≥, ★, ›, –, ▶): DejaVu Sans when the system has it
    (Debian: fonts-dejavu-core), else the Bitstream Vera that ships with reportlab."""
    global _FONT
    if _FONT:
        return _FONT
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    import reportlab

    calon = [(Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
              Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")),
             (Path(reportlab.__file__).parent / "fonts" / "Vera.ttf",
              Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf")]
    for biasa, tebal in calon:
        if biasa.exists() and tebal.exists():
            pdfmetrics.registerFont(TTFont("PKE", str(biasa)))
            pdfmetrics.registerFont(TTFont("PKE-Bold", str(tebal)))
            from reportlab.lib.fonts import addMapping
            addMapping("PKE", 0, 0, "PKE")
            addMapping("PKE", 1, 0, "PKE-Bold")
            addMapping("PKE", 0, 1, "PKE")
            addMapping("PKE", 1, 1, "PKE-Bold")
            _FONT = ("PKE", "PKE-Bold")
            return _FONT
    _FONT = ("Helvetica", "Helvetica-Bold")
    return _FONT


def _polos(teks: str) -> str:
    """Plain text for a reportlab paragraph: &, < and > escaped."""
    return teks.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _markah(teks: str) -> str:
    """**bold** markdown to reportlab's <b>, with &, < and > escaped."""
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", _polos(teks))


def pdf(lap: Laporan) -> bytes:
    """A4 landscape, a title block with the headline figures, then one section per page; tables continue on the
    next page with their header repeated; page numbers and the region and period in every footer."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (Image, KeepTogether, LongTable, PageBreak, Paragraph, SimpleDocTemplate, Spacer,
                                    Table, TableStyle)

    biasa, tebal = _font()
    with dalam_bahasa(lap.bahasa):
        gaya = {
            "judul": ParagraphStyle("judul", fontName=tebal, fontSize=20, leading=25, textColor=GELAP),
            "sub": ParagraphStyle("sub", fontName=biasa, fontSize=13, leading=17, textColor=GELAP),
            "h": ParagraphStyle("h", fontName=tebal, fontSize=15, leading=19, spaceBefore=6, spaceAfter=4,
                                textColor=BIRU),
            "pesan": ParagraphStyle("pesan", fontName=tebal, fontSize=12, leading=16, textColor=BIRU),
            "p": ParagraphStyle("p", fontName=biasa, fontSize=10.5, leading=14, spaceAfter=4, textColor=GELAP),
            "sel": ParagraphStyle("sel", fontName=biasa, fontSize=9, leading=11, textColor=GELAP),
            "kepala": ParagraphStyle("kepala", fontName=tebal, fontSize=9, leading=11, textColor="white"),
            "angka": ParagraphStyle("angka", fontName=tebal, fontSize=18, leading=22, textColor=BIRU),
            "label": ParagraphStyle("label", fontName=biasa, fontSize=9.5, leading=12, textColor=ABU),
        }
        buf = io.BytesIO()
        lebar_hal, tinggi_hal = landscape(A4)
        tepi = 14 * mm
        lebar = lebar_hal - 2 * tepi

        def kaki(canvas, doc):
            canvas.saveState()
            canvas.setFont(biasa, 8.5)
            canvas.setFillColor(colors.HexColor(ABU))
            canvas.drawString(tepi, 8 * mm, f"{lap.judul} · {lap.wilayah} · {lap.periode}"
                              + (" · " + t("DATA DEMO") if lap.demo else ""))
            canvas.drawRightString(lebar_hal - tepi, 8 * mm, t("Halaman {n}", n=doc.page))
            canvas.restoreState()

        def bilah_pesan(teks: str):
            """The key message: bold, on a light bar with a dark edge, the width of the page."""
            bilah = Table([[Paragraph(_polos(teks), gaya["pesan"])]], colWidths=[lebar])
            bilah.setStyle(TableStyle([
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(BIRU_MUDA)),
                ("LINEBEFORE", (0, 0), (0, -1), 4, colors.HexColor(BIRU)),
                ("LEFTPADDING", (0, 0), (-1, -1), 9), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]))
            return bilah

        doc = SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=tepi, rightMargin=tepi, topMargin=12 * mm,
                                bottomMargin=15 * mm, title=f"{lap.judul} — {lap.wilayah} — {lap.periode}",
                                author="Dasbor PKE")
        isi = [Paragraph(_markah(lap.judul), gaya["judul"]),
               Paragraph(f"<b>{_markah(lap.wilayah)}</b> · {_markah(lap.periode)}", gaya["sub"]),
               Paragraph(_markah(lap.dibuat), gaya["p"])]
        if lap.demo:
            isi.append(Paragraph(_markah(t("⚠️ **DATA DEMO** — keluarga dan individu sintetis di atas wilayah dan "
                                           "batas desa yang nyata; bukan data P3KE sebenarnya.")).replace("⚠️ ", ""),
                                 gaya["p"]))
        isi.append(Spacer(1, 4 * mm))
        for nomor, b in enumerate(lap.bagian):
            if nomor:  # each section after the headline figures starts a page
                isi.append(PageBreak())
            kepala = [Paragraph(_markah(b.judul), gaya["h"])]
            if b.pesan:
                kepala += [bilah_pesan(b.pesan), Spacer(1, 3 * mm)]
            if b.angka:
                nilai = [Paragraph(_markah(v), gaya["angka"]) for _, v in b.angka]
                label = [Paragraph(_markah(k), gaya["label"]) for k, _ in b.angka]
                kisi = []  # three figures per row, each with its label under it
                for i in range(0, len(b.angka), 3):
                    kisi += [nilai[i:i + 3], label[i:i + 3]]
                tab = LongTable(kisi, colWidths=[lebar / 3] * 3)
                tab.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 1), (-1, 1), 8)]))
                kepala.append(tab)
            isi.append(KeepTogether(kepala))
            for p in b.teks:
                isi.append(Paragraph(_markah(p), gaya["p"]))
            if b.gambar:
                img = Image(io.BytesIO(b.gambar))
                maks_tinggi = (tinggi_hal - 75 * mm) if b.kunci == "peta" else 80 * mm  # leave room for the table
                skala = min(lebar / img.imageWidth, maks_tinggi / img.imageHeight)
                img.drawWidth, img.drawHeight = img.imageWidth * skala, img.imageHeight * skala
                isi.append(img)
                if b.keterangan_gambar:
                    isi.append(Paragraph(_markah(b.keterangan_gambar), gaya["label"]))
            if b.tabel is not None and not b.tabel.tampil.empty:
                isi.append(Spacer(1, 2 * mm))
                isi.append(_tabel_pdf(b.tabel, lebar, gaya))
            isi.append(Spacer(1, 6 * mm))
        doc.build(isi, onFirstPage=kaki, onLaterPages=kaki)
        return buf.getvalue()


def _tabel_pdf(tabel: Tabel, lebar: float, gaya: dict):
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, Paragraph, TableStyle

    t_ = tabel.tampil
    angka = kolom_angka(tabel)
    kanan = gaya["sel"].clone("sel_kanan", alignment=2)
    baris = [[Paragraph(_markah(str(c)), gaya["kepala"]) for c in t_.columns]]
    for r in t_.itertuples(index=False):
        baris.append([Paragraph(_markah(str(v)), kanan if c in angka else gaya["sel"])
                      for c, v in zip(t_.columns, r)])
    tab = LongTable(baris, colWidths=lebar_kolom(t_, lebar, 6.0, 14, angka), repeatRows=1)
    gaya_tab = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(BIRU)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#c5ccd3")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f4f6")]),
    ]
    if t("Status") in t_.columns:
        kol = list(t_.columns).index(t("Status"))
        warna = progres.warna_status() if tabel.warna is None else tabel.warna
        for i, v in enumerate(t_[t("Status")], start=1):
            if warna.get(v):
                gaya_tab.append(("BACKGROUND", (kol, i), (kol, i), colors.HexColor(warna[v])))
    tab.setStyle(TableStyle(gaya_tab))
    return tab
