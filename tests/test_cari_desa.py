"""The sidebar's village search (issue 13): a part of a name lists the user's villages, a click opens Profil Desa;
what is typed is a value, never a pattern or SQL; nothing outside the user's region."""
from __future__ import annotations

from pke import db
from tests.conftest import KAB
from tests.test_app import _app


def test_cari_desa_membuka_profil(app_env, con):
    desa = db.jalankan(con, "cari_desa", cari="karang", tahun=2026, lingkup="")
    assert len(desa) > 0 and all("karang" in n.lower() for n in desa["nama"])
    assert desa["kode"].str.startswith(KAB).all()
    at = _app(sebagai="analis", wilayah=KAB)
    at.sidebar.text_input(key="cari_desa").input("karang").run()
    tombol = [b for b in at.sidebar.button if b.key and b.key.startswith("cari_")]
    assert [b.key for b in tombol] == [f"cari_{k}" for k in desa["kode"]]
    pertama = desa.iloc[0]
    tombol[0].click().run()
    assert at.query_params["wilayah"] == [pertama["kode"]] or at.query_params["wilayah"] == pertama["kode"]
    assert any(pertama["nama"] in t.value for t in at.title)


def test_cari_desa_bukan_pola_dan_dalam_lingkup(app_env, con):
    for teks in ("%", "_a_", "x'; DROP TABLE wilayah; --"):
        assert db.jalankan(con, "cari_desa", cari=teks, tahun=2026, lingkup="").empty
    # a user of another kabupaten finds none of Grobogan's villages
    assert db.jalankan(con, "cari_desa", cari="karang", tahun=2026, lingkup="33.04").empty
    at = _app(sebagai="analis", wilayah=KAB)
    at.sidebar.text_input(key="cari_desa").input("zzzq").run()
    assert any("Tidak ada desa yang namanya memuat" in c.value for c in at.sidebar.caption)
