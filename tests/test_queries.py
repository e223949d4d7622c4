"""Every named query on the fixture database: it runs, declares itself, and its figures agree with the
other queries' and with the base tables."""
from __future__ import annotations

import re

import pytest

from pke import db
from tests.conftest import KAB

TAHUN, TW = 2026, 4
P = {"kode": KAB, "tahun": TAHUN, "triwulan": TW}


def test_setiap_kueri_punya_kepala_dan_parameter_bernama():
    for nama in db.daftar_kueri():
        teks = db.teks(nama)
        assert teks.startswith(f"-- {nama}:"), f"{nama}.sql must start with '-- {nama}: <what one row is>'"
        assert "params:" in teks, f"{nama}.sql must declare its parameters"
        tanpa_komentar = "\n".join(b.split("--")[0] for b in teks.splitlines())
        assert "{" not in tanpa_komentar and "%s" not in tanpa_komentar, "only $named parameters"
        dideklarasi = set(re.findall(r"\$(\w+)", teks.split("params:")[1].splitlines()[0]))
        dipakai = set(re.findall(r"\$(\w+)", tanpa_komentar))
        assert dipakai <= dideklarasi, f"{nama}: undeclared {dipakai - dideklarasi}"


def test_parameter_kurang_ditolak(con):
    with pytest.raises(db.QueryError, match="butuh parameter"):
        db.jalankan(con, "ringkasan_kpi", lingkup="", kode=KAB)
    with pytest.raises(db.QueryError):
        db.jalankan(con, "../schema")


def test_wilayah_anak(con):
    prov = db.jalankan(con, "wilayah_anak", lingkup="", induk="")
    assert list(prov["kode"]) == ["33"]
    kab = db.jalankan(con, "wilayah_anak", lingkup="", induk="33")
    assert list(kab["kode"]) == [KAB] and kab.iloc[0]["nama"] == "Kab. Grobogan"
    kec = db.jalankan(con, "wilayah_anak", lingkup="", induk=KAB)
    assert len(kec) == 19 and (kec["tingkat"] == "kecamatan").all()


def test_kpi_sesuai_tabel_dasar(con):
    kpi = db.jalankan(con, "ringkasan_kpi", lingkup="", **P).set_index("periode")
    ini = kpi.loc["ini"]
    assert ini["keluarga"] == con.execute("SELECT count(*) FROM keluarga_aktif").fetchone()[0]
    assert ini["keluarga_desil1"] == con.execute(
        "SELECT count(*) FROM keluarga_aktif WHERE desil_kesejahteraan = 1").fetchone()[0]
    assert ini["desa_prioritas"] == 51
    tersisa = con.execute("""SELECT count(*) FROM kebutuhan
                             WHERE tanggal_selesai IS NULL OR tanggal_selesai > DATE '2026-12-31'""").fetchone()[0]
    assert ini["kebutuhan_tersisa"] == tersisa
    keluarga_tersisa = con.execute("""SELECT count(DISTINCT id_keluarga_p3ke) FROM kebutuhan
                             WHERE tanggal_selesai IS NULL OR tanggal_selesai > DATE '2026-12-31'""").fetchone()[0]
    assert ini["keluarga_berkebutuhan"] == keluarga_tersisa
    lalu = kpi.loc["sebelumnya"]
    assert (lalu["tahun"], lalu["triwulan"]) == (2026, 3)
    assert lalu["kebutuhan_tersisa"] >= ini["kebutuhan_tersisa"]  # gaps only close over time
    assert 0 < ini["persen_tertutup_tahun_ini"] < 1


def test_klaster_subwilayah_peta_sepakat(con):
    klaster = db.jalankan(con, "kebutuhan_per_klaster", lingkup="", **P)
    assert len(klaster) == 8 and list(klaster["klaster"])[:2] == ["rtlh", "listrik"]
    assert (klaster["kebutuhan"] == klaster[["belum", "rencana", "proses", "selesai"]].sum(axis=1)).all()
    assert (klaster["tersisa"] == klaster["kebutuhan"] - klaster["selesai"]).all()
    kpi = db.jalankan(con, "ringkasan_kpi", lingkup="", **P).set_index("periode").loc["ini"]
    assert klaster["tersisa"].sum() == kpi["kebutuhan_tersisa"]

    anak = db.jalankan(con, "kebutuhan_per_subwilayah", lingkup="", **P)
    assert anak["kode"].nunique() == 19
    per = anak.groupby("klaster")["tersisa"].sum()
    for _, r in klaster.iterrows():
        assert per.get(r["klaster"], 0) == r["tersisa"]

    for kunci in ("air", "listrik"):
        peta = db.jalankan(con, "peta_wilayah", lingkup="", kode=KAB, panjang=13, klaster=kunci, tahun=TAHUN, triwulan=TW)
        assert len(peta) == 280 and peta["geojson"].notna().all()
        assert peta["tersisa"].sum() == klaster.set_index("klaster").loc[kunci, "tersisa"]
        assert peta["desa_prioritas"].sum() == 51
    prov = db.jalankan(con, "peta_wilayah", lingkup="", kode="33", panjang=5, klaster="air", tahun=TAHUN, triwulan=TW)
    assert list(prov["kode"]) == [KAB] and prov.iloc[0]["desa_prioritas"] == 51


def test_opd_dan_garis(con):
    opd = db.jalankan(con, "intervensi_per_opd", lingkup="", **P)
    assert set(opd["opd"]) <= {"Disdik", "Disperakim", "Dispermasdes", "Dinkes", "Dinsos", "DP3AKB",
                                "Disnakertrans", "Disperindag", "Perumdam"}
    n = con.execute("SELECT count(*) FROM intervensi WHERE tanggal <= DATE '2026-12-31'").fetchone()[0]
    assert opd[["rencana", "proses", "selesai"]].to_numpy().sum() == n
    garis = db.jalankan(con, "peta_garis", lingkup="", kode=KAB, panjang=8)
    assert len(garis) == 19
    prio = db.jalankan(con, "peta_desa_prioritas", lingkup="", kode="33", tahun=TAHUN)
    assert len(prio) == 51


def test_triwulan_awal_sebelum_intervensi(con):
    klaster = db.jalankan(con, "kebutuhan_per_klaster", lingkup="", kode=KAB, tahun=2023, triwulan=1)
    kpi = db.jalankan(con, "ringkasan_kpi", lingkup="", kode=KAB, tahun=2023, triwulan=1).set_index("periode")
    assert klaster["kebutuhan"].sum() >= klaster["tersisa"].sum() > 0
    assert kpi.loc["sebelumnya", "tertutup_tahun_ini"] == 0  # 2022 Q4: nothing had been tagged yet


def test_wilayah_tanpa_keluarga(con):
    kosong = db.jalankan(con, "kebutuhan_per_klaster", lingkup="", kode="33.01", tahun=TAHUN, triwulan=TW)
    assert len(kosong) == 8 and kosong["kebutuhan"].sum() == 0
    kpi = db.jalankan(con, "ringkasan_kpi", lingkup="", kode="33.01", tahun=TAHUN, triwulan=TW)
    assert (kpi["keluarga"] == 0).all() and kpi["persen_tertutup_tahun_ini"].isna().all()


# Queries that return no region or household: the database's label and periods, the import history (an
# administrator's page) and the names above a region (public reference data).
TANPA_LINGKUP = {"meta", "periode", "riwayat_impor", "wilayah_jalur"}


def test_every_regional_query_takes_the_user_scope():
    for nama in db.daftar_kueri():
        if nama not in TANPA_LINGKUP:
            assert "lingkup" in db.parameter(nama), f"queries/{nama}.sql does not take $lingkup"


def test_scope_filters_rows_even_for_a_wider_region(con):
    """A kecamatan operator's scope applied to kabupaten-wide queries: only that kecamatan comes back."""
    from pke import prioritas

    kec = "33.15.01"
    daftar = db.jalankan(con, "daftar_keluarga", lingkup=kec, kode=KAB, cari="", desil=[], klaster=[], status=[],
                         lansia=False, sendiri=False, disabilitas=False, kronis=False, belum_terjangkau=False,
                         pkh=None, bpnt=None, sembako=None, bst=None, bpum=None, mulai=0,
                         batas=5000, nama_sebagian=True, **prioritas.parameter())
    assert len(daftar) and daftar["kode_desa"].str.startswith(kec + ".").all()
    peta = db.jalankan(con, "peta_wilayah", lingkup=kec, kode=KAB, panjang=13, klaster="air", tahun=2026, triwulan=4)
    assert len(peta) and peta["kode"].str.startswith(kec + ".").all()
    # a region wholly outside the scope: nothing at all
    luar = db.jalankan(con, "kebutuhan_per_klaster", lingkup="33.04", kode=KAB, tahun=2026, triwulan=4)
    assert luar["kebutuhan"].sum() == 0
    assert db.jalankan(con, "profil_desa", lingkup="33.04", kode="33.15.01.2001", tahun=2026).empty
    ids = list(daftar["id_keluarga_p3ke"].head(3))
    assert db.jalankan(con, "verval_keluarga", lingkup="33.04", ids=ids).empty


def test_bench_mengukur_setiap_kueri_tampilan():
    """`python -m pke bench` times every query a view runs (issue 11: including verval_progres and Progres)."""
    from pke import bench

    assert set(db.daftar_kueri()) - bench.semua_kueri_diukur() == set()
