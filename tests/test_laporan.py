"""The quarterly report on the fixture database (Kab. Grobogan, a tenth of its families): every section is there
in the PDF, the deck and the workbook, with the same figures as the queries, in Indonesian and English formats,
and nothing is cut off — long tables continue on further pages or slides, every shape stays on its slide."""
import io

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pypdf import PdfReader

from pke import db, fmt, laporan
from pke.i18n import dalam_bahasa
from tests.conftest import KAB


@pytest.fixture(scope="module")
def lap(fixture_db):
    con = db.buka(fixture_db)
    hasil = {}
    for bahasa in ("id", "en"):
        langkah = []
        hasil[bahasa] = laporan.susun(con, KAB, 2026, 4, bahasa, progres_cb=lambda f, p: langkah.append(f), lingkup="")
        assert langkah == sorted(langkah) and langkah[-1] == 1.0  # progress only moves forward, to the end
    con.close()
    return hasil


@pytest.fixture(scope="module")
def kpi(fixture_db):
    con = db.buka(fixture_db)
    d = db.jalankan(con, "ringkasan_kpi", lingkup="", kode=KAB, tahun=2026, triwulan=4).set_index("periode").loc["ini"]
    anak = db.jalankan(con, "kebutuhan_per_subwilayah", lingkup="", kode=KAB, tahun=2026, triwulan=4)
    con.close()
    return d, sorted(anak["nama"].unique())


def _teks_pdf(data: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def test_sections_and_pictures(lap):
    b = lap["id"].bagian
    assert [x.kunci for x in b] == ["angka", "peta", "sektor", "progres", "peringkat", "kualitas"]
    assert [x.judul for x in b] == ["Angka utama", "Peta kebutuhan", "Kebutuhan per sektor", "Progres terhadap target",
                                    "Kebutuhan tersisa per kecamatan", "Ringkasan kualitas data"]
    for x in b[1:4]:  # map, sector chart, progress chart
        assert x.gambar and x.gambar.startswith(b"\x89PNG") and len(x.gambar) > 20_000
    assert lap["id"].wilayah == "Jawa Tengah › Kab. Grobogan" and lap["id"].periode == "Triwulan IV 2026"
    assert lap["en"].periode == "Quarter IV 2026" and lap["en"].bagian[0].judul == "Headline figures"


def test_pdf_has_every_section_figure_and_row(lap, kpi):
    ini, kecamatan = kpi
    halaman = _teks_pdf(laporan.pdf(lap["id"]))
    semua = "\n".join(halaman)
    assert len(halaman) >= 6
    assert "Laporan Triwulan Penghapusan Kemiskinan Ekstrem" in halaman[0]
    assert fmt.angka(ini["keluarga"]) in halaman[0] and "." in fmt.angka(ini["keluarga"])  # 18.591 style
    for judul in ("Angka utama", "Peta kebutuhan", "Kebutuhan per sektor", "Progres terhadap target",
                  "Kebutuhan tersisa per kecamatan", "Ringkasan kualitas data"):
        assert judul in semua
    for nama in kecamatan:  # every row of the long table is somewhere, none lost at a page break
        assert nama in semua, nama
    assert all(f"Halaman {i}" in h for i, h in enumerate(halaman, start=1))
    assert "23 November 2026" in halaman[0]


def test_pdf_in_english_uses_english_formats(lap, kpi):
    ini, _ = kpi
    semua = "\n".join(_teks_pdf(laporan.pdf(lap["en"])))
    with dalam_bahasa("en"):
        angka = fmt.angka(ini["keluarga"])
    assert "Quarterly Report on the Elimination of Extreme Poverty" in semua and "Quarter IV 2026" in semua
    assert angka in semua and "," in angka and "Page 2" in semua and "Remaining needs per district" in semua


def test_deck_one_slide_per_section_nothing_off_the_slide(lap, kpi):
    _, kecamatan = kpi
    prs = Presentation(io.BytesIO(laporan.pptx(lap["id"])))
    judul = []
    baris_peringkat = []
    for s in prs.slides:
        for sh in s.shapes:
            assert sh.left >= 0 and sh.top >= 0, sh.name
            assert sh.left + sh.width <= prs.slide_width and sh.top + sh.height <= prs.slide_height, (
                f"shape {sh.name} off the slide")
            if sh.has_text_frame:
                for p in sh.text_frame.paragraphs:
                    for r in p.runs:
                        assert r.font.size is None or r.font.size.pt >= 12
            if sh.has_table:
                tabel = sh.table
                kepala = [tabel.cell(0, j).text for j in range(len(tabel.columns))]
                if kepala[0] == "Kecamatan":
                    baris_peringkat += [tabel.cell(i, 0).text for i in range(1, len(tabel.rows))]
        teks = [sh.text_frame.text for sh in s.shapes if sh.has_text_frame]
        judul.append(teks[0] if teks else "")
    assert judul[0].startswith("Laporan Triwulan")
    for j in ("Angka utama", "Peta kebutuhan", "Kebutuhan per sektor", "Progres terhadap target",
              "Kebutuhan tersisa per kecamatan", "Ringkasan kualitas data"):
        assert j in judul, j
    assert "Kebutuhan tersisa per kecamatan (lanjutan)" in judul  # 19 kecamatan do not fit on one slide
    assert sorted(baris_peringkat) == kecamatan  # every row once, across the continuation slides


def test_workbook_has_the_numbers(lap, fixture_db):
    wb = load_workbook(io.BytesIO(laporan.xlsx(lap["id"])))
    assert wb.sheetnames[0] == "Ringkasan" and "Kebutuhan per sektor" in wb.sheetnames
    ws = wb["Kebutuhan per sektor"]
    kepala = [c.value for c in ws[4]]
    kol = kepala.index("Tersisa") + 1
    nilai = [ws.cell(r, kol).value for r in range(5, ws.max_row + 1)]
    con = db.buka(fixture_db)
    q = db.jalankan(con, "kebutuhan_per_klaster", lingkup="", kode=KAB, tahun=2026, triwulan=4)
    con.close()
    assert nilai == list(q["tersisa"])  # numbers, not text
    persen = ws.cell(5, kepala.index("% tertutup") + 1)
    assert persen.number_format == "0.0%" and 0 <= persen.value <= 1
    assert ws.cell(5, kol).number_format == "#,##0"


def test_cli_writes_the_three_files(fixture_db, tmp_path, capsys):
    from pke.__main__ import main

    keluar = tmp_path / "laporan"
    assert main(["laporan", "--wilayah", KAB, "--db", str(fixture_db), "--bahasa", "en", "--keluar", str(keluar)]) == 0
    berkas = sorted(p.name for p in keluar.iterdir())
    assert berkas == [f"laporan_pke_3315_2026_tw4_en_kabgrobogan.{e}" for e in ("pdf", "pptx", "xlsx")]
    assert capsys.readouterr().out.count(str(keluar)) == 3


def test_report_without_boundaries_says_why_there_is_no_map(db_diubah):
    path = db_diubah("DELETE FROM batas_wilayah")
    con = db.buka(path)
    lap = laporan.susun(con, KAB, 2026, 4, "id", lingkup="")
    con.close()
    peta = lap.bagian[1]
    assert peta.gambar is None and "peta tidak dapat digambar" in peta.teks[1] and len(peta.tabel.tampil) == 15
    assert "peta tidak dapat digambar" in "\n".join(_teks_pdf(laporan.pdf(lap)))
