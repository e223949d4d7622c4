"""Issue 3's domain rules: progress status and projection, priority score, masking, unit costs, exports,
and the target writer path."""
from __future__ import annotations

import datetime as dt
import io
import shutil
import time

import duckdb
import openpyxl
import pandas as pd
import pytest

from pke import db, ekspor, klaster, kolaborasi, prioritas, privasi, progres
from tests.conftest import KAB


def test_status_dan_proyeksi():
    assert progres.status(95, 100) is progres.SESUAI
    assert progres.status(90, 100) is progres.SESUAI
    assert progres.status(89, 100) is progres.TERTINGGAL
    assert progres.status(70, 100) is progres.TERTINGGAL
    assert progres.status(69, 100) is progres.JAUH
    assert progres.status(50, None) is progres.TANPA_TARGET
    assert progres.status(50, 0) is progres.TANPA_TARGET
    assert progres.triwulan_berlalu(2025, dt.date(2026, 11, 23)) == 4
    assert progres.triwulan_berlalu(2026, dt.date(2026, 7, 2)) == pytest.approx(2.0, abs=0.01)
    assert progres.proyeksi_akhir_tahun(300, 3) == 400
    assert progres.proyeksi_akhir_tahun(300, 0) is None


def test_skor_prioritas():
    # desil 1 (3) + two open gaps (2) + elderly head (2) + alone (2) + unreached (2)
    assert prioritas.skor(1, 2, True, True, False, False, True) == 11
    assert prioritas.skor(4, 0, False, False, False, False, False) == 0
    aturan = prioritas.aturan()
    assert "3 jika desil 1" in aturan and "tinggal sendiri" in aturan


def test_skor_sql_sama_dengan_aturan(con):
    df = db.jalankan(con, "daftar_keluarga", lingkup="", kode=KAB, cari="", desil=[], klaster=[], status=[],
                     lansia=False, sendiri=False, disabilitas=False, kronis=False, belum_terjangkau=False,
                     pkh=None, bpnt=None, sembako=None, bst=None, bpum=None, mulai=0, batas=50, nama_sebagian=True,
                     **prioritas.parameter())
    assert len(df) == 50 and df["skor"].is_monotonic_decreasing
    for r in df.itertuples():
        assert r.skor == prioritas.skor(r.desil, r.n_kebutuhan_terbuka, r.kepala_lansia, r.tinggal_sendiri,
                                        r.ada_disabilitas, r.ada_kronis, r.belum_terjangkau)
    saring = db.jalankan(con, "daftar_keluarga", lingkup="", kode=KAB, cari="", desil=[1], klaster=["rtlh"],
                         status=["belum"], lansia=True, sendiri=False, disabilitas=False, kronis=False,
                         belum_terjangkau=False,
                         pkh=None, bpnt=None, sembako=None, bst=None, bpum=None, mulai=0,
                         batas=1000, nama_sebagian=True, **prioritas.parameter())
    assert (saring["desil"] == 1).all() and saring["kepala_lansia"].all()
    assert saring["kebutuhan_terbuka"].str.contains("RTLH").all()
    # the total comes from daftar_keluarga_jumlah (same filters, no page limit)
    def jumlah(desil, klaster, status, lansia):
        return int(db.jalankan(con, "daftar_keluarga_jumlah", lingkup="", kode=KAB, cari="", desil=desil,
                               klaster=klaster, status=status, lansia=lansia, sendiri=False, disabilitas=False,
                               kronis=False, belum_terjangkau=False, pkh=None, bpnt=None, sembako=None, bst=None,
                               bpum=None, nama_sebagian=True)["total"].iloc[0])

    assert jumlah([1], ["rtlh"], ["belum"], True) == len(saring) < jumlah([], [], [], False)


def test_samaran():
    assert privasi.samarkan_nik("3315010000001234") == "3315********1234"
    assert privasi.samarkan_nik(3315010000001234) == "3315********1234"
    assert privasi.samarkan_nama("Sri Wahyuni") == "S** W******"
    assert privasi.samarkan_nama("Ma'ruf Amin") == "M***** A***"
    df = privasi.samarkan(pd.DataFrame({"nik": ["3315010000001234"], "kepala_keluarga": ["Budi Santoso"]}))
    assert df.iloc[0].tolist() == ["3315********1234", "B*** S******"]


def test_lembar_verval_dibaca_ulang(con):
    daftar = db.jalankan(con, "daftar_keluarga", lingkup="", kode="33.15.01", cari="", desil=[], klaster=[],
                         status=[], lansia=False, sendiri=False, disabilitas=False, kronis=False,
                         belum_terjangkau=False,
                         pkh=None, bpnt=None, sembako=None, bst=None, bpum=None, mulai=0,
                         batas=20, nama_sebagian=True, **prioritas.parameter())
    ids = list(daftar["id_keluarga_p3ke"])
    lembar = db.jalankan(con, "verval_keluarga", lingkup="", ids=ids)
    for lengkap in (False, True):
        isi = ekspor.lembar_verval(lembar, ids, daftar["skor"], tampilkan_data_pribadi=lengkap)
        wb = openpyxl.load_workbook(io.BytesIO(isi))
        ws = wb["verval"]
        kepala = [c.value for c in ws[1]]
        assert kepala[:8] == ["No", "id_keluarga_p3ke", "provinsi", "kabupaten_kota", "kecamatan", "desa_kelurahan",
                              "kode_kemdagri", "desil_kesejahteraan"]
        assert {"kepala_keluarga", "nik", "padan_dukcapil", "sumber_air_minum", "VERVAL_memenuhi_kriteria_P3KE",
                "skor_prioritas"} <= set(kepala)
        baris = [dict(zip(kepala, [c.value for c in r])) for r in ws.iter_rows(min_row=2)]
        assert len(baris) == 20 and [b["id_keluarga_p3ke"] for b in baris] == ids
        assert baris[0]["skor_prioritas"] == daftar["skor"].iloc[0]
        nik_asli = lembar.set_index("id_keluarga_p3ke").loc[ids[0], "nik"]
        assert (baris[0]["nik"] == nik_asli) == lengkap
        if not lengkap:
            assert "*" in baris[0]["nik"] and "*" in baris[0]["kepala_keluarga"]


def test_kolaborasi(con):
    keb = db.jalankan(con, "kebutuhan_desa_klaster", lingkup="", kode="33.15.01", tahun=2026, triwulan=4)
    biaya = kolaborasi.tabel_biaya()
    per_desa = kolaborasi.hitung(keb[keb["klaster"] == "rtlh"], biaya, "belum")
    assert per_desa["biaya"].sum() == keb.loc[keb["klaster"] == "rtlh", "belum"].sum() * 20_000_000
    assert list(per_desa["prioritas"]) == sorted(per_desa["prioritas"], reverse=True)  # priority villages first
    biaya.loc[biaya["klaster"] == "rtlh", "biaya"] = 10_000_000
    assert kolaborasi.hitung(keb[keb["klaster"] == "rtlh"], biaya, "belum")["biaya"].sum() == per_desa["biaya"].sum() / 2
    j = kolaborasi.jangkauan(per_desa, per_desa["biaya"].iloc[0] + 1)
    assert j["terjangkau"].iloc[0] and j.loc[j["terjangkau"], "biaya"].sum() <= per_desa["biaya"].iloc[0] + 1


def test_simpan_target_di_toko_operasional(fixture_db, toko_sendiri):
    """A target edit goes into the operational store (history kept) in milliseconds; the analytic file is not
    touched, and the next query on an open reader sees the new value."""
    pembaca = db.buka(fixture_db)  # a reader keeps serving during the write
    sebelum = fixture_db.stat().st_mtime_ns

    def target_2027():
        df = db.jalankan(pembaca, "target_wilayah", lingkup="", kode=KAB, tahun=2027)
        return sorted((int(r.triwulan), int(r.target_keluarga)) for r in df.itertuples()
                      if r.klaster == "rtlh" and pd.notna(r.target_keluarga))

    assert target_2027() == []
    tabel = pd.DataFrame({"klaster": ["rtlh", "rtlh"], "triwulan": [1, 2], "target_keluarga": [10, 20]})
    mulai = time.perf_counter()
    assert progres.simpan_target(fixture_db, KAB, 2027, tabel, "Budi (Bappeda)") == 2
    assert time.perf_counter() - mulai < 5  # generous; the bench measures the real figure
    assert target_2027() == [(1, 10), (2, 20)]
    # an edit keeps the old value in the history; a blank cell removes the target
    progres.simpan_target(fixture_db, KAB, 2027, tabel.assign(target_keluarga=[12, None]), "Sari (Bappeda)")
    assert target_2027() == [(1, 12)]
    riwayat = progres.riwayat_target(toko_sendiri, KAB, 2027)
    assert riwayat[["klaster", "triwulan", "target_lama", "target_keluarga"]].astype(object).where(
        riwayat[["klaster", "triwulan", "target_lama", "target_keluarga"]].notna(), None).values.tolist()[:2] == [
        ["rtlh", 2, 20, None], ["rtlh", 1, 10, 12]]
    assert riwayat["diubah_oleh"].iloc[0] == "Sari (Bappeda)"
    # bad input: nothing written, clear message
    with pytest.raises(progres.TargetError, match="bilangan bulat"):
        progres.simpan_target(fixture_db, KAB, 2027, tabel.assign(target_keluarga=[10, -3]), "Budi")
    with pytest.raises(progres.TargetError, match="Nama petugas"):
        progres.simpan_target(fixture_db, KAB, 2027, tabel, " ")
    assert len(progres.riwayat_target(toko_sendiri, KAB, 2027)) == 4  # two set, one changed, one removed
    assert fixture_db.stat().st_mtime_ns == sebelum
    pembaca.close()


def test_cari_keluarga(con):
    semua = db.jalankan(con, "daftar_keluarga", lingkup="", kode=KAB, cari="", desil=[], klaster=[], status=[], lansia=False,
                        sendiri=False, disabilitas=False, kronis=False, belum_terjangkau=False,
                        pkh=None, bpnt=None, sembako=None, bst=None, bpum=None, mulai=0, batas=5, nama_sebagian=True,
                        **prioritas.parameter())
    target = semua.iloc[3]

    def cari(teks, sebagian=True):
        return set(db.jalankan(con, "daftar_keluarga", lingkup="", kode=KAB, cari=teks, desil=[], klaster=[], status=[],
                               lansia=False, sendiri=False, disabilitas=False, kronis=False, belum_terjangkau=False,
                               pkh=None, bpnt=None, sembako=None, bst=None, bpum=None, mulai=0,
                               batas=500, nama_sebagian=sebagian, **prioritas.parameter())["id_keluarga_p3ke"])

    nama = target["kepala_keluarga"].split()[0].lower()
    for teks in (target["nik"], target["id_keluarga_p3ke"], nama):
        assert target["id_keluarga_p3ke"] in cari(teks)
    # a NIK prefix finds nothing: typing digits one by one must not reveal the masked middle of a NIK
    for n in (4, 12, 15):
        assert cari(target["nik"][:n]) == set()
    assert cari("%") == set() and cari("_") == set()  # no LIKE wildcards either
    # while names are masked only the exact full name matches: a masked name cannot be guessed letter by letter
    assert cari(nama, sebagian=False) == set() or nama == target["kepala_keluarga"].lower()
    assert target["id_keluarga_p3ke"] in cari(target["kepala_keluarga"].upper(), sebagian=False)


def test_matriks_triwulan(con):
    data = db.jalankan(con, "progres_triwulan", lingkup="", kode=KAB, tahun=2026)
    m = progres.matriks_triwulan(data)
    assert list(m.columns) == ["TW I", "TW II", "TW III", "TW IV"] and len(m) == len(klaster.KLASTER)
    r = data.iloc[0]
    assert m.iloc[0, 0] == f"{r['realisasi']:,} / {r['target']:,}".replace(",", ".")


def test_perubahan_target_untuk_log_audit():
    """Each target edit's audit entry keeps the old and new value of every target it changed."""
    import pandas as pd

    lama = pd.DataFrame({"klaster": ["air", "air", "rtlh"], "triwulan": [1, 2, 1], "target_keluarga": [10, 20, None]})
    baru = pd.DataFrame({"klaster": ["air", "air", "rtlh"], "triwulan": [1, 2, 1], "target_keluarga": [10, 25, 5]})
    assert progres.perubahan_target(lama, baru) == [
        {"klaster": "air", "triwulan": 2, "lama": 20, "baru": 25},
        {"klaster": "rtlh", "triwulan": 1, "lama": None, "baru": 5}]
    assert progres.perubahan_target(lama, lama) == []
