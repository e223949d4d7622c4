"""Imports with real bad files written by the tests: each asserts the message the user gets and, where the file
is refused, that the database is unchanged (same bytes)."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import openpyxl
import pandas as pd
import pytest

from pke import db as pke_db
from pke import gudang, impor
from pke.config import ROOT

SNAP = dt.date(2025, 6, 30)
KEPALA = ["No", "id_keluarga_p3ke", "provinsi", "kabupaten_kota", "kecamatan", "desa_kelurahan", "kode_kemdagri",
          "desil_kesejahteraan", "alamat", "kepala_keluarga", "nik", "padan_dukcapil", "jenis_kelamin", "tanggal_lahir",
          "pekerjaan", "pendidikan", "kepemilikan_rumah", "memiliki_simpanan_uang_perhiasan_ternak_lainnya",
          "jenis_atap", "jenis_dinding", "jenis_lantai", "sumber_penerangan", "bahan_bakar_memasak",
          "sumber_air_minum", "memiliki_fasilitas_buang_air_besar", "penerima_bpnt", "penerima_bpum", "penerima_bst",
          "penerima_pkh", "penerima_sembako", "resiko_stunting"]


def baris(i: int, **ubah) -> dict:
    r = dict(zip(KEPALA, [i, f"P33150120019{i:05d}", "JAWA TENGAH", "GROBOGAN", "KEDUNGJATI", "KARANGLANGU",
                          "33.15.01.2001", "1", "RT 001 / RW 002", "Sri Wahyuni", f"33150141078{i:05d}", "Padan",
                          "Perempuan", "01-07-1980", "Buruh tani", "SD/sederajat", "Milik sendiri", "Tidak",
                          "Jerami/ijuk/daun", "Bambu", "Tanah", "Listrik PLN", "Kayu bakar", "Sumur tak terlindung",
                          "Tidak ada", "YA", "TIDAK", "TIDAK", "YA", "YA", "0"]))
    r.update(ubah)
    return r


def csv_bytes(rows: list[dict], sep=",", encoding="utf-8") -> bytes:
    return pd.DataFrame(rows).to_csv(index=False, sep=sep).encode(encoding)


@pytest.fixture()
def db(fixture_db, tmp_path):
    salinan = tmp_path / "pke.duckdb"
    gudang.salin(fixture_db, salinan)
    return salinan


def sidik(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


TABEL_DATA = ("keluarga", "keluarga_aktif", "individu", "intervensi", "sumber_sektor", "kebutuhan", "keluarga_fitur",
              "ringkas_kebutuhan", "ringkas_intervensi", "ringkas_keluarga", "ringkas_snapshot", "ringkas_kualitas",
              "desa_prioritas", "target", "periode", "batas_wilayah", "wilayah")


def sidik_data(path) -> dict[str, str]:
    """A checksum of every data table's full content (rows in a total order), per table."""
    c = pke_db.buka(path)
    try:
        hasil = {}
        for tabel in TABEL_DATA:
            kolom = [r[0] for r in c.execute(f"DESCRIBE {tabel}").fetchall()]
            hasil[tabel] = c.execute(
                f"SELECT count(*)::VARCHAR || ':' || coalesce(md5(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR)), '') "
                f"FROM (SELECT {', '.join(kolom)} FROM {tabel}) t").fetchone()[0]
        return hasil
    finally:
        c.close()


def test_impor_baik_varian_kolom_dan_batal(db):
    c = duckdb.connect(str(db), read_only=True)
    AWAL = dict(zip(("desa", "lain"), c.execute(
        "SELECT count(*) FILTER (WHERE kode_kemendagri = '33.15.01.2001'), "
        "count(*) FILTER (WHERE kode_kemendagri <> '33.15.01.2001') FROM keluarga_aktif").fetchone()))
    c.close()
    assert AWAL["desa"] > 3
    rows = [baris(1), baris(2, padan_dukcapil="Ya", nik="'3315014107800999"), baris(3, padan_dukcapil="Tidak Padan")]
    isi = csv_bytes(rows, sep=";").replace(b"kode_kemdagri", b"KODE_KEMDAGRI ").replace(b"id_keluarga_p3ke",
                                                                                          b" ID_Keluarga_P3KE")
    hasil = impor.impor_keluarga(db, isi, "grobogan_2025.csv", "Budi (Bappeda)", SNAP)
    assert hasil.id_impor == 1 and len(hasil.diterima) == 3 and hasil.ditolak.empty
    c = duckdb.connect(str(db), read_only=True)
    k = c.execute("SELECT nik, padan_dukcapil, penerima_pkh, snapshot, id_impor FROM keluarga WHERE id_impor = 1 "
                  "ORDER BY id_keluarga_p3ke").fetchall()
    assert k[1][0] == "3315014107800999" and [r[1] for r in k] == [True, True, False]
    assert all(r[2] is True and r[3] == SNAP for r in k)
    log = c.execute("SELECT file, jenis, baris_diterima, baris_ditolak, pengguna, hash FROM impor").fetchall()[0]
    assert log[:5] == ("grobogan_2025.csv", "keluarga", 3, 0, "Budi (Bappeda)")
    assert log[5] == hashlib.sha256(isi).hexdigest()
    # the file covers one village: its families replace that village's, every other village keeps its own
    desa = "33.15.01.2001"
    assert c.execute("SELECT count(*) FROM keluarga_aktif WHERE kode_kemendagri = $d", {"d": desa}).fetchone()[0] == 3
    assert c.execute("SELECT count(*) FROM keluarga_aktif WHERE kode_kemendagri <> $d", {"d": desa}).fetchone()[0] \
        == AWAL["lain"]
    assert c.execute("SELECT n_keluarga FROM ringkas_keluarga WHERE kode = $d", {"d": desa}).fetchall() != []
    assert c.execute("SELECT count(*) FROM keluarga WHERE snapshot = DATE '2023-01-01'").fetchall()[0][0] > 1000
    c.close()
    # the same file again: refused, nothing written
    sebelum = sidik(db)
    with pytest.raises(impor.ImporError, match="sudah diimpor"):
        impor.impor_keluarga(db, isi, "grobogan_2025_lagi.csv", "Budi", SNAP)
    assert sidik(db) == sebelum
    # undo
    assert impor.batalkan_impor(db, 1, "Budi") == 3
    c = duckdb.connect(str(db), read_only=True)
    assert c.execute("SELECT count(*) FROM keluarga WHERE id_impor = 1").fetchall()[0][0] == 0
    assert c.execute("SELECT count(*) FROM keluarga_aktif WHERE kode_kemendagri = $d", {"d": desa}).fetchone()[0] \
        == AWAL["desa"]
    c.close()


def test_baris_buruk_ditolak_dengan_alasan(db):
    rows = [baris(1), baris(2, nik="331501410780002"), baris(3, desil_kesejahteraan="5"),
            baris(4, kode_kemdagri="33.99.01.2001"), baris(1, kepala_keluarga="Ganda"),
            baris(6, tanggal_lahir="32/13/1990"), baris(7, padan_dukcapil="mungkin"), baris(8, nik="33150141078A0008")]
    hasil = impor.periksa_keluarga(db, csv_bytes(rows), "buruk.csv")
    alasan = {(r.baris, r.kolom): r.alasan for r in hasil.ditolak.itertuples()}
    assert alasan[(3, "nik")] == "NIK harus 16 digit (tertulis 15 digit)"
    assert alasan[(4, "desil_kesejahteraan")] == "desil di luar 1–4"
    assert alasan[(5, "kode_kemendagri")] == "kode desa/kelurahan tidak dikenal"
    assert alasan[(6, "id_keluarga_p3ke")] == "id_keluarga_p3ke ganda (sudah ada di baris 2)"
    assert alasan[(7, "tanggal_lahir")] == "tanggal tidak dapat dibaca"
    assert alasan[(8, "padan_dukcapil")].startswith("padan_dukcapil bukan")
    assert alasan[(9, "nik")] == "NIK harus 16 digit angka"
    assert list(hasil.diterima["id_keluarga_p3ke"]) == ["P331501200190000" + "1"]
    assert "7 baris ditolak" in hasil.ringkasan()
    kembali = pd.read_csv(io.BytesIO(hasil.ditolak_csv()), dtype=str)
    assert list(kembali.columns) == ["baris", "kolom", "nilai", "alasan"] and len(kembali) == 7


@pytest.mark.parametrize("nama, isi, pesan", [
    ("kosong.csv", b"", "kosong"),
    ("bukan.csv", b"nama,alamat,umur\nBudi,Jl. Mawar,40\n", "bukan ekspor keluarga P3KE"),
    ("gambar.png", b"\x89PNG\r\n", "tidak didukung"),
    ("rusak.xlsx", b"PK\x03\x04 bukan excel", "tidak dapat dibuka sebagai Excel"),
    ("kurang.csv", b"id_keluarga_p3ke,desil_kesejahteraan\nP1,1\n", "Kolom wajib tidak ada: kode_kemendagri, kepala_keluarga, nik"),
])
def test_berkas_salah_satu_pesan_jelas(db, nama, isi, pesan):
    sebelum = sidik(db)
    with pytest.raises(impor.ImporError, match=pesan):
        impor.impor_keluarga(db, isi, nama, "Budi", SNAP)
    assert sidik(db) == sebelum


def test_semua_baris_ditolak_tidak_menulis(db):
    sebelum = sidik(db)
    with pytest.raises(impor.ImporError, match="semua 2 baris ditolak"):
        impor.impor_keluarga(db, csv_bytes([baris(1, desil_kesejahteraan="9"), baris(2, nik="1")]), "x.csv", "B", SNAP)
    assert sidik(db) == sebelum


def test_csv_encoding_windows(db):
    isi = csv_bytes([baris(1, kepala_keluarga="Ma'ruf Müller")], encoding="cp1252")
    hasil = impor.periksa_keluarga(db, isi, "ansi.csv")
    assert any("Windows-1252" in c for c in hasil.catatan)
    assert hasil.diterima["kepala_keluarga"].iloc[0] == "Ma'ruf Müller"


def test_excel_kepala_tiga_baris_nik_angka_dan_lembar_kosong(db, tmp_path):
    wb = openpyxl.Workbook()
    kosong = wb.active
    kosong.title = "Petunjuk"
    ws = wb.create_sheet("Data P3KE")
    ws.append(["DATA P3KE KABUPATEN GROBOGAN"])
    ws.append(["VERVAL DESA 2025"])
    ws.append(KEPALA)
    for i in range(1, 4):
        r = baris(i)
        r["nik"] = int(r["nik"])  # NIK stored as a number
        r["desil_kesejahteraan"] = 2
        ws.append([r[k] for k in KEPALA])
    buf = io.BytesIO()
    wb.save(buf)
    hasil = impor.periksa_keluarga(db, buf.getvalue(), "verval.xlsx")
    assert hasil.ditolak.empty and len(hasil.diterima) == 3
    assert hasil.diterima["nik"].iloc[0] == "3315014107800001"
    assert any("Data P3KE" in c for c in hasil.catatan)

    wb2 = openpyxl.Workbook()
    wb2.active.append(KEPALA)  # header only: an empty sheet
    buf2 = io.BytesIO()
    wb2.save(buf2)
    with pytest.raises(impor.ImporError, match="tidak ada baris data"):
        impor.periksa_keluarga(db, buf2.getvalue(), "kosong.xlsx")


def test_berkas_50000_baris(db):
    rows = [baris(i) for i in range(1, 50_001)]
    rows[100]["nik"] = "123"
    mulai = time.perf_counter()
    hasil = impor.impor_keluarga(db, csv_bytes(rows), "besar.csv", "Budi", SNAP)
    assert len(hasil.diterima) == 49_999 and hasil.baris_ditolak == 1
    assert hasil.ditolak.iloc[0]["baris"] == 102
    c = duckdb.connect(str(db), read_only=True)
    assert c.execute("SELECT count(*) FROM keluarga WHERE id_impor = 1").fetchall()[0][0] == 49_999
    c.close()
    print(f"50.000 baris: {time.perf_counter() - mulai:.1f} s")


def test_impor_dihentikan_paksa_tidak_merusak(db, tmp_path):
    """Kill the importing process midway: the database is exactly as before, readers never saw a half file."""
    berkas = tmp_path / "besar.csv"
    berkas.write_bytes(csv_bytes([baris(i) for i in range(1, 50_001)]))
    sebelum = sidik(db)
    proses = subprocess.Popen([sys.executable, "-m", "pke", "impor", str(berkas), "--db", str(db),
                               "--pengguna", "Budi", "--snapshot", "2025-06-30"], cwd=ROOT)
    time.sleep(1.5)  # validating or writing the copy by now
    proses.send_signal(signal.SIGKILL)
    proses.wait()
    assert sidik(db) == sebelum
    # the next import cleans the abandoned copy and works
    hasil = impor.impor_keluarga(db, csv_bytes([baris(1)]), "kecil.csv", "Budi", SNAP)
    assert hasil.id_impor == 1


def test_tampilan_impor_periksa_impor_batal(db, monkeypatch):
    from tests.test_app import _app

    monkeypatch.setenv("PKE_DB", str(db))
    at = _app("pages/impor.py", sebagai="admin")
    isi = csv_bytes([baris(1), baris(2, nik="12345"), baris(3)])
    at.get("file_uploader")[0].upload("desa.csv", isi, "text/csv").run()
    metrik = {m.label: m.value for m in at.metric}
    assert metrik == {"Baris diterima": "2", "Baris ditolak": "1"}
    assert at.dataframe[0].value.iloc[0]["Alasan"] == "NIK harus 16 digit (tertulis 5 digit)"
    catatan = [i.value for i in at.info]
    c = duckdb.connect(str(db), read_only=True)
    n_desa = c.execute("SELECT count(*) FROM keluarga_aktif WHERE kode_kemendagri = '33.15.01.2001'").fetchone()[0]
    c.close()
    assert any(f"menggantikan {n_desa} keluarga" in c for c in catatan) and any("desa lain tidak berubah" in c for c in catatan)
    assert sidik(db) == sidik(db)  # the dry run wrote nothing
    [b for b in at.button if b.label == "Impor 2 baris"][0].click().run()
    assert any("Impor #1 selesai" in s.value for s in at.success), [e.value for e in at.error]
    riwayat = at.dataframe[-1].value
    assert "Berkas" in riwayat.columns, (riwayat.columns, [i.value for i in at.info])
    assert riwayat.iloc[0]["Berkas"] == "desa.csv" and riwayat.iloc[0]["Oleh"] == "admin"
    c = duckdb.connect(str(db), read_only=True)
    assert c.execute("SELECT count(*) FROM keluarga WHERE id_impor = 1").fetchall()[0][0] == 2
    c.close()


def test_kualitas_data(app_env, con):
    from pke import fmt
    from tests.test_app import _app

    at = _app("pages/kualitas.py", sebagai="analis", wilayah="33.15", masalah="pindah")
    q = con.execute("SELECT * FROM ringkas_kualitas WHERE kode = '33.15'").df().iloc[0]
    metrik = {m.label: m.value for m in at.metric}
    assert metrik["Anggota tercatat pindah"] == fmt.angka(q["individu_pindah"])
    assert metrik["Keluarga P3KE yang tidak ada di DTKS"] == fmt.angka(q["p3ke_tidak_di_dtks"])
    assert metrik["Keluarga dengan NIK kepala ganda"] == fmt.angka(q["keluarga_nik_ganda"])
    assert metrik["Individu dengan NIK ganda"] == fmt.angka(q["individu_nik_ganda"]) and q["individu_nik_ganda"] > 0
    assert q["keluarga_nik_ganda"] > 0 and q["dtks_tidak_di_p3ke"] > 0 and q["rtlh_tidak_di_daftar"] > 0
    daftar = at.dataframe[0].value
    assert (daftar["Masalah"] == "Anggota tercatat pindah").all() and (daftar["Keterangan di P3KE"] == "Pindah").all()
    assert daftar["NIK"].str.fullmatch(r"\d{4}\*{8}\d{4}").all() and daftar["Nama"].str.contains(r"\*").all()
    # the four Grobogan villages with many moves come first, far above the rest
    pindah = at.dataframe[1].value
    assert (pindah["% anggota"].iloc[:4] > 0.1).all() and pindah["% anggota"].iloc[4] < 0.06


def test_progres_verval(app_env, con):
    from pke import fmt
    from tests.test_app import _app

    at = _app("pages/kualitas.py", wilayah="33.15")
    ronde = [s for s in at.selectbox if s.label == "Ronde verval"][0]
    assert ronde.options == ["Verval P3KE 2025 (3 Maret 2025 s.d. 31 Maret 2025)"]
    tabel = at.dataframe[-1].value
    harapan = con.execute("""
        SELECT count(*) FILTER (WHERE tanggal_verval BETWEEN DATE '2025-03-03' AND DATE '2025-03-31') / count(*)
        FROM keluarga_aktif""").fetchall()[0][0]
    assert {m.label: m.value for m in at.metric}["Keluarga diverval tepat waktu"] == fmt.persen(harapan)
    assert tabel["% tepat waktu"].is_monotonic_increasing  # the villages furthest behind first
    assert len(tabel) == 280


def test_impor_intervensi_sk_lokus_target(db, con):
    awal = sidik_data(db)
    kel = con.execute("SELECT id_keluarga_p3ke FROM keluarga_aktif ORDER BY id_keluarga_p3ke LIMIT 2").fetchall()
    a, b = kel[0][0], kel[1][0]
    tag = pd.DataFrame({"id_keluarga_p3ke": [a, b, "P0000", a],
                        "klaster": ["RTLH", "Air minum", "jamban", "listrik udara"],
                        "status": ["selesai", "Proses", "rencana", "rencana"],
                        "tanggal": ["05/03/2026", "2026-04-01", "2026-04-01", "2026-04-01"],
                        "opd": ["Disperakim", "Perumdam", "Dinkes", "Disperindag"],
                        "sumber_dana": ["CSR (TJSLP)", "APBD Kabupaten", "APBN", "APBN"],
                        "nilai_rp": ["17.500.000", "2500000", "", ""]})
    hasil = impor.impor_berkas("intervensi", db, csv_bytes(tag.to_dict("records")), "siks.csv", "Dinsos")
    alasan = {(r.baris, r.kolom): r.alasan for r in hasil.ditolak.itertuples()}
    assert alasan[(4, "id_keluarga_p3ke")] == "keluarga tidak ada di data P3KE aktif"
    assert alasan[(5, "klaster")].startswith("klaster tidak dikenal")
    c = duckdb.connect(str(db), read_only=True)
    rows = c.execute("SELECT klaster, status, tanggal_selesai, nilai_rp FROM intervensi WHERE id_impor = 1 "
                     "ORDER BY klaster").fetchall()
    assert rows == [("air", "proses", None, 2_500_000), ("rtlh", "selesai", dt.date(2026, 3, 5), 17_500_000)]
    c.close()

    sk = [{"kode_desa": "3315012002", "tahun": "2026", "dasar_penetapan": "SK Bupati 1/2026", "opd_pendamping": "Dinsos"},
          {"kode_desa": "33.99.01.2001", "tahun": "2026", "dasar_penetapan": "", "opd_pendamping": ""}]
    hasil = impor.impor_berkas("desa_prioritas", db, csv_bytes(sk), "sk.csv", "Bappeda")
    assert len(hasil.diterima) == 1 and hasil.ditolak.iloc[0]["alasan"] == "kode desa/kelurahan tidak dikenal"
    tgt = [{"kode_wilayah": "33.15", "klaster": "jamban", "tahun": "2027", "triwulan": "1", "target_keluarga": "1.200"},
           {"kode_wilayah": "33.15", "klaster": "jamban", "tahun": "2027", "triwulan": "5", "target_keluarga": "10"}]
    hasil = impor.impor_berkas("target", db, csv_bytes(tgt), "target.csv", "Bappeda")
    assert hasil.ditolak.iloc[0]["alasan"] == "triwulan di luar 1–4"
    c = duckdb.connect(str(db), read_only=True)
    assert c.execute("SELECT target_keluarga, diubah_oleh FROM target WHERE tahun = 2027").fetchall() == [(1200, "Bappeda")]
    assert c.execute("SELECT opd_pendamping FROM desa_prioritas WHERE kode = '33.15.01.2002' AND tahun = 2026"
                     ).fetchall() == [("Dinsos",)]
    c.close()
    # undo goes newest first per kabupaten; each undo restores exactly what its import replaced
    with pytest.raises(impor.ImporError, match=r"impor sesudahnya \(#2, #3\)"):
        impor.batalkan_impor(db, 1, "Dinsos")
    assert impor.batalkan_impor(db, 3, "Bappeda") == 1
    assert impor.batalkan_impor(db, 2, "Bappeda") == 1
    assert impor.batalkan_impor(db, 1, "Dinsos") == 2  # the two interventions
    assert sidik_data(db) == awal


def test_impor_individu_dan_daftar_sektor(db, con):
    kel = con.execute("SELECT id_keluarga_p3ke FROM keluarga_aktif ORDER BY 1 LIMIT 1").fetchall()[0][0]
    anggota = [{"id_individu": kel + "91", "id_keluarga_p3ke": kel, "nama_lengkap": "Tri Lestari",
                "nik": "3315014107800091", "hubungan_dengan_kepala_keluarga": "Anak", "tanggal_lahir": "2012-05-01",
                "disabilitas": "Ya"},
               {"id_individu": "X1", "id_keluarga_p3ke": "P-TIDAK-ADA", "nama_lengkap": "Anon",
                "nik": "3315014107800092", "hubungan_dengan_kepala_keluarga": "Anak", "tanggal_lahir": "",
                "disabilitas": "Tidak"}]
    hasil = impor.impor_berkas("individu", db, csv_bytes(anggota), "individu.csv", "Dinsos")
    assert hasil.ditolak.iloc[0]["alasan"] == "anggota tanpa keluarga: id_keluarga_p3ke tidak ada di P3KE"
    c = duckdb.connect(str(db), read_only=True)
    assert c.execute("SELECT nama, disabilitas FROM individu WHERE id_impor = 1").fetchall() == [("Tri Lestari", True)]
    c.close()
    daftar = [{"sumber": "Disperakim RTLH", "nik": "3315014107800001", "kode_desa": "33.15.01.2001", "klaster": "RTLH"},
              {"sumber": "Disperakim RTLH", "nik": "", "kode_desa": "33.15.01.2001", "klaster": "RTLH"}]
    hasil = impor.impor_berkas("sektor", db, csv_bytes(daftar), "rtlh.csv", "Disperakim")
    assert len(hasil.diterima) == 1 and hasil.ditolak.iloc[0]["alasan"] == "baris tanpa NIK maupun ID"


def test_snapshot_baru_dan_perbandingan_triwulan(db):
    from pke import db as pke_db

    c = duckdb.connect(str(db), read_only=True)
    lama = pke_db.jalankan(c, "ringkasan_kpi", lingkup="", kode="33.15", tahun=2025, triwulan=1).set_index("periode")
    c.close()
    impor.impor_keluarga(db, csv_bytes([baris(1), baris(2), baris(3)]), "baru.csv", "Budi", dt.date(2025, 5, 20))
    c = duckdb.connect(str(db), read_only=True)
    kpi = pke_db.jalankan(c, "ringkasan_kpi", lingkup="", kode="33.15", tahun=2025, triwulan=2).set_index("periode")
    prov = pke_db.jalankan(c, "ringkasan_kpi", lingkup="", kode="33", tahun=2025, triwulan=2).set_index("periode")
    c.close()
    assert kpi.loc["ini", "keluarga"] == 3  # the new snapshot, current since May 2025
    assert kpi.loc["sebelumnya", "keluarga"] == lama.loc["ini", "keluarga"]  # Q1 still counts the old one
    assert prov.loc["ini", "keluarga"] == 3 and prov.loc["sebelumnya", "keluarga"] > 1000


def test_tipe_campuran(db):
    rows = [baris(1, desil_kesejahteraan="dua"), baris(2, nik="3.31501410780000E+15"),
            baris(3, desil_kesejahteraan="2,0"), baris(4, nik=" 3315014107800004 ")]
    hasil = impor.periksa_keluarga(db, csv_bytes(rows), "campur.csv")
    alasan = {(r.baris, r.kolom): r.alasan for r in hasil.ditolak.itertuples()}
    assert alasan == {(2, "desil_kesejahteraan"): "desil di luar 1–4", (3, "nik"): "NIK harus 16 digit angka"}
    assert list(hasil.diterima["desil_kesejahteraan"]) == [2, 1]
    assert hasil.diterima["nik"].iloc[1] == "3315014107800004"


def test_kepala_kosong_dan_nik_ganda_ditolak_dengan_kedua_tempat(db):
    """A blank head of household is refused; a NIK repeated in the file is refused with the row it repeats, and
    a NIK already heading another family is refused with that family and its village."""
    con = duckdb.connect(str(db), read_only=True)
    lain = con.execute("SELECT nik, id_keluarga_p3ke, kode_kemendagri FROM keluarga_aktif "
                       "WHERE id_keluarga_p3ke NOT LIKE 'P3315012001%' LIMIT 1").fetchone()
    con.close()
    rows = [baris(1), baris(2, kepala_keluarga="  "), baris(3, nik=baris(1)["nik"]), baris(4, nik=baris(1)["nik"]),
            baris(5, nik=lain[0]), baris(6)]
    hasil = impor.periksa("keluarga", db, csv_bytes(rows), "ganda.csv")
    alasan = dict(zip(hasil.ditolak["baris"], hasil.ditolak["alasan"]))
    assert alasan[3] == "nama kepala keluarga kosong"
    assert alasan[4] == alasan[5] == "NIK sama dengan kepala keluarga di baris 2"
    assert alasan[6] == f"NIK sudah menjadi kepala keluarga {lain[1]} di desa {lain[2]}"
    assert len(hasil.diterima) == 2 and hasil.baris_ditolak == 4
    # a newer snapshot of the same family keeps its NIK: not a duplicate
    sama = impor.periksa("keluarga", db, csv_bytes([baris(1, id_keluarga_p3ke=lain[1], nik=lain[0])]), "sama.csv")
    assert sama.ditolak.empty


def test_penyimpanan_gagal_tanpa_sisa_dan_pesan_jelas(db, monkeypatch):
    """Disk full while copying the database: a clear message, no half-written copy left, the database as before."""
    import errno

    from pke import progres, tulis

    sebelum = sidik(db)

    def penuh(src, dst):
        with open(dst, "wb") as f:
            f.write(b"\0" * 1024)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tulis.shutil, "copyfile", penuh)
    with pytest.raises(impor.ImporError, match="tidak dapat ditulis \\(No space left on device\\). Tidak ada yang "
                                               "berubah"):
        impor.impor_berkas("keluarga", db, csv_bytes([baris(1)]), "penuh.csv", "uji", SNAP)
    assert not (db.parent / (db.name + ".tmp")).exists() and sidik(db) == sebelum


def _target(kode, klaster="air", tahun="2026", triwulan="4", target="12") -> dict:
    return {"kode_wilayah": kode, "klaster": klaster, "tahun": tahun, "triwulan": triwulan, "target_keluarga": target}


def test_impor_target_kecamatan_dan_desa_prioritas(db, con):
    """Targets per kecamatan and per priority village (issue 13 item 2) are accepted beside a kabupaten's; a code
    that is no region, a village that is not a priority village of the row's year, a province, a negative number
    or a cell given twice is refused per row with its reason; a file of nothing but such rows writes nothing."""
    awal, awal_data = sidik(db), sidik_data(db)
    buruk = [_target("33.15.99"), _target("3315012002"), _target("33.15.01.2001", tahun="2027"), _target("33"),
             _target("33.15.01", target="-5")]
    hasil = impor.periksa("target", db, csv_bytes(buruk), "target_buruk.csv")
    assert dict(zip(hasil.ditolak["baris"], hasil.ditolak["alasan"])) == {
        2: "kode wilayah tidak dikenal (kabupaten/kota, kecamatan atau desa)",
        3: "desa ini bukan desa prioritas tahun 2026 (target desa hanya untuk desa prioritas)",
        4: "desa ini bukan desa prioritas tahun 2027 (target desa hanya untuk desa prioritas)",
        5: "target ditetapkan per kabupaten/kota, kecamatan atau desa prioritas, bukan per provinsi",
        6: "target harus bilangan bulat ≥ 0"}
    assert hasil.diterima.empty
    with pytest.raises(impor.ImporError, match="Tidak ada baris yang dapat diimpor dari target_buruk.csv; semua 5 "
                                               "baris ditolak"):
        impor.impor_berkas("target", db, csv_bytes(buruk), "target_buruk.csv", "Bappeda")
    assert sidik(db) == awal
    # a kecamatan operator's file: rows of another kecamatan are outside the user's region
    luar = impor.periksa("target", db, csv_bytes([_target("33.15.02")]), "luar.csv", lingkup="33.15.01")
    assert luar.ditolak["alasan"].tolist() == ["di luar wilayah kerja Anda (33.15.01)"] and luar.diterima.empty

    baik = [_target("331501", triwulan=str(tw), target=str(n)) for tw, n in ((1, 4), (2, 4), (3, 6), (4, 6))] + [
        _target("33.15.01.2001", klaster="Air minum", target="3"), _target("33.15.01.2001", target="9"),
        _target("33.15.01.2002", target="1")]
    hasil = impor.impor_berkas("target", db, csv_bytes(baik), "target_kecamatan.csv", "Bappeda")
    assert len(hasil.diterima) == 5 and dict(zip(hasil.ditolak["baris"], hasil.ditolak["alasan"])) == {
        7: "wilayah, klaster, tahun dan triwulan ganda di berkas ini",
        8: "desa ini bukan desa prioritas tahun 2026 (target desa hanya untuk desa prioritas)"}
    c = pke_db.buka(db)
    assert c.execute("SELECT kode_wilayah, triwulan, target_keluarga, diubah_oleh FROM target "
                     "WHERE length(kode_wilayah) > 5 ORDER BY ALL").fetchall() == [
        ("33.15.01", 1, 4, "Bappeda"), ("33.15.01", 2, 4, "Bappeda"), ("33.15.01", 3, 6, "Bappeda"),
        ("33.15.01", 4, 6, "Bappeda"), ("33.15.01.2001", 4, 3, "Bappeda")]
    # the kabupaten's own target is unchanged; its kecamatan's show beside it
    kab = pke_db.jalankan(c, "progres_triwulan", lingkup="", kode="33.15", tahun=2026)
    lama = pke_db.jalankan(con, "progres_triwulan", lingkup="", kode="33.15", tahun=2026)
    assert list(kab["target"]) == list(lama["target"])
    assert list(kab.loc[kab["klaster"] == "air", "target_anak_kumulatif"]) == [4, 8, 14, 20]
    c.close()
    assert impor.batalkan_impor(db, 1, "Bappeda") == 5
    assert sidik_data(db) == awal_data
