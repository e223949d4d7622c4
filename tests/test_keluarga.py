"""Daftar Keluarga (issue 13 item 6): "desil-1 families in this kecamatan with an elderly head living alone and no
PKH; export them". Programme filters against direct queries on the fixture, filters in the URL, paging through the
whole list, exports of the whole filtered list (masked, or in full with a purpose; audited with the filter and the
row count; hostile values as text), the export right, and the region scope."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from pke import akun, audit, db, ekspor, gudang, operasional, prioritas, privasi
from pke.config import ROOT, QUERIES_DIR
from tests.test_app import _app

KEC = "33.15.01"
PROGRAM = ("pkh", "bpnt", "sembako", "bst", "bpum")
TANPA_FILTER = dict(cari="", desil=[], klaster=[], status=[], lansia=False, sendiri=False, disabilitas=False,
                    kronis=False, belum_terjangkau=False, pkh=None, bpnt=None, sembako=None, bst=None, bpum=None,
                    nama_sebagian=True)


def jumlah(con, kode=KEC, lingkup="", **filter_) -> int:
    return int(db.jalankan(con, "daftar_keluarga_jumlah", lingkup=lingkup, kode=kode,
                           **{**TANPA_FILTER, **filter_})["total"].iloc[0])


def halaman(con, kode=KEC, mulai=0, batas=100, lingkup="", **filter_):
    return db.jalankan(con, "daftar_keluarga", lingkup=lingkup, kode=kode, mulai=mulai, batas=batas,
                       **{**TANPA_FILTER, **filter_}, **prioritas.parameter())


# The conditions written out on the source tables (members counted as the P3KE rules say: the deceased and those
# who moved away are not members any more; age at the data's date), not through keluarga_fitur.
LANGSUNG = """
WITH anggota AS (
    SELECT i.id_keluarga_p3ke, count(*) AS n,
           bool_or(i.hubungan_dengan_kepala_keluarga = 'Kepala keluarga'
                   AND date_sub('year', i.tanggal_lahir, i.snapshot) >= 60) AS kepala_60
    FROM individu i JOIN keluarga_aktif k USING (id_keluarga_p3ke, snapshot)
    WHERE coalesce(i.keterangan, '') NOT IN ('Meninggal', 'Pindah')
    GROUP BY 1
)
SELECT count(*) FROM keluarga_aktif k LEFT JOIN anggota a USING (id_keluarga_p3ke)
WHERE k.kode_kemendagri LIKE ? || '.%' AND {syarat}
"""


def langsung(con, syarat: str, kode=KEC) -> int:
    return con.execute(LANGSUNG.format(syarat=syarat), [kode]).fetchone()[0]


def test_filter_program_sama_dengan_kueri_langsung(con):
    kab = "33.15"
    for p in PROGRAM:
        ya, tidak = jumlah(con, kab, **{p: True}), jumlah(con, kab, **{p: False})
        assert ya == langsung(con, f"k.penerima_{p}", kab) > 0, p
        assert tidak == langsung(con, f"NOT coalesce(k.penerima_{p}, FALSE)", kab) > 0, p
        assert ya + tidak == jumlah(con, kab)
    # combined: recipients of BPNT and Sembako without PKH
    assert jumlah(con, kab, bpnt=True, sembako=True, pkh=False) == langsung(
        con, "k.penerima_bpnt AND k.penerima_sembako AND NOT k.penerima_pkh", kab) > 0
    # the question: desil 1, head 60 or older, living alone, no PKH — in this kecamatan
    n = jumlah(con, desil=[1], lansia=True, sendiri=True, pkh=False)
    assert n == langsung(con, "k.desil_kesejahteraan = 1 AND a.kepala_60 AND a.n = 1 AND NOT k.penerima_pkh") > 0
    daftar = halaman(con, desil=[1], lansia=True, sendiri=True, pkh=False)
    assert len(daftar) == n and (daftar["desil"] == 1).all() and (daftar["n_individu"] == 1).all()
    assert daftar["kepala_lansia"].all() and not daftar["program_diterima"].str.contains("PKH").any()


def test_filter_satu_teks_di_tiga_kueri():
    """The page, its total and its export filter with the same FROM and WHERE text, so they cannot drift apart."""
    def bagian(nama):
        teks = (QUERIES_DIR / f"{nama}.sql").read_text()
        dari = teks[teks.index("FROM keluarga_fitur"):]
        dari = dari[:dari.index("ORDER BY")] if "ORDER BY" in dari else dari.rstrip().rstrip(";")
        return dari.split("WHERE", 1)

    halaman_, total = bagian("daftar_keluarga"), bagian("daftar_keluarga_jumlah")
    ekspor_ = bagian("daftar_keluarga_ekspor")
    assert halaman_[1].strip() == total[1].strip() == ekspor_[1].strip()
    assert halaman_[0] == total[0] and ekspor_[0].startswith(halaman_[0])
    assert "LEFT JOIN" in ekspor_[0][len(halaman_[0]):] and " JOIN" not in ekspor_[0][len(halaman_[0]):].replace(
        "LEFT JOIN", "")  # the export only adds names: it can drop no row


def test_pertanyaan_dari_tautan(app_env, con):
    """A link answers the question: the filters come from the URL, the count is the direct query's."""
    at = _app("pages/keluarga.py", sebagai="analis", wilayah=KEC, desil="1", lansia="1", sendiri="1", pkh="tidak")
    n = langsung(con, "k.desil_kesejahteraan = 1 AND a.kepala_60 AND a.n = 1 AND NOT k.penerima_pkh")
    assert any(f"**{n} keluarga** memenuhi filter." in m.value for m in at.markdown)
    assert at.multiselect(key="f_desil").value == [1]
    assert at.checkbox(key="f_lansia").value and at.checkbox(key="f_sendiri").value
    assert at.selectbox(key="f_pkh").value == "tidak" and at.selectbox(key="f_bpnt").value == ""
    tabel = at.dataframe[0].value
    assert len(tabel) == n and (tabel["Desil"] == 1).all()
    assert (tabel["Lansia"] == "ya").all() and (tabel["Sendiri"] == "ya").all() and (tabel["Anggota"] == 1).all()
    assert not tabel["Bansos diterima"].str.contains("PKH").any()
    # a changed filter goes into the URL (a link to share), invalid URL values are dropped
    at.selectbox(key="f_bpnt").set_value("ya").run()
    assert url(at, "bpnt") == "ya" and url(at, "pkh") == "tidak" and url(at, "desil") == "1"
    n2 = langsung(con, "k.desil_kesejahteraan = 1 AND a.kepala_60 AND a.n = 1 AND NOT k.penerima_pkh "
                       "AND k.penerima_bpnt")
    assert any(f"**{n2} keluarga** memenuhi filter" in m.value for m in at.markdown)
    aneh = _app("pages/keluarga.py", sebagai="analis", wilayah=KEC, desil="1,9,x", pkh="mungkin",
                klaster="rtlh,'; DROP TABLE keluarga; --")
    assert aneh.multiselect(key="f_desil").value == [1] and aneh.selectbox(key="f_pkh").value == ""
    assert aneh.multiselect(key="f_klaster").value == ["rtlh"]
    assert any(f"**{jumlah(con, desil=[1], klaster=['rtlh'])} keluarga**" in m.value for m in aneh.markdown)


def url(at, kunci: str) -> str:
    return str(at.query_params[kunci]).strip("[]'")


def test_halaman_demi_halaman(app_env, con):
    at = _app("pages/keluarga.py", sebagai="analis", wilayah=KEC)
    total = jumlah(con, nama_sebagian=False)
    n_hal = -(-total // 100)
    assert n_hal >= 3
    urut = halaman(con, batas=total, nama_sebagian=False)  # the whole list in the page's order
    nik = urut["nik"].map(privasi.samarkan_nik)

    def nik_tabel():
        return list(at.dataframe[0].value["NIK"])

    assert any(f"halaman 1 dari {n_hal} (keluarga 1–100," in m.value for m in at.markdown)
    assert nik_tabel() == list(nik[:100])
    at.button(key="keluarga_berikut").click().run()
    assert at.number_input(key="keluarga_hal").value == 2
    assert nik_tabel() == list(nik[100:200])  # page 2 starts where page 1 ends
    assert any(f"halaman 2 dari {n_hal} (keluarga 101–200," in m.value for m in at.markdown)
    at.number_input(key="keluarga_hal").set_value(n_hal).run()
    sisa = total - (n_hal - 1) * 100
    assert nik_tabel() == list(nik[(n_hal - 1) * 100:]) and len(nik_tabel()) == sisa
    assert at.button(key="keluarga_berikut").disabled and not at.button(key="keluarga_sebelum").disabled
    assert any(f"halaman {n_hal} dari {n_hal}" in m.value for m in at.markdown)
    at.button(key="keluarga_sebelum").click().run()
    assert nik_tabel() == list(nik[(n_hal - 2) * 100:(n_hal - 1) * 100])
    # every page shown is a look at other households: one audit entry per page, with the filter and the total
    lihat = audit.daftar(operasional.buka(), pengguna="analis", aksi=audit.LIHAT_NAMA)
    assert sorted(e["rincian"]["halaman"] for e in lihat) == sorted({1, 2, n_hal, n_hal - 1})
    assert all(e["rincian"]["total"] == total for e in lihat)
    # a new filter starts again at page 1
    at.multiselect(key="f_desil").set_value([1]).run()
    assert at.number_input(key="keluarga_hal").value == 1
    assert list(at.dataframe[0].value["Desil"].unique()) == [1]


@pytest.fixture()
def unduhan(monkeypatch):
    """The data callbacks of the download buttons drawn, by file name: Streamlit runs one when its button is clicked
    (AppTest never does), here the test does."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    dicatat = {}
    asli = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        dicatat[Path(file_name).suffix] = data_callable
        return asli(self, data_callable, mimetype, coordinates, file_name=file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return dicatat


def _lembar(isi: bytes) -> tuple[list[str], list[dict], openpyxl.Workbook]:
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    ws = wb["verval"]
    kepala = [c.value for c in ws[1]]
    return kepala, [dict(zip(kepala, [c.value for c in r])) for r in ws.iter_rows(min_row=2)], wb


def _csv(isi: bytes) -> tuple[str, list[dict]]:
    baris = list(csv.reader(io.StringIO(isi.decode("utf-8-sig"), newline="")))
    return baris[0][0], [dict(zip(baris[1], r)) for r in baris[2:]]


def test_ekspor_seluruh_daftar(app_env, con, unduhan):
    """The operator's export holds every household of the filtered list (not one page), in the page's order,
    masked until a purpose is stated; each download is audited with the filter and the row count first."""
    at = _app("pages/keluarga.py", sebagai="operator", wilayah=KEC, desil="1")
    total = jumlah(con, desil=[1], nama_sebagian=False)
    assert total > 100  # more than one page
    assert [b.label for b in at.get("download_button")] == [
        f"Unduh lembar verval ({total} keluarga, Excel)", f"Unduh CSV ({total} keluarga)"]
    urut = halaman(con, desil=[1], batas=total)
    kepala, baris, wb = _lembar(unduhan[".xlsx"]())
    assert kepala[:3] == ["No", "id_keluarga_p3ke", "provinsi"] and kepala[-6] == "skor_prioritas"
    assert kepala[-5:] == list(ekspor.KOLOM_VERVAL)
    assert len(baris) == total and [b["No"] for b in baris] == list(range(1, total + 1))
    assert [b["id_keluarga_p3ke"] for b in baris] == list(urut["id_keluarga_p3ke"])
    assert [b["skor_prioritas"] for b in baris] == list(urut["skor"])
    assert all(b["desil_kesejahteraan"] == 1 and b["kecamatan"] == "Kedungjati" for b in baris)
    assert all(re.fullmatch(r"\d{4}\*{8}\d{4}", b["nik"]) and "*" in b["kepala_keluarga"] for b in baris)
    assert all(b["tanggal_lahir"] is None or isinstance(b["tanggal_lahir"], int) for b in baris)  # year only
    assert "Diekspor oleh operator" in wb["keterangan"]["A2"].value and "disamarkan" in wb["keterangan"]["A2"].value
    penanda, isi_csv = _csv(unduhan[".csv"]())
    assert penanda.startswith("Diekspor oleh operator") and len(isi_csv) == total
    assert [r["id_keluarga_p3ke"] for r in isi_csv] == list(urut["id_keluarga_p3ke"])
    assert all(re.fullmatch(r"\d{4}\*{8}\d{4}", r["nik"]) for r in isi_csv)
    toko = operasional.buka()
    ekspor_ = audit.daftar(toko, pengguna="operator", aksi=audit.EKSPOR_NAMA)
    assert sorted(e["rincian"]["format"] for e in ekspor_) == ["csv", "xlsx"]
    for e in ekspor_:
        assert e["lingkup"] == KEC and e["rincian"]["baris"] == total and e["rincian"]["lengkap"] is False
        assert e["rincian"]["filter"]["desil"] == [1] and e["rincian"]["tujuan"] is None

    # with a stated purpose: NIK and names in full, the purpose in the sheet and in the log
    at.toggle[0].set_value(True).run()
    at.selectbox(key="keluarga_tujuan").set_value("verval").run()
    _, baris, wb = _lembar(unduhan[".xlsx"]())
    asli = dict(con.execute("SELECT id_keluarga_p3ke, nik FROM keluarga_aktif WHERE kode_kemendagri LIKE ?",
                            [KEC + ".%"]).fetchall())
    assert len(baris) == total and all(b["nik"] == asli[b["id_keluarga_p3ke"]] for b in baris)
    assert all(isinstance(b["tanggal_lahir"], dt.datetime) for b in baris)
    assert "tujuan: Verifikasi dan validasi (verval) lapangan" in wb["keterangan"]["A2"].value
    _, isi_csv = _csv(unduhan[".csv"]())
    assert all(r["nik"] == asli[r["id_keluarga_p3ke"]] for r in isi_csv)
    penuh = [e for e in audit.daftar(toko, pengguna="operator", aksi=audit.EKSPOR_NAMA) if e["rincian"]["lengkap"]]
    assert len(penuh) == 2 and {e["rincian"]["tujuan"] for e in penuh} == {"verval"}
    assert not re.search(r"\d{16}", toko.execute("SELECT group_concat(rincian) FROM audit").fetchone()[0])


def test_ekspor_pertanyaan_dengan_filter_program(app_env, con, unduhan):
    """The question's export: exactly the filtered families, and the log says which filter it was."""
    _app("pages/keluarga.py", sebagai="operator", wilayah=KEC, desil="1", lansia="1", sendiri="1", pkh="tidak")
    n = langsung(con, "k.desil_kesejahteraan = 1 AND a.kepala_60 AND a.n = 1 AND NOT k.penerima_pkh")
    _, baris, _ = _lembar(unduhan[".xlsx"]())
    assert len(baris) == n and all(b["penerima_pkh"] == "Tidak" for b in baris)
    e = audit.daftar(operasional.buka(), pengguna="operator", aksi=audit.EKSPOR_NAMA)[0]
    assert e["rincian"]["baris"] == n
    assert e["rincian"]["filter"] | {"cari": ""} == {
        "cari": "", "desil": [1], "klaster": [], "status": [], "lansia": True, "sendiri": True, "disabilitas": False,
        "kronis": False, "belum_terjangkau": False, "program": {"pkh": "tidak"}}


def test_tanpa_hak_ekspor_tanpa_tombol(app_env):
    at = _app("pages/keluarga.py", sebagai="analis", wilayah=KEC)  # analysts see masked lists, export nothing
    assert at.dataframe and not at.get("download_button")
    assert any("hanya dapat diunduh oleh akun yang berhak" in c.value for c in at.caption)


def test_batas_ekspor(app_env, monkeypatch):
    """A list longer than one export may hold asks for a narrower filter instead of a download."""
    monkeypatch.setattr(ekspor, "BATAS_BARIS", 50)
    at = _app("pages/keluarga.py", sebagai="operator", wilayah=KEC)
    assert at.dataframe and not at.get("download_button")
    assert any("paling banyak 50 keluarga" in i.value for i in at.info)
    at.multiselect(key="f_klaster").set_value(["rtlh"]).run()
    at.multiselect(key="f_desil").set_value([1]).run()
    at.checkbox(key="f_lansia").check().run()
    assert [b.label for b in at.get("download_button")][:1] == [
        f"Unduh lembar verval ({jumlah_app(at)} keluarga, Excel)"]


def jumlah_app(at) -> str:
    return next(re.search(r"\*\*(\S+) keluarga\*\*", m.value).group(1) for m in at.markdown if "keluarga**" in m.value)


def test_lingkup_kabupaten_lain(app_env, con):
    """An operator of another kabupaten opening a Grobogan link sees nothing and can export nothing; the queries
    with that scope return nothing even for a wider region."""
    toko = operasional.buka()
    akun.tambah(toko, "op.banjarnegara", "sandi-yang-panjang-7", "wilayah", "33.04")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["wilayah"] = KEC
    at.session_state["_token"] = akun.buat_sesi(toko, "op.banjarnegara")
    at.run()
    assert any("Wilayah 33.15.01 di luar wilayah akses" in e.value for e in at.error)
    at.switch_page("pages/keluarga.py").run()
    assert not at.exception
    assert not at.dataframe and not at.get("download_button")  # its own (empty) region: no household at all
    assert not any("keluarga**" in m.value for m in at.markdown)
    for kode in ("", "33", "33.15", KEC):
        assert jumlah(con, kode=kode, lingkup="33.04") == 0
        assert halaman(con, kode=kode, lingkup="33.04").empty
        assert sum(b.num_rows for b in ekspor.potongan_kueri(con, "daftar_keluarga_ekspor", kode=kode, lingkup="33.04",
                                                             **TANPA_FILTER, **prioritas.parameter())) == 0


def test_nilai_jahat_tetap_teks_di_ekspor(fixture_db, tmp_path, monkeypatch, unduhan):
    """Formula-like names and addresses that arrived in an imported P3KE file are text in both exports."""
    from pke import impor
    from tests.test_impor import baris, csv_bytes

    salinan = tmp_path / "pke.duckdb"
    gudang.salin(fixture_db, salinan)
    rumus = ['=HYPERLINK("http://evil.example","klik")', "+1+1", "-2+3", "@SUM(A1)", "#DIV/0!"]
    rows = [baris(i + 1, kepala_keluarga=r, alamat=r, pekerjaan="Buruh\x07 tani") for i, r in enumerate(rumus)]
    hasil = impor.impor_berkas("keluarga", salinan, csv_bytes(rows), "jahat.csv", "uji", dt.date(2026, 11, 25))
    assert len(hasil.diterima) == len(rumus), hasil.ditolak
    monkeypatch.setenv("PKE_DB", str(salinan))
    toko = operasional.buka()
    akun.tambah(toko, "op.kedungjati", "sandi-yang-panjang-4", "wilayah", KEC)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["wilayah"] = KEC + ".2001"
    at.session_state["_token"] = akun.buat_sesi(toko, "op.kedungjati")
    at.run()
    at.switch_page("pages/keluarga.py").run()
    at.toggle[0].set_value(True).run()
    at.selectbox(key="keluarga_tujuan").set_value("verval").run()
    assert not at.exception
    wb = openpyxl.load_workbook(io.BytesIO(unduhan[".xlsx"]()))
    sel = [c for r in wb["verval"].iter_rows() for c in r]
    assert not [c.coordinate for c in sel if c.data_type in ("f", "e")]
    nilai = {c.value for c in sel}
    assert set(rumus) <= nilai and "Buruh tani" in nilai  # kept as typed (a control character dropped)
    assert all(c.data_type == "s" and c.quotePrefix for c in sel if c.value in rumus)
    _, isi_csv = _csv(unduhan[".csv"]())
    nama = {r["kepala_keluarga"] for r in isi_csv}
    assert {"'" + r for r in rumus if ekspor.berisiko(r)} <= nama and "#DIV/0!" in nama


def test_lembar_dari_beberapa_potongan():
    """Batches follow one another (No counts on), a control character a sheet cannot hold is dropped rather than
    failing the whole file, formula-like text stays text, numbers stay numbers, missing values are empty cells."""
    import pandas as pd

    satu = pd.DataFrame({"id_keluarga_p3ke": ["A", "B"], "kepala_keluarga": ["=1+1", "Sri\x0bWahyuni"],
                         "nik": ["3315010000001234", None], "skor_prioritas": [7, -2]})
    dua = pd.DataFrame({"id_keluarga_p3ke": ["C"], "kepala_keluarga": ["@Budi"], "nik": ["3315010000005678"],
                        "skor_prioritas": [1]})
    isi, n = ekspor.tulis_lembar_verval([satu, dua], tampilkan_data_pribadi=True, penanda="=Diekspor")
    kepala, baris, wb = _lembar(isi)
    assert n == 3 and [b["No"] for b in baris] == [1, 2, 3] and [b["id_keluarga_p3ke"] for b in baris] == list("ABC")
    assert [b["kepala_keluarga"] for b in baris] == ["=1+1", "SriWahyuni", "@Budi"]
    assert baris[1]["nik"] is None and [b["skor_prioritas"] for b in baris] == [7, -2, 1]
    ws = wb["verval"]
    assert ws["C2"].data_type == "s" and ws["C2"].quotePrefix and ws["E3"].data_type == "n"
    assert wb["keterangan"]["A2"].value == "=Diekspor" and wb["keterangan"]["A2"].data_type == "s"
    isi, n = ekspor.tulis_csv([satu, dua], tampilkan_data_pribadi=False)
    baris = list(csv.reader(io.StringIO(isi.decode("utf-8-sig"), newline="")))
    assert n == 3 and baris[0] == ["No", "id_keluarga_p3ke", "kepala_keluarga", "nik", "skor_prioritas"]
    assert [r[2] for r in baris[1:]] == ["'=***", privasi.samarkan_nama("Sri\x0bWahyuni"), "'@****"]
    assert [r[3] for r in baris[1:]] == ["3315********1234", "", "3315********5678"] and baris[2][4] == "-2"
