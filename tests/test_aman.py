"""Safety of what goes out and what comes in, with real bad files written by the tests.

Out: no export carries a formula — CSV cells that a spreadsheet would evaluate start with an apostrophe, XLSX
cells hold exactly the text as a string cell (OWASP CSV injection).
In: an upload cannot stall the server — zip bombs, macro workbooks and oversized files are refused from their
structure before anything is parsed, and the parse itself runs in a separate process with time and memory limits."""
from __future__ import annotations

import csv
import io
import pickle
import shutil
import time
import zipfile

import openpyxl
import pandas as pd
import pytest

from pke import ekspor, gudang, impor, laporan, unggah
from pke.i18n import dalam_bahasa, t
from tests.test_impor import baris, csv_bytes

RUMUS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


@pytest.fixture()
def db(fixture_db, tmp_path):
    salinan = tmp_path / "pke.duckdb"
    gudang.salin(fixture_db, salinan)
    return salinan


def _sel_xlsx(isi: bytes) -> list:
    """Every non-empty cell of every sheet, read back with openpyxl."""
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    return [c for ws in wb.worksheets for r in ws.iter_rows() for c in r if c.value is not None]


def _tanpa_rumus(isi: bytes) -> list:
    sel = _sel_xlsx(isi)
    assert sel and not [c.coordinate for c in sel if c.data_type == "f"]
    with zipfile.ZipFile(io.BytesIO(isi)) as zf:  # not even an empty formula element in the sheet XML
        assert not any(b"<f>" in zf.read(n) or b"<f " in zf.read(n) for n in zf.namelist()
                       if n.startswith("xl/worksheets/"))
    return sel


# ---------- exports never carry formulas -------------------------------------------------------------

def test_netralkan_csv_teks_saja():
    df = pd.DataFrame({"teks": RUMUS + ["biasa", None], "angka": [-5, -2, 0, 3, 4, 5, -1, 7],
                       "pecahan": [-0.5] * 8})
    d = ekspor.netralkan(df)
    assert list(d["teks"][:6]) == ["'" + v for v in RUMUS] and d["teks"].iloc[6] == "biasa"
    assert pd.isna(d["teks"].iloc[7])
    assert d["angka"].tolist() == df["angka"].tolist() and d["angka"].dtype == df["angka"].dtype  # numbers untouched
    assert d["pecahan"].tolist() == [-0.5] * 8
    assert df["teks"].iloc[0] == RUMUS[0]  # the input is not changed
    kembali = list(csv.reader(io.StringIO(ekspor.ke_csv(df).decode("utf-8-sig"), newline="")))
    assert [r[0] for r in kembali[1:7]] == ["'" + v for v in RUMUS]
    assert kembali[1][1] == "-5" and kembali[1][2] == "-0.5"


def test_baris_ditolak_csv_dan_ekspor_excel_tanpa_rumus(db):
    alamat = ["\tcmd", "@SUM(A1)", "-2+3", "+1+1"]  # (a bare CR would split the row in the test's own CSV)
    rows = [baris(i + 1, kepala_keluarga=v, alamat=alamat[i]) for i, v in enumerate(RUMUS[:4])]
    # the same values where validation rejects them, so they come back in the rejected-rows file
    rows += [baris(10, nik=RUMUS[0]), baris(11, desil_kesejahteraan=RUMUS[2]),
             baris(12, kode_kemdagri=RUMUS[3]), baris(13, padan_dukcapil=RUMUS[1])]
    hasil = impor.periksa_keluarga(db, csv_bytes(rows), "rumus.csv")
    assert len(hasil.diterima) == 4 and hasil.baris_ditolak == 4
    assert list(hasil.diterima["kepala_keluarga"]) == RUMUS[:4]  # the data itself is kept as typed

    kembali = list(csv.DictReader(io.StringIO(hasil.ditolak_csv().decode("utf-8-sig"), newline="")))
    nilai = {(r["baris"], r["kolom"]): r["nilai"] for r in kembali}
    assert nilai[("6", "nik")] == "'" + RUMUS[0]
    assert nilai[("7", "desil_kesejahteraan")] == "'" + RUMUS[2]
    assert nilai[("8", "kode_kemendagri")] == "'" + RUMUS[3]
    assert nilai[("9", "padan_dukcapil")] == "'" + RUMUS[1]

    ids = list(hasil.diterima["id_keluarga_p3ke"])
    skor = pd.Series([-1.5, 2.0, -3.0, 4.0])
    for lengkap in (True, False):
        isi = ekspor.lembar_verval(hasil.diterima, ids, skor, tampilkan_data_pribadi=lengkap)
        sel = _tanpa_rumus(isi)
        ws = openpyxl.load_workbook(io.BytesIO(isi))["verval"]
        kepala = [c.value for c in ws[1]]
        kk = [ws.cell(r, kepala.index("kepala_keluarga") + 1) for r in range(2, 6)]
        assert all(c.data_type == "s" for c in kk)
        if lengkap:
            assert [c.value for c in kk] == RUMUS[:4]
            # the import strips surrounding whitespace, so "\tcmd" arrives as "cmd"
            assert [ws.cell(r, kepala.index("alamat") + 1).value for r in range(2, 6)] == ["cmd"] + alamat[1:]
        else:  # masked names still start with the risky character: still text
            assert all(c.value[0] == v[0] and "*" in c.value for c, v in zip(kk, RUMUS))
        s = [ws.cell(r, kepala.index("skor_prioritas") + 1) for r in range(2, 6)]
        assert [c.value for c in s] == [-1.5, 2.0, -3.0, 4.0] and {c.data_type for c in s} == {"n"}
        assert all(c.data_type == "s" for c in sel if ekspor.berisiko(c.value))

    tabel = pd.DataFrame({"Desa": RUMUS, "Keluarga": [-1, 2, -3, 4, 5, 6]})
    isi = ekspor.tabel_excel({"Daftar": tabel, "=Lain": tabel.rename(columns={"Desa": "-Desa"})})
    sel = _tanpa_rumus(isi)
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    for ws in wb.worksheets:
        teks = [ws.cell(r, 1) for r in range(2, 8)]
        assert [c.value for c in teks] == RUMUS and {c.data_type for c in teks} == {"s"}
        assert [ws.cell(r, 2).value for r in range(2, 8)] == [-1, 2, -3, 4, 5, 6]
    assert wb.worksheets[1]["A1"].value == "-Desa" and wb.worksheets[1]["A1"].data_type == "s"
    assert all(c.data_type == "s" for c in sel if ekspor.berisiko(c.value))


def test_laporan_xlsx_tanpa_rumus():
    data = pd.DataFrame({"Kecamatan": RUMUS, "Keluarga": [-1, 2, -3, 4, 5, 6], "% tertutup": [0.5] * 6})
    lap = laporan.Laporan(judul="=cmd|' /C calc'!A0", wilayah="@Grobogan", periode="Triwulan IV 2026",
                          dibuat="-", bahasa="id", nama_berkas="uji", demo=True,
                          bagian=[laporan.Bagian("angka", "Angka utama", teks=["=1+1"], angka=[("@label", "-12")]),
                                  laporan.Bagian("uji", "Uji", tabel=laporan.Tabel(data.astype(str), data,
                                                                                   persen=("% tertutup",)))])
    sel = _tanpa_rumus(laporan.xlsx(lap))
    ws = openpyxl.load_workbook(io.BytesIO(laporan.xlsx(lap)))["Uji"]
    assert [ws.cell(r, 1).value for r in range(5, 11)] == RUMUS
    assert {ws.cell(r, 1).data_type for r in range(5, 11)} == {"s"}
    assert [ws.cell(r, 2).value for r in range(5, 11)] == [-1, 2, -3, 4, 5, 6]
    assert {"=1+1", "@label", "-12"} <= {c.value for c in sel}
    assert all(c.data_type == "s" for c in sel if ekspor.berisiko(c.value))


# ---------- uploads: refused from their structure --------------------------------------------------------

def _xlsx_baik(n: int = 3) -> bytes:
    wb = openpyxl.Workbook()
    from tests.test_impor import KEPALA

    wb.active.append(KEPALA)
    for i in range(1, n + 1):
        r = baris(i)
        wb.active.append([r[k] for k in KEPALA])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _ganti_anggota(isi: bytes, tambahan: dict[str, bytes] | None = None, bom: tuple[str, int] | None = None) -> bytes:
    """A copy of the workbook `isi` with members added, or one member replaced by `ukuran` bytes of sheet rows
    written through the deflater in 1 MB chunks (the bytes exist only compressed)."""
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(isi)) as asal, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED,
                                                                   compresslevel=1) as zf:
        for info in asal.infolist():
            if bom and info.filename == bom[0]:
                with zf.open(bom[0], "w", force_zip64=True) as f:
                    f.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                            b'spreadsheetml/2006/main"><sheetData>')
                    blok = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * (2 ** 20 // 48)
                    tertulis = 0
                    while tertulis < bom[1]:
                        f.write(blok)
                        tertulis += len(blok)
                    f.write(b"</sheetData></worksheet>")
            else:
                zf.writestr(info, asal.read(info))
        for nama, data in (tambahan or {}).items():
            zf.writestr(nama, data)
    return keluar.getvalue()


@pytest.fixture(scope="module")
def bom_2gb(tmp_path_factory) -> bytes:
    berkas = tmp_path_factory.mktemp("bom") / "bom.xlsx"
    berkas.write_bytes(_ganti_anggota(_xlsx_baik(), bom=("xl/worksheets/sheet1.xml", 2 * 2 ** 30)))
    return berkas.read_bytes()


@pytest.fixture()
def tanpa_parse(monkeypatch):
    """Fails the test if anything tries to parse the workbook or start the checking process."""
    def dilarang(*a, **k):
        raise AssertionError("file was parsed or the check was started")

    monkeypatch.setattr(pd, "read_excel", dilarang)
    monkeypatch.setattr(openpyxl, "load_workbook", dilarang)
    monkeypatch.setattr(impor, "periksa", dilarang)
    monkeypatch.setattr(unggah, "_jalankan", dilarang)


def test_bom_zip_2gb_ditolak_cepat(bom_2gb, db, tanpa_parse):
    assert len(bom_2gb) < 30 * 2 ** 20  # 2 GB of sheet, a few MB on disk
    with zipfile.ZipFile(io.BytesIO(bom_2gb)) as zf:
        assert zf.getinfo("xl/worksheets/sheet1.xml").file_size > 2 * 2 ** 30
    mulai = time.perf_counter()
    with pytest.raises(impor.ImporError, match="^Berkas terlalu besar setelah diekstrak: bom.xlsx berisi 2,0 GB "
                                               r"data \(batasnya 1,5 GB\)\.$"):
        unggah.periksa_terpisah("keluarga", db, bom_2gb, "bom.xlsx")
    assert time.perf_counter() - mulai < 5


def test_bom_rasio_ditolak(db, tanpa_parse):
    isi = _ganti_anggota(_xlsx_baik(), bom=("xl/worksheets/sheet1.xml", 60 * 2 ** 20))
    assert len(isi) < 1 * 2 ** 20  # 60 MB: under the total limit, but compressed over 100:1
    mulai = time.perf_counter()
    with pytest.raises(impor.ImporError, match=r"^Berkas terlalu besar setelah diekstrak: bagian "
                                               r"xl/worksheets/sheet1.xml di rasio.xlsx mengembang [\d.]+ kali"):
        unggah.periksa_terpisah("keluarga", db, isi, "rasio.xlsx")
    assert time.perf_counter() - mulai < 5


def test_batas_ekstrak_dari_direktori(db, monkeypatch, tanpa_parse):
    """Many members, each small and each compressing modestly: the sum counts."""
    monkeypatch.setattr(unggah, "BATAS_EKSTRAK", 1_000_000)
    tambahan = {f"xl/media/gambar{i}.bin": bytes(range(256)) * 1000 for i in range(5)}
    with pytest.raises(impor.ImporError, match="terlalu besar setelah diekstrak"):
        unggah.periksa_terpisah("keluarga", db, _ganti_anggota(_xlsx_baik(), tambahan), "banyak.xlsx")


@pytest.mark.parametrize("nama, pesan", [
    ("makro.xlsm", "^Buku kerja dengan makro tidak diterima; simpan sebagai .xlsx biasa.$"),
    ("lama.xls", r"^Buku kerja .xls tidak diterima karena dapat berisi makro; simpan sebagai .xlsx biasa.$"),
    ("biner.xlsb", "simpan sebagai .xlsx biasa"),
])
def test_buku_kerja_makro_menurut_nama(db, tanpa_parse, nama, pesan):
    with pytest.raises(impor.ImporError, match=pesan):
        unggah.periksa_terpisah("keluarga", db, _xlsx_baik(), nama)


def test_buku_kerja_makro_menurut_isi(db, tanpa_parse):
    vba = _ganti_anggota(_xlsx_baik(), {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 512})
    with pytest.raises(impor.ImporError, match="^Buku kerja dengan makro tidak diterima"):
        unggah.periksa_terpisah("keluarga", db, vba, "tersamar.xlsx")
    # a macro workbook renamed .xlsx: its content type still says so
    asli = _xlsx_baik()
    with zipfile.ZipFile(io.BytesIO(asli)) as zf:
        jenis = zf.read("[Content_Types].xml").replace(
            b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml")
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(asli)) as asal, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in asal.infolist():
            zf.writestr(info, jenis if info.filename == "[Content_Types].xml" else asal.read(info))
    with pytest.raises(impor.ImporError, match="^Buku kerja dengan makro tidak diterima"):
        unggah.periksa_terpisah("keluarga", db, keluar.getvalue(), "tersamar2.xlsx")


@pytest.mark.parametrize("nama, isi, pesan", [
    ("rusak.xlsx", b"PK\x03\x04 bukan excel", "^Berkas rusak.xlsx tidak dapat dibuka sebagai Excel"),
    ("teks.xlsx", b"id_keluarga_p3ke,nik\n1,2\n", "^Berkas teks.xlsx tidak dapat dibuka sebagai Excel"),
    ("kosong.csv", b"  \n", "^Berkas kosong.csv kosong.$"),
    ("gambar.png", b"\x89PNG\r\n", "tidak didukung"),
])
def test_bukan_buku_kerja(db, tanpa_parse, nama, isi, pesan):
    with pytest.raises(impor.ImporError, match=pesan):
        unggah.periksa_terpisah("keluarga", db, isi, nama)


def test_ukuran_unggahan(db, monkeypatch, tanpa_parse):
    assert unggah.BATAS_UNGGAH == 1024 * 1024 * 1024
    monkeypatch.setattr(unggah, "BATAS_UNGGAH", 1000)
    with pytest.raises(impor.ImporError, match=r"^Berkas besar.csv terlalu besar \(\d+ KB\); batasnya 1 KB\.$"):
        unggah.periksa_terpisah("keluarga", db, csv_bytes([baris(i) for i in range(1, 20)]), "besar.csv")


def test_batas_baris_csv_dan_xlsx(db, monkeypatch, tanpa_parse):
    assert unggah.BATAS_BARIS == 2_000_000
    monkeypatch.setattr(unggah, "BATAS_BARIS", 10)
    with pytest.raises(impor.ImporError, match="^Berkas panjang.csv berisi lebih dari 10 baris data"):
        unggah.periksa_unggahan(csv_bytes([baris(i) for i in range(1, 12)]), "panjang.csv")
    with pytest.raises(impor.ImporError, match="lebih dari 10 baris data"):
        unggah.periksa_unggahan(csv_bytes([baris(i) for i in range(1, 12)], sep=";"), "panjang.csv")
    with pytest.raises(impor.ImporError, match="^Berkas panjang.xlsx berisi lebih dari 10 baris data"):
        unggah.periksa_unggahan(_xlsx_baik(11), "panjang.xlsx")
    # exactly at the limit, and a file whose quoted cells hold line breaks (more lines than rows): accepted
    unggah.periksa_unggahan(csv_bytes([baris(i) for i in range(1, 11)]), "pas.csv")
    unggah.periksa_unggahan(_xlsx_baik(10), "pas.xlsx")
    berbaris = csv_bytes([baris(i, alamat="RT 1\nRW 2\nDusun 3") for i in range(1, 9)])
    assert berbaris.count(b"\n") > 20
    unggah.periksa_unggahan(berbaris, "alamat.csv")


# ---------- uploads: checked in a separate process -----------------------------------------------------

def test_periksa_terpisah_sama_dengan_periksa(db):
    rows = [baris(i) for i in range(1, 201)]
    rows[5]["nik"] = "123"
    rows[9]["desil_kesejahteraan"] = "7"
    isi = csv_bytes(rows)
    biasa = impor.periksa("keluarga", db, isi, "desa.csv")
    terpisah = unggah.periksa_terpisah("keluarga", db, isi, "desa.csv")
    assert (len(terpisah.diterima), terpisah.baris_ditolak) == (len(biasa.diterima), biasa.baris_ditolak) == (198, 2)
    pd.testing.assert_frame_equal(terpisah.diterima, biasa.diterima)
    pd.testing.assert_frame_equal(terpisah.ditolak, biasa.ditolak)
    assert terpisah.hash == biasa.hash and terpisah.catatan == biasa.catatan and terpisah.ringkasan() == biasa.ringkasan()
    kembali = pickle.loads(pickle.dumps(biasa))
    pd.testing.assert_frame_equal(kembali.diterima, biasa.diterima)

    xlsx = _xlsx_baik(5)
    assert len(unggah.periksa_terpisah("keluarga", db, xlsx, "desa.xlsx").diterima) == 5


def test_pesan_dari_proses_terpisah_dalam_bahasa_pemanggil(db):
    isi = csv_bytes([baris(1), baris(2, nik="12")])
    salah = b"id_keluarga_p3ke,desil_kesejahteraan\nP1,1\n"
    with dalam_bahasa("en"):
        hasil = unggah.periksa_terpisah("keluarga", db, isi, "desa.csv")
        assert hasil.ditolak["alasan"].iloc[0] == t("NIK harus 16 digit (tertulis {n} digit)", n=2)
        assert hasil.ditolak["alasan"].iloc[0].startswith("NIK must")
        with pytest.raises(impor.ImporError) as galat:
            unggah.periksa_terpisah("keluarga", db, salah, "kurang.csv")
        with pytest.raises(impor.ImporError) as di_sini:
            impor.periksa("keluarga", db, salah, "kurang.csv")
    assert str(galat.value) == str(di_sini.value) and "Kolom" not in str(galat.value)
    with pytest.raises(impor.ImporError, match="^Kolom wajib tidak ada: kode_kemendagri, kepala_keluarga, nik"):
        unggah.periksa_terpisah("keluarga", db, salah, "kurang.csv")


def test_batas_waktu(db):
    isi = csv_bytes([baris(i) for i in range(1, 20_001)])
    mulai = time.perf_counter()
    with pytest.raises(impor.ImporError, match=r"^Pemeriksaan berkas dihentikan: melebihi 0,01 detik\.$"):
        unggah.periksa_terpisah("keluarga", db, isi, "besar.csv", batas_detik=0.01)
    assert time.perf_counter() - mulai < 5
    # the next check works: nothing was left behind
    assert len(unggah.periksa_terpisah("keluarga", db, csv_bytes([baris(1)]), "kecil.csv").diterima) == 1


def test_batas_memori(db):
    isi = csv_bytes([baris(i) for i in range(1, 20_001)])
    with pytest.raises(impor.ImporError, match=r"^Pemeriksaan berkas dihentikan: .*batas memori \(100 MB\)"):
        unggah.periksa_terpisah("keluarga", db, isi, "besar.csv", batas_memori=100 * 2 ** 20)


def test_impor_dengan_hasil_pemeriksaan_terpisah(db):
    """The view imports what the separate process checked: the server never parses the file itself."""
    import duckdb

    isi = csv_bytes([baris(1), baris(2), baris(3, nik="1")])
    hasil = unggah.periksa_terpisah("keluarga", db, isi, "desa.csv")
    with pytest.raises(ValueError):
        impor.impor_berkas("keluarga", db, csv_bytes([baris(1)]), "lain.csv", "Budi", hasil=hasil)
    selesai = impor.impor_berkas("keluarga", db, isi, "desa.csv", "Budi", hasil=hasil)
    assert selesai.id_impor == 1 and len(selesai.diterima) == 2
    c = duckdb.connect(str(db), read_only=True)
    assert c.execute("SELECT count(*) FROM keluarga WHERE id_impor = 1").fetchall()[0][0] == 2
    c.close()


def test_pesan_dalam_bahasa_inggris(db, bom_2gb):
    with dalam_bahasa("en"):
        with pytest.raises(impor.ImporError, match="^Workbooks with macros are not accepted; save as a plain .xlsx."):
            unggah.periksa_unggahan(_xlsx_baik(), "makro.xlsm")
        with pytest.raises(impor.ImporError, match=r"^File too large once extracted: .*\(limit 1.5 GB\)"):
            unggah.periksa_unggahan(bom_2gb, "bom.xlsx")
        with pytest.raises(impor.ImporError, match=r"^File check stopped: it took longer than 0.01 seconds\.$"):
            unggah.periksa_terpisah("keluarga", db, csv_bytes([baris(1)]), "a.csv", batas_detik=0.01)
