"""Meeting follow-ups (pke.tindak_lanjut and the Tindak Lanjut Rakor view): recording a decision, the status shown
(selesai / berjalan / terlambat on a fixed day), who may update what (the OPD concerned, analysts, administrators,
inside their region), validation that writes nothing, the audit entry in the same transaction, the migration of an
older store, and the view: the form, the OPD's update, the wall (no widgets) and another region's user."""
from __future__ import annotations

import datetime as dt
import sqlite3
from itertools import combinations

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from pke import akun, audit, operasional
from pke import tindak_lanjut as tl
from pke.config import ROOT
from pke.i18n import atur_bahasa, dalam_bahasa
from tests.conftest import KAB
from tests.test_app import _app

KEC = "33.15.01"              # Kedungjati, Kab. Grobogan
KEC_2 = "33.15.02"
DESA = "33.15.01.2001"        # Karanglangu
KAB_LUAR = "33.04"            # Banjarnegara
HARI = dt.date(2026, 11, 23)
RAKOR = dt.date(2026, 10, 1)

ANALIS = akun.Pengguna("analis", "analis", KAB)
ANALIS_LUAR = akun.Pengguna("analis.bna", "analis", KAB_LUAR)
ADMIN = akun.Pengguna("admin", "admin", akun.NASIONAL)
PIMPINAN = akun.Pengguna("pimpinan", "pimpinan", "33")
DINSOS = akun.Pengguna("opd", "opd", KAB, "Dinsos")
DINKES = akun.Pengguna("dinkes", "opd", KAB, "Dinkes")
DINSOS_LUAR = akun.Pengguna("dinsos.bna", "opd", KAB_LUAR, "Dinsos")


@pytest.fixture()
def toko():
    con = operasional.buka()
    yield con
    con.close()


def _catat(con, pengguna=ANALIS, **lain):
    isi = {"kode": KAB, "klaster": "disabilitas", "keputusan": "Salurkan alat bantu disabilitas di desa prioritas",
           "opd": "Dinsos", "tenggat": dt.date(2026, 12, 31), "tanggal_rakor": RAKOR} | lain
    return tl.catat(con, pengguna, **isi)


def _baris(con, id_):
    return dict(con.execute("SELECT * FROM tindak_lanjut WHERE id = ?", (id_,)).fetchone())


def _aksi(con) -> list[str]:
    return [e["aksi"] for e in reversed(audit.daftar(con))]


# ---------- the domain ---------------------------------------------------------------------------------------

def test_catat_dan_daftar(toko):
    id_ = _catat(toko, keputusan="  Salurkan alat bantu\n disabilitas  ")
    kec = _catat(toko, kode=KEC, klaster=None, keputusan="Rapat verval desa", opd="dinkes")
    b = _baris(toko, id_)
    assert (b["kode_wilayah"], b["klaster"], b["keputusan"], b["opd"], b["tenggat"], b["tanggal_rakor"],
            b["status_opd"], b["dicatat_oleh"]) == (KAB, "disabilitas", "Salurkan alat bantu disabilitas", "Dinsos",
                                                    "2026-12-31", "2026-10-01", "berjalan", "analis")
    assert _baris(toko, kec)["opd"] == "Dinkes"  # the catalogue's spelling, so the Dinkes account finds it
    # the region and below, inside the scope
    df = tl.daftar(toko, KAB, KAB, hari_ini=HARI)
    assert list(df.columns) == tl.KOLOM
    assert set(df["id"]) == {id_, kec}
    assert df.set_index("id").loc[kec, "nama_wilayah"] == "Kedungjati"
    assert df.set_index("id").loc[id_, "tenggat"] == dt.date(2026, 12, 31)
    assert tl.daftar(toko, KEC, KAB, hari_ini=HARI)["id"].tolist() == [kec]
    assert tl.daftar(toko, DESA, KAB, hari_ini=HARI).empty          # a decision above a region is not its own
    assert tl.daftar(toko, KEC_2, "", hari_ini=HARI).empty
    assert set(tl.daftar(toko, "33", "", hari_ini=HARI)["id"]) == {id_, kec}
    assert set(tl.daftar(toko, "", "", hari_ini=HARI)["id"]) == {id_, kec}
    # the scope limits whatever region is asked for
    assert tl.daftar(toko, KAB, KAB_LUAR, hari_ini=HARI).empty
    assert tl.daftar(toko, "33", KAB_LUAR, hari_ini=HARI).empty
    assert tl.daftar(toko, "33", KEC, hari_ini=HARI)["id"].tolist() == [kec]
    assert tl.daftar(toko, KAB, None).empty and list(tl.daftar(toko, KAB, None).columns) == tl.KOLOM
    # one audit entry per decision, about its region, with its fields; a first history row
    entri = audit.daftar(toko)
    assert [e["aksi"] for e in entri] == [audit.TINDAK_LANJUT_CATAT] * 2
    assert entri[-1]["lingkup"] == KAB and entri[-1]["rincian"]["opd"] == "Dinsos"
    assert entri[-1]["rincian"]["tenggat"] == "2026-12-31" and entri[-1]["rincian"]["id"] == id_
    assert audit.periksa(toko)[0]
    assert tl.riwayat(toko, id_)[["status_opd", "oleh"]].values.tolist() == [["berjalan", "analis"]]
    assert set(audit.LABEL_AKSI) >= {audit.TINDAK_LANJUT_CATAT, audit.TINDAK_LANJUT_PERBARUI,
                                     audit.TINDAK_LANJUT_BATAL}


def test_status_dihitung(toko):
    lewat = _catat(toko, tenggat=dt.date(2026, 11, 20), keputusan="Lewat")
    hari_ini = _catat(toko, tenggat=HARI, keputusan="Hari ini")
    nanti = _catat(toko, tenggat=dt.date(2027, 1, 31), keputusan="Nanti")
    selesai = _catat(toko, tenggat=dt.date(2026, 11, 1), keputusan="Selesai")
    tl.perbarui(toko, DINSOS, selesai, "selesai", "Sudah disalurkan.", hari_ini=dt.date(2026, 10, 30))
    df = tl.daftar(toko, KAB, KAB, hari_ini=HARI)
    # overdue first, then running, then done; each by its deadline
    assert df["id"].tolist() == [lewat, hari_ini, nanti, selesai]
    assert df["status"].tolist() == ["terlambat", "berjalan", "berjalan", "selesai"]
    assert df["label_status"].tolist() == ["Terlambat", "Berjalan", "Berjalan", "Selesai"]
    assert df["sisa_hari"].tolist() == [-3, 0, 69, -22]
    assert df.set_index("id").loc[selesai, "selesai_pada"] == dt.date(2026, 10, 30)
    assert tl.ringkasan(df) == {"selesai": 1, "berjalan": 2, "terlambat": 1}
    assert tl.teks_ringkasan(df) == "1 selesai · 2 berjalan · 1 terlambat"
    # the same decisions a day before the first deadline: nothing late
    assert tl.ringkasan(tl.daftar(toko, KAB, KAB, hari_ini=dt.date(2026, 11, 19)))["terlambat"] == 0
    tabel = tl.tabel(df)
    assert tabel["Keterangan"].tolist() == ["Lewat 3 hari", "Tenggat hari ini", "69 hari lagi", "Selesai 30 Oktober 2026"]
    assert tabel["Status"].tolist() == df["label_status"].tolist()
    assert tabel["Klaster"].iloc[0] == "Disabilitas" and tabel["Tenggat"].iloc[0] == "20 November 2026"
    assert tabel["Diperbarui oleh"].tolist() == ["analis", "analis", "analis", "opd"]
    dinding = tl.tabel(df, dinding=True)
    assert "Diperbarui oleh" not in dinding.columns and "No." not in dinding.columns
    assert tl.tabel(tl.daftar(toko, KAB_LUAR, "", hari_ini=HARI)).empty
    with dalam_bahasa("en"):
        assert tl.teks_ringkasan(df) == "1 done · 2 in progress · 1 late"
        assert tl.label_status("terlambat") == "Late"
        assert set(tl.warna_status()) == {"Done", "In progress", "Late"}
    assert tl.status_tampil("berjalan", dt.date(2026, 1, 1), dt.date(2026, 1, 2)) == "terlambat"


def test_perbarui_hanya_opd_terkait(toko):
    id_ = _catat(toko)
    # another sector's OPD, the same OPD of another kabupaten, heads, an analyst of another kabupaten: refused
    with pytest.raises(tl.TindakLanjutError, match="ditugaskan kepada Dinsos"):
        tl.perbarui(toko, DINKES, id_, "selesai", None)
    with pytest.raises(tl.TindakLanjutError, match="di luar wilayah kerja Anda"):
        tl.perbarui(toko, DINSOS_LUAR, id_, "selesai", None)
    with pytest.raises(tl.TindakLanjutError, match="Hanya OPD yang ditugasi"):
        tl.perbarui(toko, PIMPINAN, id_, "selesai", None)
    with pytest.raises(tl.TindakLanjutError, match="di luar wilayah kerja Anda"):
        tl.perbarui(toko, ANALIS_LUAR, id_, "selesai", None)
    with pytest.raises(tl.TindakLanjutError, match="Status tidak dikenal: terlambat"):
        tl.perbarui(toko, DINSOS, id_, "terlambat", None)  # computed, never set
    with pytest.raises(tl.TindakLanjutError, match="tidak ada"):
        tl.perbarui(toko, DINSOS, 999, "selesai", None)
    assert _baris(toko, id_)["status_opd"] == "berjalan"
    assert _aksi(toko) == [audit.TINDAK_LANJUT_CATAT]  # refused steps leave no entry
    assert not tl.boleh_perbarui(DINKES, _baris(toko, id_)) and tl.boleh_perbarui(DINSOS, _baris(toko, id_))
    # the OPD concerned: a progress note, then done
    tl.perbarui(toko, DINSOS, id_, "berjalan", "12 dari 30 alat bantu tersalurkan.")
    tl.perbarui(toko, DINSOS, id_, "selesai", "30 alat bantu tersalurkan.", hari_ini=HARI)
    b = _baris(toko, id_)
    assert (b["status_opd"], b["catatan"], b["selesai_pada"], b["diubah_oleh"]) == \
        ("selesai", "30 alat bantu tersalurkan.", "2026-11-23", "opd")
    with pytest.raises(tl.TindakLanjutError, match="Tidak ada yang berubah"):
        tl.perbarui(toko, DINSOS, id_, "selesai", " 30 alat bantu  tersalurkan. ")
    # an analyst (or administrator) of the region may reopen it; reopening clears the day it was done
    tl.perbarui(toko, ANALIS, id_, "berjalan", "Dua alat bantu rusak, diganti.")
    tl.perbarui(toko, ADMIN, id_, "berjalan", None)
    b = _baris(toko, id_)
    assert (b["status_opd"], b["catatan"], b["selesai_pada"], b["diubah_oleh"]) == ("berjalan", None, None, "admin")
    assert tl.riwayat(toko, id_)["oleh"].tolist() == ["admin", "analis", "opd", "opd", "analis"]
    assert _aksi(toko) == [audit.TINDAK_LANJUT_CATAT] + [audit.TINDAK_LANJUT_PERBARUI] * 4
    selesai = [e for e in audit.daftar(toko) if e["aksi"] == audit.TINDAK_LANJUT_PERBARUI][2]
    assert selesai["pengguna"] == "opd" and selesai["lingkup"] == KAB
    assert selesai["rincian"]["perubahan"] == {
        "status_opd": {"lama": "berjalan", "baru": "selesai"},
        "catatan": {"lama": "12 dari 30 alat bantu tersalurkan.", "baru": "30 alat bantu tersalurkan."}}
    assert audit.periksa(toko)[0]


def test_catat_hak_dan_wilayah(toko):
    for tanpa_hak in (DINSOS, PIMPINAN):
        with pytest.raises(tl.TindakLanjutError, match="Hanya analis Bappeda atau administrator"):
            _catat(toko, tanpa_hak)
    with pytest.raises(tl.TindakLanjutError, match=r"Kab\. Banjarnegara \(33\.04\) di luar wilayah kerja Anda"):
        _catat(toko, kode=KAB_LUAR)
    with pytest.raises(tl.TindakLanjutError, match="di luar wilayah kerja Anda"):
        _catat(toko, ANALIS_LUAR)
    assert _catat(toko, ADMIN, kode=KAB_LUAR) == 1  # a national administrator may
    assert [e["aksi"] for e in audit.daftar(toko)] == [audit.TINDAK_LANJUT_CATAT]


@pytest.mark.parametrize("isi,pesan", [
    ({"keputusan": ""}, "Keputusan wajib diisi"),
    ({"keputusan": "  \n "}, "Keputusan wajib diisi"),
    ({"keputusan": None}, "Keputusan wajib diisi"),
    ({"keputusan": "x" * 501}, "Keputusan paling panjang 500 karakter"),
    ({"keputusan": "Kunjungi keluarga NIK 3315012345678901"}, "tidak boleh memuat NIK"),
    ({"klaster": "jalan"}, "Klaster tidak dikenal: jalan"),
    ({"kode": "33.99"}, "Kode wilayah tidak dikenal: 33.99"),
    ({"kode": "33.15'; DROP TABLE tindak_lanjut; --"}, "Kode wilayah tidak dikenal"),
    ({"kode": "nasional"}, "Kode wilayah tidak dikenal"),
    ({"kode": ""}, "Kode wilayah tidak dikenal"),
    ({"opd": ""}, "OPD wajib diisi"),
    ({"opd": "Dinas Pariwisata"}, "OPD tidak dikenal: Dinas Pariwisata"),
    ({"tenggat": "31-12-2026"}, "Tenggat bukan tanggal yang sah: 31-12-2026"),
    ({"tenggat": None}, "Tenggat bukan tanggal yang sah"),
    ({"tenggat": "1999-12-31", "tanggal_rakor": "1999-12-01"}, "di luar tahun 2000–2100"),
    ({"tanggal_rakor": "kemarin"}, "Tanggal rakor bukan tanggal yang sah"),
    ({"tenggat": dt.date(2026, 9, 30)}, r"Tenggat \(30 September 2026\) sebelum tanggal rakor \(1 Oktober 2026\)"),
])
def test_validasi_tidak_menulis_apa_pun(toko, isi, pesan):
    with pytest.raises(tl.TindakLanjutError, match=pesan):
        _catat(toko, **isi)
    assert toko.execute("SELECT count(*) FROM tindak_lanjut").fetchone()[0] == 0
    assert toko.execute("SELECT count(*) FROM tindak_lanjut_riwayat").fetchone()[0] == 0
    assert audit.daftar(toko) == []


def test_tanggal_dari_teks_dan_bawaan(toko):
    id_ = _catat(toko, tenggat="2026-12-15", tanggal_rakor=dt.datetime(2026, 10, 1, 9, 30))
    assert (_baris(toko, id_)["tenggat"], _baris(toko, id_)["tanggal_rakor"]) == ("2026-12-15", "2026-10-01")
    hari_ini = tl.hari_ini_wib()
    id_ = tl.catat(toko, ANALIS, KAB, "", "Tanpa tanggal rakor", "Disdik", hari_ini + dt.timedelta(days=7))
    b = _baris(toko, id_)
    assert b["tanggal_rakor"] == hari_ini.isoformat() and b["klaster"] is None


def test_opd_dari_akun_wilayah(toko):
    akun.tambah(toko, "pupr.grobogan", "sandi-yang-panjang", "opd", KAB, "Dinas PUPR")
    akun.tambah(toko, "pupr.bna", "sandi-yang-panjang", "opd", KAB_LUAR, "DPU Banjarnegara")
    assert "Dinas PUPR" in tl.daftar_opd(toko, KAB) and "DPU Banjarnegara" not in tl.daftar_opd(toko, KAB)
    assert tl.daftar_opd(toko, KAB)[:len(tl.OPD_KATALOG)] == list(tl.OPD_KATALOG)
    assert {"Dinsos", "Dispermasdes", "Bappeda", "Disdukcapil"} <= set(tl.OPD_KATALOG)
    id_ = _catat(toko, opd="dinas pupr")
    assert _baris(toko, id_)["opd"] == "Dinas PUPR"
    with pytest.raises(tl.TindakLanjutError, match="OPD tidak dikenal: DPU Banjarnegara"):
        _catat(toko, opd="DPU Banjarnegara")
    tl.perbarui(toko, akun.Pengguna("pupr.grobogan", "opd", KAB, "Dinas PUPR"), id_, "selesai", None)


def test_audit_dalam_transaksi_yang_sama(toko, monkeypatch):
    """When the audit entry cannot be written, the decision (or its update) is not written either."""
    id_ = _catat(toko)

    def gagal(*args, **kwargs):
        raise audit.AuditError("disk penuh")

    monkeypatch.setattr(audit, "catat", gagal)
    with pytest.raises(audit.AuditError):
        _catat(toko, keputusan="Tidak akan tersimpan")
    with pytest.raises(audit.AuditError):
        tl.perbarui(toko, DINSOS, id_, "selesai", "Tidak akan tersimpan")
    with pytest.raises(audit.AuditError):
        tl.batalkan(toko, ANALIS, id_, "Tidak akan tersimpan")
    monkeypatch.undo()
    assert toko.execute("SELECT count(*) FROM tindak_lanjut").fetchone()[0] == 1
    assert toko.execute("SELECT count(*) FROM tindak_lanjut_riwayat").fetchone()[0] == 1
    b = _baris(toko, id_)
    assert (b["status_opd"], b["catatan"], b["dibatalkan_pada"]) == ("berjalan", None, None)
    assert not toko.in_transaction
    assert _aksi(toko) == [audit.TINDAK_LANJUT_CATAT]


def test_batalkan(toko):
    id_ = _catat(toko)
    tetap = _catat(toko, keputusan="Tetap")
    for tanpa_hak in (DINSOS, PIMPINAN):
        with pytest.raises(tl.TindakLanjutError, match="dapat membatalkan"):
            tl.batalkan(toko, tanpa_hak, id_, "Salah catat")
    with pytest.raises(tl.TindakLanjutError, match="Alasan pembatalan wajib diisi"):
        tl.batalkan(toko, ANALIS, id_, "  ")
    with pytest.raises(tl.TindakLanjutError, match="di luar wilayah kerja"):
        tl.batalkan(toko, ANALIS_LUAR, id_, "Salah catat")
    tl.batalkan(toko, ANALIS, id_, "Dicatat dua kali")
    assert tl.daftar(toko, KAB, KAB)["id"].tolist() == [tetap]
    b = _baris(toko, id_)
    assert (b["dibatalkan_oleh"], b["alasan_batal"]) == ("analis", "Dicatat dua kali") and b["dibatalkan_pada"]
    for langkah in (lambda: tl.batalkan(toko, ANALIS, id_, "lagi"),
                    lambda: tl.perbarui(toko, DINSOS, id_, "selesai", None)):
        with pytest.raises(tl.TindakLanjutError, match="tidak ada"):
            langkah()
    batal = audit.daftar(toko)[0]
    assert batal["aksi"] == audit.TINDAK_LANJUT_BATAL and batal["rincian"]["alasan"] == "Dicatat dua kali"


def test_warna_terbaca_dan_berbeda():
    from tests.test_warna import CVD, TEKS, _lihat, kontras

    for warna in tl.WARNA.values():
        assert kontras(TEKS, warna) >= 4.5
        assert kontras("#31333f", warna) >= 4.5  # Streamlit's own table text
    for jenis in CVD:
        lab = [_lihat(w, jenis) for w in tl.WARNA.values()]
        assert min(float(np.linalg.norm(a - b)) for a, b in combinations(lab, 2)) >= 10, jenis
    assert tl.warna_status() == {"Selesai": "#9be3c5", "Berjalan": "#bcd9f2", "Terlambat": "#f7b58f"}


def test_isi_contoh(toko):
    assert tl.isi_contoh(toko, hari_ini=HARI) == 3
    df = tl.daftar(toko, KAB, "", hari_ini=HARI)
    assert sorted(df["status"]) == ["berjalan", "selesai", "terlambat"]
    assert tl.isi_contoh(toko, hari_ini=HARI) == 0  # once
    assert audit.periksa(toko)[0]


def test_migrasi_dari_toko_versi_2(tmp_path):
    """A store made before this step (user_version 2, with accounts and reports) gains the tables and keeps its
    data."""
    path = tmp_path / "lama.sqlite"
    con = sqlite3.connect(path, isolation_level=None)
    for langkah in operasional._MIGRASI[:2]:
        for pernyataan in operasional._pernyataan(langkah):
            con.execute(pernyataan)
    con.execute("PRAGMA user_version = 2")
    con.execute("INSERT INTO pengaturan (kunci, nilai) VALUES ('agregat_publik', '1')")
    con.close()
    baru = operasional.buka(path)
    assert baru.execute("PRAGMA user_version").fetchone()[0] == operasional.VERSI_SKEMA >= 3
    assert operasional.pengaturan(baru, "agregat_publik") == "1"
    assert _catat(baru) == 1
    with pytest.raises(sqlite3.IntegrityError):
        baru.execute("UPDATE tindak_lanjut SET status_opd = 'terlambat' WHERE id = 1")  # computed, never stored
    baru.close()


# ---------- the view ---------------------------------------------------------------------------------------

def _isi_toko(hari_ini: dt.date | None = None) -> dict[str, int]:
    """Three decisions in the test's store (the demo accounts too): Dinsos late, Dinkes running, Disdik done."""
    from pke import demo_akun

    hari_ini = hari_ini or tl.hari_ini_wib()
    with operasional.buka() as con:
        demo_akun.pastikan(con)
        ids = {
            "dinsos": _catat(con, kode=KEC, tenggat=hari_ini - dt.timedelta(days=5),
                             tanggal_rakor=hari_ini - dt.timedelta(days=40),
                             keputusan="Salurkan alat bantu <b>disabilitas</b> [di sini](http://x)"),
            "dinkes": _catat(con, klaster="jamban", opd="Dinkes", tenggat=hari_ini + dt.timedelta(days=10),
                             tanggal_rakor=hari_ini - dt.timedelta(days=40), keputusan="Verifikasi ulang data jamban"),
            "disdik": _catat(con, klaster="ats", opd="Disdik", tenggat=hari_ini + dt.timedelta(days=3),
                             tanggal_rakor=hari_ini - dt.timedelta(days=40), keputusan="Perbarui data ATS"),
        }
        tl.perbarui(con, ADMIN, ids["disdik"], "selesai", "Data ATS dari Dapodik sudah dipadankan.")
    return ids


def _judul(at) -> str:
    """The page's title and the key message, wherever the header draws them (a title, or the wall's one line)."""
    return " ".join(e.value for e in (*at.title, *at.header, *at.subheader, *at.markdown))


def _tabel_tl(at):
    return next(d.value for d in at.dataframe if "Keputusan" in d.value.columns)


def test_halaman_analis_mencatat_dan_memperbarui(app_env):
    at = _app("pages/tindak_lanjut.py", sebagai="analis", wilayah=KAB)
    assert "Tindak lanjut rakor" in _judul(at)
    assert any("Belum ada keputusan rakor yang dicatat" in i.value for i in at.info)
    assert any("0 selesai · 0 berjalan · 0 terlambat" in m.value for m in at.markdown)
    # the region defaults to the sidebar's and offers its kecamatan
    wilayah = at.selectbox(key="tl_wilayah")
    assert wilayah.value == KAB and wilayah.options[:2] == ["Kab. Grobogan", "Kedungjati"]
    hari_ini = tl.hari_ini_wib()
    assert at.date_input(key="tl_rakor").value == hari_ini
    at.text_area(key="tl_keputusan").input("Verifikasi ulang data jamban di desa prioritas")
    at.selectbox(key="tl_opd").set_value("Dinkes")
    at.selectbox(key="tl_klaster").set_value("jamban")
    at.selectbox(key="tl_wilayah").set_value(KEC)
    at.date_input(key="tl_tenggat").set_value(hari_ini + dt.timedelta(days=14))
    at.button(key="tl_simpan").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("Keputusan #1 dicatat." in s.value for s in at.success)
    tabel = _tabel_tl(at)
    assert tabel.iloc[0][["No.", "Keputusan", "OPD", "Wilayah", "Klaster", "Status", "Keterangan"]].tolist() == \
        [1, "Verifikasi ulang data jamban di desa prioritas", "Dinkes", "Kedungjati", "Jamban", "Berjalan",
         "14 hari lagi"]
    assert any("0 selesai · 1 berjalan · 0 terlambat" in m.value for m in at.markdown)
    # an empty decision is refused with the reason, nothing written
    at.button(key="tl_simpan").click().run()
    assert any("Keputusan wajib diisi" in e.value for e in at.error)
    # the analyst marks it done
    at.radio(key="tl_status_1").set_value("selesai")
    at.text_area(key="tl_catatan_1").input("Selesai di 12 desa.")
    at.button(key="tl_kirim").click().run()
    assert any("Tindak lanjut #1 diperbarui." in s.value for s in at.success)
    assert _tabel_tl(at).iloc[0][["Status", "Catatan OPD"]].tolist() == ["Selesai", "Selesai di 12 desa."]
    assert any("1 selesai · 0 berjalan · 0 terlambat" in m.value for m in at.markdown)
    with operasional.buka() as con:
        assert [e["aksi"] for e in audit.daftar(con) if e["aksi"].startswith("tindak_lanjut")] == \
            [audit.TINDAK_LANJUT_PERBARUI, audit.TINDAK_LANJUT_CATAT]


def test_halaman_opd_memperbarui_miliknya_saja(app_env):
    ids = _isi_toko()
    at = _app("pages/tindak_lanjut.py", sebagai="opd", wilayah=KAB)  # Dinsos Grobogan
    assert not [b for b in at.button if b.key == "tl_simpan"]  # no form to record decisions
    assert len(_tabel_tl(at)) == 3  # sees every decision of its region
    # the markup in a decision is shown as text
    assert _tabel_tl(at).iloc[0]["Keputusan"].startswith("Salurkan alat bantu <b>")
    assert at.selectbox(key="tl_pilih").options[0].startswith(f"#{ids['dinsos']} · Dinsos")
    assert len(at.selectbox(key="tl_pilih").options) == 1  # may update its own only
    at.radio(key=f"tl_status_{ids['dinsos']}").set_value("selesai")
    at.button(key="tl_kirim").click().run()
    assert any(f"Tindak lanjut #{ids['dinsos']} diperbarui." in s.value for s in at.success)
    tabel = _tabel_tl(at).set_index("No.")
    assert tabel.loc[ids["dinsos"], "Status"] == "Selesai" and tabel.loc[ids["dinsos"], "Diperbarui oleh"] == "opd"
    assert tabel.loc[ids["dinkes"], "Status"] == "Berjalan"


def test_presentasi_tanpa_widget(app_env):
    ids = _isi_toko()
    at = _app("pages/tindak_lanjut.py", sebagai="pimpinan", wilayah=KAB, presentasi="1")
    assert "Tindak lanjut rakor lalu" in _judul(at)
    assert "1 selesai · 1 berjalan · 1 terlambat" in _judul(at)
    main = at.main
    for jenis in ("selectbox", "radio", "multiselect", "text_area", "text_input", "date_input", "number_input",
                  "toggle", "checkbox", "dataframe", "tabs", "expander"):
        assert not getattr(main, jenis), jenis
    assert not main.get("download_button")
    assert all(b.key.startswith("tayang_") for b in main.button)  # only the wall's own ◀ ▶ ✕
    tabel = at.table[0].value
    assert list(tabel.columns) == ["Keputusan", "OPD", "Wilayah", "Klaster", "Tenggat", "Status", "Keterangan",
                                   "Catatan OPD"]
    assert tabel["Status"].tolist() == ["Terlambat", "Berjalan", "Selesai"]
    assert "\\<b\\>" in tabel["Keputusan"].iloc[0] and "\\[di sini\\]" in tabel["Keputusan"].iloc[0]  # as text
    assert "analis" not in " ".join(str(v) for v in tabel.to_numpy().ravel())  # no account names on the wall
    assert len(ids) == 3
    en = _app("pages/tindak_lanjut.py", sebagai="pimpinan", wilayah=KAB, presentasi="1", bahasa="en")
    assert "Follow-ups of the last meeting" in _judul(en)
    assert "1 done · 1 in progress · 1 late" in _judul(en)
    assert en.table[0].value["Status"].tolist() == ["Late", "In progress", "Done"]


def _app_akun(nama: str, peran: str, wilayah_akun: str, **qp) -> AppTest:
    """The view opened by an account of the test's own (not a demo one)."""
    with operasional.buka() as con:
        akun.tambah(con, nama, "sandi-yang-panjang", peran, wilayah_akun)
        token = akun.buat_sesi(con, nama)
    atur_bahasa("id")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in qp.items():
        at.query_params[k] = v
    at.session_state["_token"] = token
    at.run()
    at.switch_page("pages/tindak_lanjut.py").run()
    assert not at.exception, at.exception
    return at


def test_pengguna_wilayah_lain_tidak_melihat(app_env):
    _isi_toko()
    # an analyst of another kabupaten: nothing of Grobogan, whatever the link says
    luar = _app_akun("analis.bna", "analis", KAB_LUAR, wilayah=KAB)
    isi = " ".join(str(e.value) for e in (*luar.markdown, *luar.title, *luar.caption, *luar.info))
    assert any("di luar wilayah akses" in e.value or "Tidak ada data" in e.value for e in luar.error)
    assert not luar.dataframe and not luar.table and "jamban" not in isi and "Salurkan" not in isi
    # an analyst of another kecamatan of the same kabupaten: neither the kabupaten's nor Kedungjati's decisions
    kec = _app_akun("analis.kec2", "analis", KEC_2, wilayah=KEC_2)
    assert not kec.error
    assert any("Belum ada keputusan rakor yang dicatat" in i.value for i in kec.info)
    assert any("0 selesai · 0 berjalan · 0 terlambat" in m.value for m in kec.markdown)
    assert not kec.dataframe or "Keputusan" not in kec.dataframe[0].value.columns


def test_halaman_admin_membatalkan(app_env):
    ids = _isi_toko()
    at = _app("pages/tindak_lanjut.py", sebagai="admin", wilayah=KAB)
    i = ids["dinkes"]
    at.selectbox(key="tl_pilih").set_value(i).run()
    assert [e.label for e in at.expander] == [f"Riwayat #{i}", f"Batalkan keputusan #{i}"]
    riwayat = next(d.value for d in at.dataframe if "Oleh" in d.value.columns)
    assert riwayat[["Status", "Oleh"]].values.tolist() == [["Berjalan", "analis"]]
    assert riwayat["Waktu"].iloc[0].endswith("WIB")
    at.button(key="tl_batal").click().run()  # no reason: refused
    assert any("Alasan pembatalan wajib diisi" in e.value for e in at.error)
    at.text_input(key=f"tl_alasan_{i}").input("Dicatat dua kali")
    at.button(key="tl_batal").click().run()
    assert any(f"Keputusan #{i} dibatalkan." in s.value for s in at.success)
    assert i not in _tabel_tl(at)["No."].tolist() and len(_tabel_tl(at)) == 2
