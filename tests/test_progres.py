"""Issue 13 item 2: targets and progress below the kabupaten, and a running quarter judged against its target
pro-rated to the data's date (fixture: Kab. Grobogan, data to 23 November 2026 — day 54 of the 92 of TW IV)."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
import streamlit as st

from pke import audit, db, fmt, operasional, progres
from tests.conftest import KAB, TANGGAL
from tests.test_app import _app

KEC = "33.15.01"            # Kedungjati: 33.15.01.2001 Karanglangu is a priority village of 2026, .2002 is not
DESA = "33.15.01.2001"
BUKAN_PRIORITAS = "33.15.01.2002"


def test_triwulan_berjalan_dipro_rata():
    b = progres.triwulan_berjalan(2026, 4, TANGGAL)
    assert (b.hari, b.hari_total) == (54, 92) and b.fraksi == pytest.approx(54 / 92)
    assert b.keterangan() == "Triwulan berjalan: data s.d. 23 November 2026 (54 dari 92 hari); target dipro-rata"
    assert progres.fraksi_triwulan(2026, 4, TANGGAL) == pytest.approx(54 / 92)
    # RTLH of the fixture in TW IV: 149 cumulative, 45 of it in TW IV -> 104 + 45 x 54/92 = 130.4 -> 130
    assert progres.target_pro_rata(149, 45, 54 / 92) == 130
    assert progres.capaian_pro_rata(129, 149, 45, 2026, 4, TANGGAL) == pytest.approx(129 / 130)
    # the same realisation: behind against the full quarter (86.6 %), on track against the pro-rated target
    assert progres.status(129, 149) is progres.TERTINGGAL
    assert progres.status_pro_rata(129, 149, 45, 2026, 4, TANGGAL) is progres.SESUAI
    assert progres.status_pro_rata(80, 149, 45, 2026, 4, TANGGAL) is progres.JAUH
    # a quarter the data covers in full is unchanged
    assert progres.triwulan_berjalan(2026, 3, TANGGAL) is None
    assert progres.fraksi_triwulan(2026, 3, TANGGAL) == 1
    assert progres.capaian_pro_rata(109, 104, 45, 2026, 3, TANGGAL) == progres.capaian(109, 104)
    assert progres.capaian_pro_rata(129, 149, 45, 2025, 4, TANGGAL) == progres.capaian(129, 149)
    # the quarter's last day is a full quarter; its first day is day 1; a quarter not begun counts nothing of its own
    assert progres.triwulan_berjalan(2026, 4, dt.date(2026, 12, 31)) is None
    assert progres.triwulan_berjalan(2026, 4, dt.date(2026, 10, 1)).hari == 1
    assert progres.fraksi_triwulan(2027, 1, TANGGAL) == 0
    assert progres.target_pro_rata(149, 45, 0) == 104
    assert progres.triwulan_berjalan(2028, 1, dt.date(2028, 2, 29)).hari_total == 91  # a leap year's TW I
    assert progres.fraksi_triwulan(2026, 4, None) == 1  # no data date known: the full target
    assert progres.target_pro_rata(None, 45, 0.5) is None and progres.target_pro_rata(149, None, 0.5) == 149


def test_per_klaster_triwulan_berjalan(con):
    data = db.jalankan(con, "progres_triwulan", lingkup="", kode=KAB, tahun=2026)
    berjalan = progres.triwulan_berjalan(2026, 4, TANGGAL)
    pk = progres.per_klaster(data, 4, progres.triwulan_berlalu(2026, TANGGAL), berjalan)
    tw4 = data[data["triwulan"] == 4].reset_index(drop=True)
    harap = [progres.target_pro_rata(tk, tw, 54 / 92) for tk, tw in zip(tw4["target_kumulatif"], tw4["target"])]
    assert list(pk["target_pro_rata"]) == harap
    assert all(h < tk for h, tk in zip(harap, tw4["target_kumulatif"]))
    assert list(pk["capaian"]) == [progres.capaian_pro_rata(r, tk, tw, 2026, 4, TANGGAL) for r, tk, tw in
                                   zip(tw4["realisasi_kumulatif"], tw4["target_kumulatif"], tw4["target"])]
    assert list(pk["capaian_penuh"]) == [r / tk for r, tk in zip(tw4["realisasi_kumulatif"], tw4["target_kumulatif"])]
    assert list(pk["status"]) == [progres.status_pro_rata(r, tk, tw, 2026, 4, TANGGAL).label for r, tk, tw in
                                  zip(tw4["realisasi_kumulatif"], tw4["target_kumulatif"], tw4["target"])]
    # a past quarter: the running one's days change nothing
    tw3 = progres.per_klaster(data, 3, 3.6, berjalan)
    assert list(tw3["target_pro_rata"]) == list(tw3["target_kumulatif"])
    assert list(tw3["capaian"]) == list(tw3["capaian_penuh"])


def _simpan(kode, nilai: dict[tuple[str, int], int | None], path, pengguna="Budi (Bappeda)"):
    tabel = pd.DataFrame([{"klaster": k, "triwulan": tw, "target_keluarga": n} for (k, tw), n in nilai.items()])
    return progres.simpan_target(path, kode, 2026, tabel, pengguna)


def _target_kecamatan_dan_desa(path):
    """Targets for Kedungjati and its priority village Karanglangu (TW I-IV of air minum and RTLH) through the
    operational store, as the editor saves them."""
    _simpan(KEC, {("air", 1): 4, ("air", 2): 4, ("air", 3): 6, ("air", 4): 6, ("rtlh", 4): 2}, path)
    _simpan(DESA, {("air", 1): 1, ("air", 2): 1, ("air", 3): 2, ("air", 4): 3}, path)


def test_target_di_bawah_kabupaten_tidak_dijumlah_diam_diam(fixture_db, con):
    sebelum = db.jalankan(con, "progres_triwulan", lingkup="", kode=KAB, tahun=2026)
    _target_kecamatan_dan_desa(fixture_db)
    kab = db.jalankan(con, "progres_triwulan", lingkup="", kode=KAB, tahun=2026)
    # the kabupaten's target stays its own; its kecamatan's are beside it
    assert list(kab["target"]) == list(sebelum["target"])
    air = kab[kab["klaster"] == "air"].set_index("triwulan")
    assert list(air["target_anak"]) == [4, 4, 6, 6] and list(air["target_anak_kumulatif"]) == [4, 8, 14, 20]
    assert kab.loc[kab["klaster"] == "listrik", "target_anak"].isna().all()
    kec = db.jalankan(con, "progres_triwulan", lingkup="", kode=KEC, tahun=2026)
    air = kec[kec["klaster"] == "air"].set_index("triwulan")
    assert list(air["target"]) == [4, 4, 6, 6] and list(air["target_anak_kumulatif"]) == [1, 2, 4, 7]
    desa = db.jalankan(con, "progres_triwulan", lingkup="", kode=DESA, tahun=2026)
    assert list(desa.loc[desa["klaster"] == "air", "target_kumulatif"]) == [1, 2, 4, 7]
    assert desa["target_anak"].isna().all()
    # per kecamatan of the kabupaten: Kedungjati's own target, its villages' beside; the realisation is the
    # kecamatan's own progres_triwulan figure
    sub = db.jalankan(con, "progres_per_subwilayah", lingkup="", kode=KAB, tahun=2026, triwulan=4)
    kj = sub[(sub["kode"] == KEC) & (sub["klaster"] == "air")].iloc[0]
    assert (kj["target_kumulatif"], kj["target_triwulan"], kj["target_tahun"], kj["target_anak_kumulatif"]) == (
        20, 6, 20, 7)
    assert kj["realisasi_kumulatif"] == air.loc[4, "realisasi_kumulatif"]
    assert sub.loc[sub["kode"] != KEC, "target_kumulatif"].isna().all()
    # per priority village: every priority village of 2026 in the kabupaten, Karanglangu with its target
    pd_ = db.jalankan(con, "progres_desa_prioritas", lingkup="", kode=KAB, tahun=2026, triwulan=4)
    n_prioritas = con.execute("SELECT count(*) FROM desa_prioritas WHERE tahun = 2026 AND kode LIKE '33.15.%'"
                              ).fetchone()[0]
    assert pd_["kode"].nunique() == n_prioritas == 51
    kl = pd_[(pd_["kode"] == DESA) & (pd_["klaster"] == "air")].iloc[0]
    assert (kl["kecamatan"], kl["target_kumulatif"], kl["target_triwulan"]) == ("Kedungjati", 7, 3)
    assert kl["realisasi_kumulatif"] == desa.loc[(desa["klaster"] == "air") & (desa["triwulan"] == 4),
                                                 "realisasi_kumulatif"].iloc[0]
    sekecamatan = db.jalankan(con, "progres_desa_prioritas", lingkup="", kode=KEC, tahun=2026, triwulan=4)
    assert set(sekecamatan["kode"]) == set(pd_.loc[pd_["kode"].str.startswith(KEC + "."), "kode"])
    # another user's scope sees none of it
    assert db.jalankan(con, "progres_desa_prioritas", lingkup="33.04", kode=KAB, tahun=2026, triwulan=4).empty


def test_simpan_target_kecamatan_desa_dan_riwayat(fixture_db, con, toko_sendiri):
    _target_kecamatan_dan_desa(fixture_db)
    riwayat = progres.riwayat_target(toko_sendiri, DESA, 2026)
    assert sorted(zip(riwayat["triwulan"], riwayat["target_keluarga"])) == [(1, 1), (2, 1), (3, 2), (4, 3)]
    assert riwayat["target_lama"].isna().all() and set(riwayat["diubah_oleh"]) == {"Budi (Bappeda)"}
    # a change keeps the old value; a cell saved again unchanged or left blank writes nothing
    _simpan(DESA, {("air", 4): 5, ("air", 3): 2, ("rtlh", 1): None}, fixture_db, "Sari")
    riwayat = progres.riwayat_target(toko_sendiri, DESA, 2026)
    assert len(riwayat) == 5
    assert riwayat.iloc[0][["diubah_oleh", "klaster", "triwulan", "target_lama", "target_keluarga"]].tolist() == [
        "Sari", "air", 4, 3, 5]
    # not a priority village, a province, an unknown code: refused with the reason, nothing written
    for kode, pesan in ((BUKAN_PRIORITAS, "bukan desa prioritas tahun 2026"),
                        ("33", "per kabupaten/kota, kecamatan atau desa prioritas"),
                        ("33.15.99", "Kode wilayah 33.15.99 tidak dikenal")):
        with pytest.raises(progres.TargetError, match=pesan):
            _simpan(kode, {("air", 1): 3}, fixture_db)
        assert progres.riwayat_target(toko_sendiri, kode, 2026).empty
    # blanking an imported target removes it, and the history names the imported value it replaced
    awal = con.execute("SELECT target_keluarga FROM target_dasar WHERE kode_wilayah = $k AND klaster = 'air' "
                       "AND tahun = 2026 AND triwulan = 1", {"k": KAB}).fetchone()[0]
    _simpan(KAB, {("air", 1): None, ("air", 2): None}, fixture_db)
    kab = progres.riwayat_target(toko_sendiri, KAB, 2026)
    assert kab.iloc[-1][["triwulan", "target_lama"]].tolist() == [1, awal] and pd.isna(kab.iloc[-1]["target_keluarga"])
    assert progres.target_sekarang(fixture_db, KAB, 2026).get(("air", 1)) is None


def test_progres_triwulan_berjalan_di_halaman(app_env, con):
    st.cache_data.clear()
    at = _app("pages/progres.py", wilayah=KAB, tahun="2026", tw="4")
    assert any(m.value == "**Triwulan berjalan: data s.d. 23 November 2026 (54 dari 92 hari); target dipro-rata**"
               for m in at.markdown)
    data = db.jalankan(con, "progres_triwulan", lingkup="", kode=KAB, tahun=2026)
    pk = progres.per_klaster(data, 4, progres.triwulan_berlalu(2026, TANGGAL), progres.triwulan_berjalan(2026, 4, TANGGAL))
    tabel = at.dataframe[0].value
    kolom = list(tabel.columns)
    assert kolom.index("Target pro-rata") == kolom.index("Target kumulatif") + 1
    assert kolom.index("Capaian thd target penuh") == kolom.index("Capaian") + 1
    assert list(tabel["Target kumulatif"]) == list(pk["target_kumulatif"])
    assert list(tabel["Target pro-rata"]) == list(pk["target_pro_rata"])
    assert list(tabel["Capaian"]) == list(pk["capaian"])
    assert list(tabel["Capaian thd target penuh"]) == list(pk["capaian_penuh"])
    assert list(tabel["Status"]) == list(pk["status"])
    # the key message compares with the pro-rated target too, and says so
    pesan = next(m.value for m in at.markdown if m.value.startswith("<div class=\"pke-pesan\">"))
    assert "TW IV berjalan &#40;data s.d. 23 November 2026, 54 dari 92 hari&#41;" in pesan
    # a past quarter: no pro-rating, no statement
    at = _app("pages/progres.py", wilayah=KAB, tahun="2026", tw="3")
    assert "Target pro-rata" not in at.dataframe[0].value.columns
    assert not any("Triwulan berjalan" in m.value for m in at.markdown)


def _tabel(at, kolom: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if kolom in d.value.columns)


def test_progres_per_kecamatan_dan_desa_prioritas(app_env, con):
    st.cache_data.clear()
    _target_kecamatan_dan_desa(app_env)
    berjalan = progres.triwulan_berjalan(2026, 4, TANGGAL)
    at = _app("pages/progres.py", wilayah=KAB, tahun="2026", tw="4")
    judul = [s.value for s in at.subheader]
    assert "Per kecamatan, kumulatif sampai Triwulan IV 2026" in judul
    assert "Per desa prioritas, kumulatif sampai Triwulan IV 2026" in judul
    # the kabupaten's own cluster table shows its kecamatan's targets summed beside its own
    klaster = at.dataframe[0].value.set_index("Klaster")
    assert klaster.loc["Air minum tidak layak", "Target kecamatan dijumlah"] == 20
    assert klaster.loc["Air minum tidak layak", "Target kumulatif"] != 20
    harap = progres.per_wilayah(db.jalankan(con, "progres_per_subwilayah", lingkup="", kode=KAB, tahun=2026,
                                            triwulan=4), berjalan)
    kec = _tabel(at, "Kecamatan")
    assert list(kec["Kecamatan"]) == list(harap["nama"])
    for kol, asal in (("Target kumulatif", "target_kumulatif"), ("Target pro-rata", "target_pro_rata"),
                      ("Realisasi kumulatif", "realisasi_kumulatif"), ("Capaian", "capaian"),
                      ("Capaian thd target penuh", "capaian_penuh"), ("Status", "status"),
                      ("Target desa dijumlah", "target_anak_kumulatif")):
        assert kec[kol].astype(object).where(kec[kol].notna(), None).tolist() == \
            harap[asal].astype(object).where(harap[asal].notna(), None).tolist(), kol
    kj = kec.iloc[0]  # the only kecamatan with a target comes first; the others have none
    assert (kj["Kecamatan"], kj["Target kumulatif"], kj["Target pro-rata"], kj["Target desa dijumlah"]) == (
        "Kedungjati", 22, progres.target_pro_rata(22, 8, 54 / 92), 7)
    assert kj["Status"] == progres.status_pro_rata(kj["Realisasi kumulatif"], 22, 8, 2026, 4, TANGGAL).label
    assert set(kec["Status"].iloc[1:]) == {"Tanpa target"}
    desa = _tabel(at, "Desa prioritas")
    harap = progres.per_wilayah(db.jalankan(con, "progres_desa_prioritas", lingkup="", kode=KAB, tahun=2026,
                                            triwulan=4), berjalan)
    assert len(desa) == 51 and list(desa["Desa prioritas"]) == list(harap["nama"])
    assert list(desa["Kecamatan"]) == list(harap["kecamatan"])
    assert desa.iloc[0][["Desa prioritas", "Target kumulatif", "Target pro-rata"]].tolist() == [
        "Karanglangu", 7, progres.target_pro_rata(7, 3, 54 / 92)]
    assert list(desa["Realisasi kumulatif"]) == list(harap["realisasi_kumulatif"])
    # a kecamatan: its priority villages only, no kecamatan column, its own target with its villages' beside
    at = _app("pages/progres.py", wilayah=KEC, tahun="2026", tw="4")
    assert "Per kecamatan, kumulatif sampai Triwulan IV 2026" not in [s.value for s in at.subheader]
    desa = _tabel(at, "Desa prioritas")
    assert "Kecamatan" not in desa.columns and desa["Desa prioritas"].iloc[0] == "Karanglangu"
    klaster = at.dataframe[0].value.set_index("Klaster")
    assert klaster.loc["Air minum tidak layak", "Target kumulatif"] == 20
    assert klaster.loc["Air minum tidak layak", "Target desa dijumlah"] == 7


def test_progres_per_kecamatan_di_dinding(app_env):
    """On the wall the per-kecamatan and per-village tables are slides of their own, paged, under the key message
    that says the quarter is running; a level without any target stays off the wall."""
    st.cache_data.clear()
    qp = dict(wilayah=KAB, tahun="2026", tw="4", presentasi="1")
    teks = ["\n".join(m.value for m in _app("pages/progres.py", hal=str(i), **qp).markdown) for i in range(1, 7)]
    assert not any("Per kecamatan" in x or "Per desa prioritas" in x for x in teks)
    assert "Laporan OPD yang disetujui" in teks[4] and teks[5] == teks[0]  # five slides; a sixth is the first
    _target_kecamatan_dan_desa(app_env)
    st.cache_data.clear()
    slide = [_app("pages/progres.py", hal=str(i), **qp) for i in range(1, 13)]
    teks = ["\n".join(m.value for m in at.markdown) for at in slide]
    kec = [i for i, x in enumerate(teks) if "Per kecamatan, kumulatif sampai" in x]
    desa = [i for i, x in enumerate(teks) if "Per desa prioritas, kumulatif sampai" in x]
    assert len(kec) == 2 and len(desa) == 5  # 19 kecamatan and 51 villages, at most 12 rows a slide
    for i in kec + desa:  # the key message says the quarter is running; the table has the slide to itself
        assert "TW IV berjalan &#40;data s.d. 23 November 2026, 54 dari 92 hari&#41;" in teks[i]
        kolom = list(slide[i].table[0].value.columns)
        assert "Triwulan berjalan" not in teks[i] and kolom[0] == ("Kecamatan" if i in kec else "Desa prioritas")
        assert kolom.index("Target pro-rata") == kolom.index("Target kumulatif") + 1
    assert "Kedungjati" in slide[kec[0]].table[0].value.to_string()


def test_editor_target_kecamatan_dan_desa_prioritas(app_env):
    st.cache_data.clear()
    qp = dict(wilayah=KEC, tahun="2026", tw="4")
    at = _app("pages/progres.py", sebagai="admin", **qp)
    assert [e.label for e in at.expander] == ["Ubah target"]
    assert any("Target kecamatan dijumlah" not in c.value and "Target desa dijumlah" in c.value for c in at.caption)
    # the first rows of the editor: RTLH TW I-IV, then Tanpa listrik
    at.session_state["editor_target"] = {"edited_rows": {0: {"target_keluarga": 5}, 3: {"target_keluarga": 7}},
                                         "added_rows": [], "deleted_rows": []}
    next(b for b in at.button if b.label == "Simpan target").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["2 target Kedungjati tahun 2026 disimpan oleh admin."]
    # the page drew again after the save: the tables show the new targets at once
    rtlh = at.dataframe[0].value.set_index("Klaster").loc["Rumah tidak layak huni"]
    assert (rtlh["Target TW"], rtlh["Target kumulatif"]) == (7, 12)
    riwayat = _tabel(at, "Target baru")
    assert sorted(zip(riwayat["Triwulan"], riwayat["Target baru"])) == [("TW I", 5), ("TW IV", 7)]
    con = operasional.buka()
    entri = audit.daftar(con, aksi=audit.UBAH_TARGET)
    con.close()
    assert len(entri) == 1 and entri[0]["lingkup"] == KEC and entri[0]["pengguna"] == "admin"
    assert entri[0]["rincian"]["perubahan"] == [{"klaster": "rtlh", "triwulan": 1, "lama": None, "baru": 5},
                                                {"klaster": "rtlh", "triwulan": 4, "lama": None, "baru": 7}]
    # a priority village has the same editor; a village that is not a priority village has none
    at = _app("pages/progres.py", sebagai="admin", wilayah=DESA, tahun="2026", tw="4")
    assert [e.label for e in at.expander] == ["Ubah target"]
    assert not any("dijumlah" in c.value for c in at.caption)
    at = _app("pages/progres.py", sebagai="admin", wilayah=BUKAN_PRIORITAS, tahun="2026", tw="4")
    assert not at.expander
    # the kecamatan's target shows in the kabupaten's view beside the kabupaten's own, never added to it
    at = _app("pages/progres.py", sebagai="admin", wilayah=KAB, tahun="2026", tw="4")
    rtlh = at.dataframe[0].value.set_index("Klaster").loc["Rumah tidak layak huni"]
    assert rtlh["Target kecamatan dijumlah"] == 12 and rtlh["Target kumulatif"] != 12
    assert fmt.angka(12) == "12"
