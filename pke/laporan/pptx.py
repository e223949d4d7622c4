"""The report as a 16:9 PowerPoint deck (python-pptx): a title slide, then per section a slide with its heading, its
key message on a shaded bar, the figures, text, chart or map and table. Type is for a projector: body and table
text 18 pt or more, titles 32 pt, the key message 22 pt bold; dark text on white or light fills, white on dark blue
(WCAG AA or better). A table longer than fits continues on further slides titled "(lanjutan)", each with the bar
again; text that does not fit goes to the slide's notes (all of a section's text is in its notes)."""
from __future__ import annotations

import io
import math
import re

from pke import progres
from pke.i18n import dalam_bahasa, t
from pke.laporan.model import Bagian, Laporan, kolom_angka, lebar_kolom

PT_JUDUL = 32
PT_PESAN = 22
PT_TEKS = 18
PT_TABEL = 18
PT_ANGKA = 40
PT_KAKI = 18
BARIS_PER_SLIDE = 10

GELAP, BIRU, BIRU_MUDA, ABU, PUTIH = "1F2933", "0B3C5D", "E3EDF6", "3E4C59", "FFFFFF"
KIRI, LEBAR_ISI = 0.3, 12.73     # inches
ATAS_PESAN = 1.12                # the key message's bar starts under the title
BAWAH_ISI = 6.9                  # content ends here; the footer is below
# Average glyph width in em, on the wide side on purpose (DejaVu Sans, where LibreOffice has no Calibri: digits
# 0.64 em, Calibri's 0.51): an estimate that undercounts lets text run off its box.
LEBAR_HURUF = 0.58
TEPI_SEL = 0.05                  # a table cell's left and right margin, inches


def _baris(teks: str, lebar_in: float, pt: float, tepi_in: float = 0.2) -> int:
    """Lines `teks` takes in a box `lebar_in` wide (margins `tepi_in` together) at `pt`, wrapped at words as a
    renderer does; a word longer than a line breaks."""
    per_baris = max(1, int((lebar_in - tepi_in) * 72 / (pt * LEBAR_HURUF)))
    jumlah = 0
    for paragraf in teks.replace("**", "").split("\n"):
        baris, isi = 1, 0
        for kata in paragraf.split():
            if isi and isi + 1 + len(kata) > per_baris:
                baris, isi = baris + 1, 0
            isi += (1 if isi else 0) + len(kata)
            while isi > per_baris:
                baris, isi = baris + 1, isi - per_baris
        jumlah += baris
    return jumlah


def _tinggi(baris: int, pt: float, tepi_in: float = 0.1) -> float:
    """Inches a box of `baris` lines at `pt` needs (line spacing 1.2, the box's own margins)."""
    return tepi_in + baris * pt * 1.2 / 72


def pptx(lap: Laporan) -> bytes:
    """16:9 deck: a title slide, then one slide per section (key message, figures, chart or map, table); a table
    longer than fits continues on the next slides, titled "(lanjutan)"."""
    from pptx import Presentation
    from pptx.util import Inches

    with dalam_bahasa(lap.bahasa):
        prs = Presentation()
        prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
        dek = _Dek(prs, lap)
        dek.sampul()
        for b in lap.bagian:
            dek.bagian(b)
        buf = io.BytesIO()
        prs.save(buf)
        return buf.getvalue()


class _Dek:
    def __init__(self, prs, lap: Laporan):
        self.prs, self.lap = prs, lap
        self.kosong = prs.slide_layouts[6]

    # ---- building blocks ----
    def kotak(self, slide, x, y, w, h, teks, ukuran=PT_TEKS, tebal=False, warna=GELAP):
        from pptx.util import Inches

        tb = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
        tf = tb.text_frame
        tf.word_wrap = True
        for i, bagian in enumerate(teks if isinstance(teks, list) else [teks]):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            _runs(p, bagian, ukuran, tebal, warna)
        return tb

    def slide(self, judul: str, pesan: str) -> tuple[object, float]:
        """A new slide with its title, key message bar and footer; returns it and where its content starts."""
        from pptx.dml.color import RGBColor
        from pptx.enum.shapes import MSO_SHAPE
        from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
        from pptx.util import Inches

        s = self.prs.slides.add_slide(self.kosong)
        baris_judul = _baris(judul, LEBAR_ISI, PT_JUDUL)
        self.kotak(s, KIRI, 0.25, LEBAR_ISI, _tinggi(min(baris_judul, 2), PT_JUDUL), judul, PT_JUDUL, True, BIRU)
        y = max(ATAS_PESAN, 0.35 + _tinggi(min(baris_judul, 2), PT_JUDUL))
        if pesan:
            tinggi = _tinggi(_baris(pesan, LEBAR_ISI - 0.2, PT_PESAN, 0.3), PT_PESAN, 0.2)
            bilah = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(KIRI), Inches(y), Inches(LEBAR_ISI),
                                       Inches(tinggi))
            bilah.fill.solid()
            bilah.fill.fore_color.rgb = RGBColor.from_string(BIRU_MUDA)
            bilah.line.fill.background()
            bilah.shadow.inherit = False
            tf = bilah.text_frame
            tf.word_wrap = True
            tf.vertical_anchor = MSO_ANCHOR.MIDDLE
            tf.margin_left, tf.margin_right = Inches(0.25), Inches(0.1)
            tf.margin_top = tf.margin_bottom = Inches(0.05)
            tf.paragraphs[0].alignment = PP_ALIGN.LEFT
            _runs(tf.paragraphs[0], pesan.replace("**", ""), PT_PESAN, True, BIRU)
            tepi = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(KIRI), Inches(y), Inches(0.09), Inches(tinggi))
            tepi.fill.solid()
            tepi.fill.fore_color.rgb = RGBColor.from_string(BIRU)
            tepi.line.fill.background()
            tepi.shadow.inherit = False
            y += tinggi + 0.15
        self.kotak(s, KIRI, 6.95, LEBAR_ISI, 0.45, f"{self.lap.wilayah} · {self.lap.periode}"
                   + (" · " + t("DATA DEMO") if self.lap.demo else ""), PT_KAKI, warna=ABU)
        return s, y

    def teks_muat(self, s, y: float, paragraf: list[str], ukuran=PT_TEKS, batas=BAWAH_ISI) -> tuple[float, list[str]]:
        """As many of `paragraf` as fit between `y` and `batas`, in one box; returns the new y and those left."""
        muat, tinggi = [], 0.1
        for p in paragraf:
            h = _baris(p, LEBAR_ISI, ukuran) * ukuran * 1.2 / 72
            if y + tinggi + h > batas:
                break
            muat.append(p)
            tinggi += h
        if muat:
            self.kotak(s, KIRI, y, LEBAR_ISI, tinggi, muat, ukuran)
            y += tinggi + 0.1
        return y, paragraf[len(muat):]

    @staticmethod
    def catatan(s, b: Bagian) -> None:
        """The section's key message and all its text in the speaker notes."""
        s.notes_slide.notes_text_frame.text = "\n".join([b.pesan, *(p.replace("**", "") for p in b.teks)]).strip()

    # ---- slides ----
    def sampul(self) -> None:
        lap = self.lap
        s = self.prs.slides.add_slide(self.kosong)
        self.kotak(s, 0.8, 1.7, 11.7, 1.6, lap.judul, 40, True, BIRU)
        self.kotak(s, 0.8, 3.4, 11.7, 1.1, f"**{lap.wilayah}** · {lap.periode}", 28)
        self.kotak(s, 0.8, 4.6, 11.7, 0.8, lap.dibuat, 20)
        if lap.demo:
            self.kotak(s, 0.8, 5.4, 11.7, 1.2,
                       t("⚠️ **DATA DEMO** — keluarga dan individu sintetis di atas wilayah dan batas desa yang nyata; "
                         "bukan data P3KE sebenarnya."), 20)

    def bagian(self, b: Bagian) -> None:
        from pptx.util import Emu, Inches

        s, y = self.slide(b.judul, b.pesan)
        self.catatan(s, b)
        if b.angka:
            w = LEBAR_ISI / 3
            tinggi_label = max(_tinggi(_baris(label, w, PT_TEKS), PT_TEKS) for label, _ in b.angka)
            langkah = _tinggi(1, PT_ANGKA) + tinggi_label + 0.1
            for i, (label, nilai) in enumerate(b.angka):
                x = KIRI + w * (i % 3)
                yy = y + langkah * (i // 3)
                self.kotak(s, x, yy, w, _tinggi(1, PT_ANGKA), nilai, PT_ANGKA, True, BIRU)
                self.kotak(s, x, yy + _tinggi(1, PT_ANGKA), w, tinggi_label, label, PT_TEKS)
            y += langkah * math.ceil(len(b.angka) / 3) + 0.05
        tabel = b.tabel.tampil if b.tabel is not None and not b.tabel.tampil.empty else None
        if b.gambar:
            from PIL import Image as PILImage

            if b.teks and not b.angka:  # the first line introduces the picture; all of the text is in the notes
                y, _ = self.teks_muat(s, y, b.teks[:1])
            keterangan = (_tinggi(_baris(b.keterangan_gambar, LEBAR_ISI, PT_TEKS), PT_TEKS)
                          if b.keterangan_gambar else 0)
            gbr = PILImage.open(io.BytesIO(b.gambar))
            maks_w, maks_h = Inches(LEBAR_ISI), Inches(BAWAH_ISI - y - keterangan)
            skala = min(maks_w / gbr.width, maks_h / gbr.height)
            w, h = int(gbr.width * skala), int(gbr.height * skala)
            s.shapes.add_picture(io.BytesIO(b.gambar), Inches(KIRI) + (maks_w - w) // 2, Inches(y), Emu(w), Emu(h))
            if b.keterangan_gambar:
                self.kotak(s, KIRI, y + h / Inches(1), LEBAR_ISI, keterangan, b.keterangan_gambar, PT_TEKS, warna=ABU)
            if tabel is not None:  # the table on a slide of its own, introduced by the section's last line
                s, y = self.slide(b.judul, b.pesan)
                self.catatan(s, b)
                if len(b.teks) > 1:
                    y, _ = self.teks_muat(s, y, b.teks[-1:])
        elif b.teks:
            # leave the table at least its header and a few rows on this slide
            batas = BAWAH_ISI - (1.6 if tabel is not None else 0)
            y, _ = self.teks_muat(s, y, b.teks, batas=max(batas, y + 0.5))
        if tabel is not None:
            self.tabel(s, b, y)

    def tabel(self, s, b: Bagian, y: float) -> None:
        from pptx.dml.color import RGBColor
        from pptx.util import Inches, Pt

        tampil = b.tabel.tampil
        angka = kolom_angka(b.tabel)
        lebar = lebar_kolom(tampil, LEBAR_ISI, PT_TABEL * LEBAR_HURUF / 72, 2 * TEPI_SEL + 0.02, angka, 1.1)

        def tinggi_baris(nilai, tebal: float = 1.0) -> float:
            return 0.1 + max(_baris(str(v), lebar[j], PT_TABEL * tebal, 2 * TEPI_SEL)
                             for j, v in enumerate(nilai)) * PT_TABEL * 1.2 / 72

        tinggi = [tinggi_baris(r) for r in tampil.itertuples(index=False)]
        tinggi_kepala = tinggi_baris(tampil.columns, 1.1)  # bold is wider
        warna = progres.warna_status() if b.tabel.warna is None else b.tabel.warna
        mulai, pertama = 0, True
        while mulai < len(tampil):
            if not pertama or BAWAH_ISI - y < tinggi_kepala + tinggi[mulai]:
                s, y = self.slide(t("{judul} (lanjutan)", judul=b.judul) if not pertama or mulai else b.judul,
                                  b.pesan)
                self.catatan(s, b)
            ruang, muat = BAWAH_ISI - y - tinggi_kepala, 0
            while mulai + muat < len(tampil) and muat < BARIS_PER_SLIDE and tinggi[mulai + muat] <= ruang:
                ruang -= tinggi[mulai + muat]
                muat += 1
            muat = max(muat, 1)
            potong = tampil.iloc[mulai:mulai + muat]
            bentuk = s.shapes.add_table(len(potong) + 1, len(tampil.columns), Inches(KIRI), Inches(y),
                                        Inches(LEBAR_ISI), Inches(tinggi_kepala + sum(tinggi[mulai:mulai + muat])))
            tab = bentuk.table
            tab.rows[0].height = Inches(tinggi_kepala)
            for i in range(len(potong)):
                tab.rows[i + 1].height = Inches(tinggi[mulai + i])
            for j, c in enumerate(tampil.columns):
                tab.columns[j].width = Inches(lebar[j])
                sel = tab.cell(0, j)
                sel.text = str(c)
                _gaya_sel(sel, Pt(PT_TABEL), True, PUTIH, c in angka)
                sel.fill.solid()
                sel.fill.fore_color.rgb = RGBColor.from_string(BIRU)
            for i, r in enumerate(potong.itertuples(index=False), start=1):
                for j, v in enumerate(r):
                    sel = tab.cell(i, j)
                    sel.text = str(v)
                    _gaya_sel(sel, Pt(PT_TABEL), False, GELAP, tampil.columns[j] in angka)
                    sel.fill.solid()
                    w = warna.get(str(v)) if tampil.columns[j] == t("Status") else None
                    sel.fill.fore_color.rgb = RGBColor.from_string((w or ("#FFFFFF" if i % 2 else "#F2F4F6"))[1:])
            mulai += muat
            pertama = False


def _runs(p, teks: str, ukuran, tebal: bool, warna: str) -> None:
    """A paragraph with **bold** parts."""
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    for i, potong in enumerate(re.split(r"\*\*", teks)):
        if not potong:
            continue
        r = p.add_run()
        r.text = potong
        r.font.size = Pt(ukuran)
        r.font.bold = tebal or i % 2 == 1
        r.font.color.rgb = RGBColor.from_string(warna)


def _gaya_sel(sel, ukuran, tebal, warna: str, kanan: bool) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches

    sel.margin_top = sel.margin_bottom = Inches(0.03)
    sel.margin_left = sel.margin_right = Inches(TEPI_SEL)
    for p in sel.text_frame.paragraphs:
        p.alignment = PP_ALIGN.RIGHT if kanan else PP_ALIGN.LEFT
        for r in p.runs:
            r.font.size = ukuran
            r.font.bold = tebal
            r.font.color.rgb = RGBColor.from_string(warna)

