"""OPD quarterly progress reports (pke.lapor, the Laporan OPD view, and the Progres Triwulan section): the workflow
draft -> submitted -> approved, and returned (with a required comment) -> edited -> submitted again; who may do what;
validation messages; the audit trail; who has reported by the deadline; and that only approved reports reach the
dashboard's figures."""
from __future__ import annotations

import datetime as dt

import pytest
import streamlit as st

from pke import akun, audit, db, fmt, klaster, lapor, operasional
from tests.conftest import KAB
from tests.test_app import _app

DESA = "33.15.01.2001"        # Karanglangu, Kec. Kedungjati, Kab. Grobogan
DESA_2 = "33.15.01.2002"      # Panimbo, same kecamatan
DESA_LUAR = "33.04.01.2001"   # a village of Banjarnegara

OPD = akun.Pengguna("opd", "opd", "33.15", "Dinsos")
OPD_LAIN = akun.Pengguna("dinkes", "opd", "33.15", "Dinkes")
OPD_TANPA_NAMA = akun.Pengguna("opd.kosong", "opd", "33.15", None)
ANALIS = akun.Pengguna("analis", "analis", "33.15")
ANALIS_LUAR = akun.Pengguna("analis.bna", "analis", "33.04")
ADMIN = akun.Pengguna("admin", "admin", akun.NASIONAL)
PIMPINAN = akun.Pengguna("pimpinan", "pimpinan", "33")


@pytest.fixture()
def toko():
    con = operasional.buka()
    yield con
    con.close()


def _draf(con, pengguna=OPD, **lain):
    isi = {"kode_desa": DESA, "klaster": "disabilitas", "tahun": 2026, "triwulan": 4, "keluarga_terjangkau": 12,
           "program": "ATENSI", "sumber_dana": "APBN", "nilai_rp": 24_000_000} | lain
    return lapor.buat_draf(con, pengguna, **isi)


def _laporan(con, id_):
    return dict(con.execute("SELECT * FROM laporan_opd WHERE id = ?", (id_,)).fetchone())


def _aksi(con) -> list[str]:
    return [e["aksi"] for e in reversed(audit.daftar(con))]


def test_draf_diajukan_disetujui(toko):
    id_ = _draf(toko)
    b = _laporan(toko, id_)
    assert (b["status"], b["opd"], b["dibuat_oleh"], b["keluarga_terjangkau"], b["nilai_rp"]) == \
        ("draf", "Dinsos", "opd", 12, 24_000_000)
    assert lapor.daftar(toko, "33.15")["nama_desa"].tolist() == ["Karanglangu"]
    # neither a draft nor a submitted report is read by the queries
    assert operasional.untuk_kueri(toko)["laporan_opd"].empty
    lapor.ajukan(toko, OPD, id_)
    b = _laporan(toko, id_)
    assert b["status"] == "diajukan" and b["diajukan_pada"]
    assert operasional.untuk_kueri(toko)["laporan_opd"].empty
    versi = operasional.versi_kueri(toko)
    lapor.setujui(toko, ANALIS, id_)
    b = _laporan(toko, id_)
    assert (b["status"], b["diputus_oleh"]) == ("disetujui", "analis") and b["diputus_pada"]
    assert operasional.versi_kueri(toko) == versi + 1  # cached figures are recomputed
    dilaporkan = operasional.untuk_kueri(toko)["laporan_opd"]
    assert dilaporkan["id"].tolist() == [id_] and dilaporkan["keluarga_terjangkau"].tolist() == [12]
    # the audit trail: one entry per step, each about the village, the chain intact
    assert _aksi(toko) == [audit.LAPOR_BUAT, audit.LAPOR_AJUKAN, audit.LAPOR_SETUJUI]
    entri = audit.daftar(toko)
    assert {e["lingkup"] for e in entri} == {DESA}
    assert entri[0]["pengguna"] == "analis" and entri[0]["rincian"]["keluarga_terjangkau"] == 12
    assert entri[-1]["pengguna"] == "opd" and entri[-1]["rincian"]["opd"] == "Dinsos"
    assert audit.periksa(toko)[0]
    # a decided report is final: no second decision, no edit, no resubmission
    for langkah in (lambda: lapor.setujui(toko, ANALIS, id_), lambda: lapor.kembalikan(toko, ANALIS, id_, "x"),
                    lambda: lapor.ubah_draf(toko, OPD, id_, keluarga_terjangkau=1),
                    lambda: lapor.ajukan(toko, OPD, id_)):
        with pytest.raises(lapor.LaporError, match="berstatus Disetujui"):
            langkah()


def test_dikembalikan_diubah_diajukan_lagi(toko):
    id_ = _draf(toko)
    lapor.ajukan(toko, OPD, id_)
    for kosong in (None, "", "   "):
        with pytest.raises(lapor.LaporError, match="Alasan pengembalian wajib diisi"):
            lapor.kembalikan(toko, ANALIS, id_, kosong)
    assert _laporan(toko, id_)["status"] == "diajukan"
    versi = operasional.versi_kueri(toko)
    lapor.kembalikan(toko, ANALIS, id_, "  Jumlah keluarga belum sesuai daftar penerima ATENSI.  ")
    b = _laporan(toko, id_)
    assert b["status"] == "dikembalikan" and b["komentar"] == "Jumlah keluarga belum sesuai daftar penerima ATENSI."
    assert operasional.versi_kueri(toko) == versi + 1
    # edited: still returned (the comment stays visible) until it is submitted again
    lapor.ubah_draf(toko, OPD, id_, keluarga_terjangkau=9, kode_desa=DESA_2)
    b = _laporan(toko, id_)
    assert (b["status"], b["keluarga_terjangkau"], b["kode_desa"], b["program"]) == \
        ("dikembalikan", 9, DESA_2, "ATENSI")
    lapor.ajukan(toko, OPD, id_)
    assert _laporan(toko, id_)["status"] == "diajukan"
    lapor.setujui(toko, ADMIN, id_, "Sudah sesuai.")
    b = _laporan(toko, id_)
    assert (b["status"], b["diputus_oleh"], b["komentar"]) == ("disetujui", "admin", "Sudah sesuai.")
    assert _aksi(toko) == [audit.LAPOR_BUAT, audit.LAPOR_AJUKAN, audit.LAPOR_KEMBALIKAN, audit.LAPOR_UBAH,
                           audit.LAPOR_AJUKAN, audit.LAPOR_SETUJUI]
    ubah = [e for e in audit.daftar(toko) if e["aksi"] == audit.LAPOR_UBAH][0]
    assert ubah["rincian"]["perubahan"] == {"keluarga_terjangkau": {"lama": 12, "baru": 9},
                                            "kode_desa": {"lama": DESA, "baru": DESA_2}}
    kembali = [e for e in audit.daftar(toko) if e["aksi"] == audit.LAPOR_KEMBALIKAN][0]
    assert kembali["rincian"]["komentar"].startswith("Jumlah keluarga")
    assert set(audit.LABEL_AKSI) >= {audit.LAPOR_BUAT, audit.LAPOR_UBAH, audit.LAPOR_AJUKAN, audit.LAPOR_SETUJUI,
                                     audit.LAPOR_KEMBALIKAN}


def test_peran_dan_wilayah(toko):
    # only an OPD account drafts, and only for its own region
    for bukan_opd in (ANALIS, ADMIN, PIMPINAN):
        with pytest.raises(lapor.LaporError, match="Hanya akun OPD"):
            _draf(toko, bukan_opd)
    with pytest.raises(lapor.LaporError, match="belum mencantumkan nama OPD"):
        _draf(toko, OPD_TANPA_NAMA)
    with pytest.raises(lapor.LaporError, match=r"Desa .* di luar wilayah kerja Anda \(33\.15\)"):
        _draf(toko, kode_desa=DESA_LUAR)
    id_ = _draf(toko)
    # another OPD may neither edit nor submit it
    with pytest.raises(lapor.LaporError, match="milik Dinsos"):
        lapor.ubah_draf(toko, OPD_LAIN, id_, keluarga_terjangkau=1)
    with pytest.raises(lapor.LaporError, match="milik Dinsos"):
        lapor.ajukan(toko, OPD_LAIN, id_)
    # an edit cannot move the report out of the region either
    with pytest.raises(lapor.LaporError, match="di luar wilayah kerja"):
        lapor.ubah_draf(toko, OPD, id_, kode_desa=DESA_LUAR)
    # a draft is not up for decision
    with pytest.raises(lapor.LaporError, match="hanya laporan yang diajukan"):
        lapor.setujui(toko, ANALIS, id_)
    lapor.ajukan(toko, OPD, id_)
    # a submitted report is out of the OPD's hands
    with pytest.raises(lapor.LaporError, match="berstatus Diajukan"):
        lapor.ubah_draf(toko, OPD, id_, keluarga_terjangkau=1)
    # the OPD cannot approve, nor can heads; an analyst of another kabupaten cannot reach it
    for tanpa_hak in (OPD, PIMPINAN):
        with pytest.raises(lapor.LaporError, match="Hanya analis Bappeda atau administrator"):
            lapor.setujui(toko, tanpa_hak, id_)
        with pytest.raises(lapor.LaporError, match="Hanya analis Bappeda atau administrator"):
            lapor.kembalikan(toko, tanpa_hak, id_, "x")
    with pytest.raises(lapor.LaporError, match="di luar wilayah kerja Anda"):
        lapor.setujui(toko, ANALIS_LUAR, id_)
    with pytest.raises(lapor.LaporError, match="tidak ada"):
        lapor.setujui(toko, ANALIS, 999)
    assert _laporan(toko, id_)["status"] == "diajukan"
    # refused steps leave no audit entry
    assert _aksi(toko) == [audit.LAPOR_BUAT, audit.LAPOR_AJUKAN]


@pytest.mark.parametrize("isi,pesan", [
    ({"kode_desa": "33.15.01"}, "Kode desa tidak sah: 33.15.01"),
    ({"kode_desa": "33.15.01.20011"}, "Kode desa tidak sah"),
    ({"kode_desa": "33.15.01.2999"}, "tidak dikenal dalam daftar wilayah"),
    ({"klaster": "jalan"}, "Klaster tidak dikenal: jalan"),
    ({"triwulan": 5}, "Periode tidak sah"),
    ({"keluarga_terjangkau": None}, "Keluarga terjangkau wajib diisi"),
    ({"keluarga_terjangkau": -1}, "Keluarga terjangkau harus bilangan bulat ≥ 0"),
    ({"keluarga_terjangkau": 2.5}, "harus bilangan bulat"),
    ({"keluarga_terjangkau": "dua"}, "harus bilangan bulat"),
    ({"keluarga_terjangkau": True}, "harus bilangan bulat"),
    ({"keluarga_terjangkau": 10**9}, "terlalu besar"),
    ({"nilai_rp": -5}, r"Nilai \(Rp\) harus bilangan bulat ≥ 0"),
    ({"sumber_dana": "Hibah asing"}, "Sumber dana tidak dikenal: Hibah asing"),
    ({"program": "x" * 201}, "Program paling panjang 200 karakter"),
])
def test_validasi(toko, isi, pesan):
    with pytest.raises(lapor.LaporError, match=pesan):
        _draf(toko, **isi)
    assert lapor.daftar(toko, "").empty


def test_nilai_kosong_dan_angka_teks(toko):
    id_ = _draf(toko, nilai_rp="", sumber_dana="", program="  ", keluarga_terjangkau="0")
    b = _laporan(toko, id_)
    assert (b["nilai_rp"], b["sumber_dana"], b["program"], b["keluarga_terjangkau"]) == (None, None, None, 0)


def test_satu_laporan_terbuka_per_sel(toko):
    id_ = _draf(toko)
    with pytest.raises(lapor.LaporError, match=f"Sudah ada laporan #{id_} Dinsos"):
        _draf(toko)
    _draf(toko, klaster="rtlh")  # another cluster is another report
    _draf(toko, OPD_LAIN)        # so is another OPD's
    lapor.ajukan(toko, OPD, id_)
    lapor.setujui(toko, ANALIS, id_)
    _draf(toko)  # once approved, more households reached later in the quarter are a new report


def test_tenggat():
    assert lapor.tenggat(2026, 1) == dt.date(2026, 4, 10)
    assert lapor.tenggat(2026, 2) == dt.date(2026, 7, 10)
    assert lapor.tenggat(2026, 3) == dt.date(2026, 10, 10)
    assert lapor.tenggat(2026, 4) == dt.date(2027, 1, 10)
    with pytest.raises(lapor.LaporError):
        lapor.tenggat(2026, 5)
    assert lapor.tanggal_wib("2026-04-10T16:59:59Z") == dt.date(2026, 4, 10)
    assert lapor.tanggal_wib("2026-04-10T17:00:00Z") == dt.date(2026, 4, 11)  # past midnight in WIB


def test_status_lapor(toko):
    assert lapor.OPD_WAJIB == ("Disperakim", "Disperindag", "Perumdam", "Dinkes", "DP3AKB", "Disdik", "Dinsos",
                               "Disnakertrans")
    dinsos = _draf(toko)
    lapor.ajukan(toko, OPD, dinsos)
    _draf(toko, OPD_LAIN, klaster="jamban")  # Dinkes: a draft only
    disdik = akun.Pengguna("disdik", "opd", "33.15", "Disdik")
    ats = _draf(toko, disdik, klaster="ats", keluarga_terjangkau=30)
    lapor.ajukan(toko, disdik, ats)
    lapor.setujui(toko, ANALIS, ats)
    toko.execute("UPDATE laporan_opd SET diajukan_pada = '2027-01-12T03:00:00Z' WHERE id = ?", (ats,))  # late
    dispermasdes = akun.Pengguna("dpmd", "opd", "33.15", "Dispermasdes")  # reports without being expected to
    lapor.ajukan(toko, dispermasdes, _draf(toko, dispermasdes, klaster="air", keluarga_terjangkau=4))
    # another quarter and another kabupaten do not count
    _draf(toko, triwulan=3)
    lapor.ajukan(toko, akun.Pengguna("x", "opd", "33.04", "Dinkes"),
                 _draf(toko, akun.Pengguna("x", "opd", "33.04", "Dinkes"), kode_desa=DESA_LUAR))

    s = lapor.status_lapor(toko, KAB, 2026, 4, hari_ini=dt.date(2026, 12, 1)).set_index("opd")
    assert list(s.index) == [*lapor.OPD_WAJIB, "Dispermasdes"]
    assert not s.loc["Dispermasdes", "wajib"] and s["wajib"].sum() == len({k.opd for k in klaster.KLASTER})
    assert s.loc[s["sudah"]].index.tolist() == ["Disdik", "Dinsos", "Dispermasdes"]
    assert s.loc["Dinsos", "status"] == "Sudah lapor" and s.loc["Dinkes", "status"] == "Belum lapor"
    assert (s.loc["Dinkes", "draf"], s.loc["Dinkes", "diajukan"]) == (1, 0)
    assert (s.loc["Dinsos", "draf"], s.loc["Dinsos", "diajukan"]) == (0, 1)  # the Q3 draft is another quarter
    assert (s.loc["Disdik", "disetujui"], s.loc["Disdik", "keluarga_disetujui"]) == (1, 30)
    assert s.loc["Dinsos", "keluarga_disetujui"] == 0  # submitted, not approved
    assert (s["tenggat"] == dt.date(2027, 1, 10)).all()
    assert s.loc["Dinsos", "keterangan"] == "Tepat waktu" and s.loc["Disdik", "keterangan"] == "Terlambat"
    assert s.loc["Disdik", "terakhir_diajukan"] == dt.date(2027, 1, 12)
    assert s.loc["Dinkes", "keterangan"] == "40 hari lagi"
    lewat = lapor.status_lapor(toko, KAB, 2026, 4, hari_ini=dt.date(2027, 1, 11)).set_index("opd")
    assert lewat.loc["Dinkes", "keterangan"] == "Lewat tenggat"
    # a kecamatan's view, and a region with no report at all
    kec = lapor.status_lapor(toko, "33.15.02", 2026, 4, hari_ini=dt.date(2026, 12, 1))
    assert not kec["sudah"].any() and len(kec) == len({k.opd for k in klaster.KLASTER})
    tabel = lapor.tabel_status(lapor.status_lapor(toko, KAB, 2026, 4, hari_ini=dt.date(2026, 12, 1)))
    assert tabel.loc[tabel["OPD"] == "Disdik", "Tenggat"].item() == "10 Januari 2027"


def test_kueri_hanya_laporan_disetujui(toko, con):
    """queries/laporan_opd_klaster.sql counts approved reports only, inside the region and the scope."""
    setuju = _draf(toko, keluarga_terjangkau=12, nilai_rp=24_000_000)
    lapor.ajukan(toko, OPD, setuju)
    lapor.setujui(toko, ANALIS, setuju)
    diajukan = _draf(toko, kode_desa=DESA_2, keluarga_terjangkau=500)
    lapor.ajukan(toko, OPD, diajukan)
    _draf(toko, OPD_LAIN, klaster="jamban", keluarga_terjangkau=700)        # a draft
    kembali = _draf(toko, klaster="rtlh", keluarga_terjangkau=900)
    lapor.ajukan(toko, OPD, kembali)
    lapor.kembalikan(toko, ANALIS, kembali, "Salah klaster.")
    hasil = db.jalankan(con, "laporan_opd_klaster", lingkup="", kode=KAB, tahun=2026, triwulan=4).set_index("klaster")
    assert len(hasil) == len(klaster.KLASTER) and hasil.loc["disabilitas", "label"] == "Disabilitas"
    assert hasil["keluarga_terjangkau"].to_dict() == {k: (12 if k == "disabilitas" else 0) for k in hasil.index}
    assert (hasil.loc["disabilitas", "laporan"], hasil.loc["disabilitas", "opd_melapor"],
            hasil.loc["disabilitas", "nilai_rp"]) == (1, 1, 24_000_000)
    assert hasil.loc["disabilitas", "opd_penanggung_jawab"] == "Dinsos"
    # another quarter, a kecamatan without the village, and a scope outside the kabupaten: nothing
    for kode, lingkup, tw in ((KAB, "", 3), ("33.15.02", "", 4), (KAB, "33.04", 4), (DESA, "33.15.02", 4)):
        lain = db.jalankan(con, "laporan_opd_klaster", lingkup=lingkup, kode=kode, tahun=2026, triwulan=tw)
        assert lain["keluarga_terjangkau"].sum() == 0, (kode, lingkup, tw)
    desa = db.jalankan(con, "laporan_opd_klaster", lingkup="33.15.01", kode=DESA, tahun=2026, triwulan=4)
    assert desa["keluarga_terjangkau"].sum() == 12


# ---------- the views --------------------------------------------------------------------------------------

def _tabel_dengan(at, kolom: str):
    return next(d.value for d in at.dataframe if kolom in d.value.columns)


def test_halaman_opd_mengajukan_dan_analis_menyetujui(app_env):
    st.cache_data.clear()  # query results are cached per store version; every test's store starts at 0
    qp = {"wilayah": KAB, "tahun": "2026", "tw": "4"}
    at = _app("pages/lapor_opd.py", sebagai="opd", **qp)
    assert at.title[0].value == "Laporan OPD"
    assert any("Tenggat Triwulan IV 2026: **10 Januari 2027**" in m.value for m in at.markdown)
    assert any("10 hari setelah triwulan berakhir" in c.value for c in at.caption)
    metrik = {m.label: m.value for m in at.metric}
    assert metrik["OPD sudah lapor"] == "0 dari 8"
    status = _tabel_dengan(at, "Tenggat").set_index("OPD")
    assert set(status["Status"]) == {"Belum lapor"} and status.loc["Dinsos", "Tenggat"] == "10 Januari 2027"
    assert any("Laporan Dinsos" in h.value for h in at.subheader)
    assert any("Belum ada laporan Dinsos" in i.value for i in at.info)
    # the village picker offers the account's kabupaten only
    assert len(at.selectbox(key="baru_5").options) == 19  # the kecamatan of Grobogan in the fixture
    at.selectbox(key="baru_5").set_value("33.15.01").run()
    assert "Karanglangu" in at.selectbox(key="baru_8").options
    at.selectbox(key="baru_8").set_value(DESA)
    at.selectbox(key="baru_klaster").set_value("disabilitas")
    at.number_input(key="baru_keluarga").set_value(12)
    at.selectbox(key="baru_sumber").set_value("APBN")
    at.number_input(key="baru_nilai").set_value(24_000_000)
    at.text_input(key="baru_program").input("ATENSI")
    at.button(key="lapor_simpan").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("Draf laporan #1 disimpan" in s.value for s in at.success)
    milik = _tabel_dengan(at, "Komentar analis")
    assert milik.iloc[0][["No.", "Desa", "Klaster", "Keluarga terjangkau", "Status", "Sumber dana"]].tolist() == \
        [1, "Karanglangu", "Disabilitas", 12, "Draf", "APBN"]
    assert milik.iloc[0]["Nilai (Rp)"] == 24_000_000
    at.button(key="lapor_ajukan").click().run()
    assert any("Laporan #1 diajukan ke analis Bappeda" in s.value for s in at.success)
    assert _tabel_dengan(at, "Komentar analis").iloc[0]["Status"] == "Diajukan"
    assert {m.label: m.value for m in at.metric}["OPD sudah lapor"] == "1 dari 8"
    status = _tabel_dengan(at, "Tenggat").set_index("OPD")
    assert status.loc["Dinsos", "Status"] == "Sudah lapor" and status.loc["Dinsos", "Diajukan"] == 1
    assert status.loc["Dinsos", "Keterangan"] in ("Tepat waktu", "Terlambat")
    # an analyst's view has no report form; it lists what awaits approval
    an = _app("pages/lapor_opd.py", sebagai="analis", **qp)
    assert not [b for b in an.button if b.key == "lapor_simpan"]
    assert any(s.value == "Menunggu persetujuan" for s in an.subheader)
    menunggu = _tabel_dengan(an, "Komentar analis")
    assert menunggu[["No.", "OPD", "Keluarga terjangkau", "Status"]].values.tolist() == [[1, "Dinsos", 12, "Diajukan"]]
    assert [o.split(" · ")[:2] for o in an.selectbox(key="putus_pilih").options] == [["#1", "Dinsos"]]
    an.button(key="putus_kembalikan").click().run()  # no comment: refused
    assert any("Alasan pengembalian wajib diisi" in e.value for e in an.error)
    an.button(key="putus_setujui").click().run()
    assert any("Laporan #1 disetujui" in s.value for s in an.success)
    assert any("Tidak ada laporan yang menunggu persetujuan" in i.value for i in an.info)
    assert {m.label: m.value for m in an.metric}["Keluarga terjangkau (laporan disetujui)"] == "12"
    status = _tabel_dengan(an, "Tenggat").set_index("OPD")
    assert (status.loc["Dinsos", "Disetujui"], status.loc["Dinsos", "Keluarga terjangkau (disetujui)"]) == (1, 12)
    with operasional.buka() as toko:
        assert [e["aksi"] for e in audit.daftar(toko) if e["aksi"].startswith("lapor")] == \
            [audit.LAPOR_SETUJUI, audit.LAPOR_AJUKAN, audit.LAPOR_BUAT]


def test_halaman_opd_mengubah_laporan_yang_dikembalikan(app_env):
    st.cache_data.clear()
    with operasional.buka() as toko:
        from pke import demo_akun
        demo_akun.pastikan(toko)
        id_ = _draf(toko, keluarga_terjangkau=5)
        lapor.ajukan(toko, OPD, id_)
        lapor.kembalikan(toko, ANALIS, id_, "Sertakan <b>daftar</b> penerima [di sini](http://x)")
    at = _app("pages/lapor_opd.py", sebagai="opd", wilayah=KAB, tahun="2026", tw="4")
    peringatan = [w.value for w in at.warning if "Dikembalikan oleh analis" in w.value]
    assert peringatan and "\\<b\\>" in peringatan[0] and "\\[di sini\\]" in peringatan[0]  # shown as text
    assert _tabel_dengan(at, "Komentar analis").iloc[0]["Komentar analis"].startswith("Sertakan <b>")
    assert at.selectbox(key=f"ubah{id_}_8").value == DESA  # the edit form starts from the report's village
    assert at.number_input(key=f"ubah{id_}_keluarga").value == 5
    at.number_input(key=f"ubah{id_}_keluarga").set_value(8)
    at.button(key="lapor_simpan_ubah").click().run()
    assert any(f"Laporan #{id_} diubah" in s.value for s in at.success)
    assert _tabel_dengan(at, "Komentar analis").iloc[0][["Keluarga terjangkau", "Status"]].tolist() == \
        [8, "Dikembalikan"]
    at.button(key="lapor_ajukan").click().run()
    assert _tabel_dengan(at, "Komentar analis").iloc[0]["Status"] == "Diajukan"
    assert any("Tidak ada draf atau laporan yang dikembalikan" in c.value for c in at.caption)


def test_progres_hanya_menghitung_laporan_disetujui(app_env):
    st.cache_data.clear()
    with operasional.buka() as toko:
        setuju = _draf(toko, keluarga_terjangkau=12, nilai_rp=24_000_000)
        lapor.ajukan(toko, OPD, setuju)
        lapor.setujui(toko, ANALIS, setuju)
        lapor.ajukan(toko, OPD, _draf(toko, kode_desa=DESA_2, keluarga_terjangkau=500))   # submitted only
        _draf(toko, OPD_LAIN, klaster="jamban", keluarga_terjangkau=700)                  # a draft
    at = _app("pages/progres.py", wilayah=KAB, tahun="2026", tw="4")
    assert any(s.value == "Laporan OPD triwulan ini" for s in at.subheader)
    assert any("Triwulan IV 2026: 1 dari 8 OPD sudah lapor; tenggat 10 Januari 2027." in m.value
               for m in at.markdown)
    status = _tabel_dengan(at, "Tenggat").set_index("OPD")
    assert status.loc["Dinsos", "Status"] == "Sudah lapor" and status.loc["Dinkes", "Status"] == "Belum lapor"
    per_klaster = _tabel_dengan(at, "Keluarga terjangkau (laporan disetujui)").set_index("Klaster")
    assert per_klaster["Keluarga terjangkau (laporan disetujui)"].to_dict() == {
        k: (12 if k == "Disabilitas" else 0) for k in per_klaster.index}
    assert per_klaster.loc["Disabilitas", "Nilai (Rp)"] == 24_000_000
    assert per_klaster.loc["Disabilitas", "OPD penanggung jawab"] == "Dinsos"
    # the first table is still the progress per cluster (other tests read it)
    assert "Target TW" in at.dataframe[0].value.columns


def test_progres_riwayat_target(app_env):
    import pandas as pd

    from pke import config, progres

    st.cache_data.clear()
    at = _app("pages/progres.py", sebagai="admin", wilayah=KAB, tahun="2026", tw="4")
    assert any("Belum ada target yang diubah lewat dasbor" in c.value for c in at.caption)
    tabel = pd.DataFrame({"klaster": ["air"], "triwulan": [4], "target_keluarga": [77]})
    progres.simpan_target(config.db_path(), KAB, 2026, tabel, "admin")
    at = _app("pages/progres.py", sebagai="admin", wilayah=KAB, tahun="2026", tw="4")
    assert [e.label for e in at.expander] == ["Ubah target"]
    riwayat = _tabel_dengan(at, "Target baru")
    assert riwayat.iloc[0][["Diubah oleh", "Klaster", "Triwulan", "Target baru"]].tolist() == \
        ["admin", "Air minum tidak layak", "TW IV", 77]
    assert riwayat.iloc[0]["Diubah pada"].endswith("WIB")
    # not for those who may not edit targets
    assert not [d for d in _app("pages/progres.py", sebagai="analis", wilayah=KAB).dataframe
                if "Target baru" in d.value.columns]


def test_waktu_wib():
    assert lapor.waktu_wib("2026-11-29T02:05:00Z") == "29 November 2026 09.05 WIB"
    assert lapor.waktu_wib(None) == "–"
    assert fmt.tanggal(lapor.tenggat(2026, 3)) == "10 Oktober 2026"
