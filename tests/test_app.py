"""One AppTest per view, on the fixture database: the figures and labels each page shows."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from pke import db, fmt
from pke.config import ROOT
from pke.i18n import atur_bahasa
from tests.conftest import KAB, sesi_demo

TAHUN, TW = 2026, 4


def _app(halaman: str | None = None, sebagai: str | None = None, **qp) -> AppTest:
    """The app after one run and a switch to `halaman` (default Ringkasan: a visitor's start page is the login
    page), anonymous or signed in `sebagai` a demo account."""
    # AppTest formats widget options in this thread on reruns: speak the app's language here too
    # (tests/conftest.py puts Indonesian back after each test).
    atur_bahasa(qp.get("bahasa", "id"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in qp.items():
        at.query_params[k] = v
    if sebagai:
        at.session_state["_token"] = sesi_demo(sebagai)
    at.run()
    if halaman or not sebagai:
        at.switch_page(halaman or "pages/ringkasan.py")
        at.run()
    assert not at.exception, at.exception
    return at


def _metrik(at) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta) for m in at.metric}


def test_ringkasan_kabupaten(app_env, con):
    at = _app(wilayah=KAB, tahun=str(TAHUN), tw=str(TW))
    assert at.title[0].value == "Ringkasan"
    assert any("Kab. Grobogan" in m.value and "Triwulan IV 2026" in m.value for m in at.markdown)
    assert any("DATA DEMO" in c.value for c in at.caption)
    kpi = db.jalankan(con, "ringkasan_kpi", lingkup="", kode=KAB, tahun=TAHUN, triwulan=TW).set_index("periode").loc["ini"]
    m = _metrik(at)
    assert m["Keluarga P3KE"][0] == fmt.angka(kpi["keluarga"])
    assert m["Keluarga desil 1"][0] == fmt.angka(kpi["keluarga_desil1"])
    assert m["Desa prioritas"][0] == "51"
    assert m["Keluarga dengan kebutuhan tersisa"][0] == fmt.angka(kpi["keluarga_berkebutuhan"])
    assert m["Kebutuhan tertutup tahun ini"][0] == fmt.persen(kpi["persen_tertutup_tahun_ini"])
    assert "dibanding TW III 2026" in m["Keluarga dengan kebutuhan tersisa"][1]
    assert m["Keluarga dengan kebutuhan tersisa"][1].startswith("-")  # gaps closed during the quarter
    assert at.sidebar.selectbox(key="w_kab").value == KAB
    # the chart is there and the biggest remaining gap is named
    klaster = db.jalankan(con, "kebutuhan_per_klaster", lingkup="", kode=KAB, tahun=TAHUN, triwulan=TW)
    terbesar = klaster.sort_values("tersisa").iloc[-1]
    assert any(f"PR terbesar:** {terbesar['label']}" in md.value for md in at.markdown)
    assert len(at.get("vega_lite_chart")) == 1
    assert at.query_params["wilayah"] == [KAB] or at.query_params["wilayah"] == KAB


def test_ringkasan_ikut_url_dan_pilihan(app_env, con):
    at = _app(wilayah="33.15.01", tahun="2025", tw="2")
    assert at.sidebar.selectbox(key="w_kec").value == "33.15.01"
    kpi = db.jalankan(con, "ringkasan_kpi", lingkup="", kode="33.15.01", tahun=2025, triwulan=2).set_index("periode").loc["ini"]
    assert _metrik(at)["Keluarga P3KE"][0] == fmt.angka(kpi["keluarga"])
    assert any("Kedungjati" in m.value and "Triwulan II 2025" in m.value for m in at.markdown)
    # choosing "all kecamatan" goes back to the kabupaten, and the URL follows
    at.sidebar.selectbox(key="w_kec").set_value("").run()
    assert str(at.query_params["wilayah"]).strip("[]'") == KAB


def test_peta_kabupaten(app_env, con):
    at = _app("pages/peta.py", wilayah=KAB, tahun=str(TAHUN), tw=str(TW), klaster="air")
    assert at.title[0].value == "Peta kebutuhan"
    assert at.selectbox(key="url_klaster").value == "air"
    assert len(at.get("deck_gl_json_chart")) == 1
    legenda = [m.value for m in at.markdown if "Desa prioritas" in m.value and "Air minum" in m.value]
    assert legenda, "legend with the cluster's title and the priority-village outline"
    pilih = at.selectbox(key=None) if False else [s for s in at.selectbox if s.label == "Lihat wilayah"][0]
    assert len(pilih.options) == 281  # 280 villages of Grobogan + "pick one"
    pilih.set_value("33.15.01.2001").run()
    assert any(m.value == "#### Karanglangu" for m in at.markdown)
    rinci = at.dataframe[0].value
    harapan = db.jalankan(con, "kebutuhan_per_klaster", lingkup="", kode="33.15.01.2001", tahun=TAHUN, triwulan=TW)
    assert list(rinci["Tersisa"]) == list(harapan["tersisa"])


def test_peta_provinsi_menggambar_kabupaten(app_env):
    at = _app("pages/peta.py", wilayah="33", tahun=str(TAHUN), tw=str(TW))
    assert len(at.get("deck_gl_json_chart")) == 1
    pilih = [s for s in at.selectbox if s.label == "Lihat wilayah"][0]
    assert pilih.options[1:] == ["Kab. Grobogan"]


def test_sektor(app_env, con):
    at = _app("pages/sektor.py", wilayah=KAB, tahun=str(TAHUN), tw=str(TW))
    assert at.title[0].value == "Kebutuhan per sektor"
    per_klaster = at.dataframe[0].value
    harapan = db.jalankan(con, "kebutuhan_per_klaster", lingkup="", kode=KAB, tahun=TAHUN, triwulan=TW)
    assert list(per_klaster["Klaster"]) == list(harapan["label"])
    assert list(per_klaster["Tersisa"]) == list(harapan["tersisa"])
    assert list(per_klaster["OPD penanggung jawab"])[:2] == ["Disperakim", "Disperindag"]
    assert any(s.value == "Per kecamatan" for s in at.subheader)
    per_kec = at.dataframe[1].value
    assert per_kec["Kecamatan"].nunique() == 19
    assert per_kec["Tersisa"].sum() == harapan["tersisa"].sum()
    assert len(at.get("vega_lite_chart")) == 1
    opd = at.dataframe[2].value
    assert {"OPD", "Klaster", "Rencana", "Proses", "Selesai", "Nilai selesai"} <= set(opd.columns)


def test_desa_tanpa_rincian_subwilayah(app_env):
    at = _app("pages/sektor.py", wilayah="33.15.01.2001", tahun=str(TAHUN), tw=str(TW))
    assert not any(s.value.startswith("Per desa") for s in at.subheader)
    assert any("Karanglangu" in m.value for m in at.markdown)


@pytest.fixture(scope="module")
def db_tanpa_batas(tmp_path_factory):
    import datetime as dt

    from pke.build import bangun_demo

    path = tmp_path_factory.mktemp("tanpa_batas") / "pke.duckdb"
    bangun_demo(path, kabupaten=[KAB], seed=1, sampai=dt.date(2026, 11, 23), batas=None, skala=0.02)
    return path


def test_peta_tanpa_batas_jadi_treemap(db_tanpa_batas, monkeypatch):
    monkeypatch.setenv("PKE_DB", str(db_tanpa_batas))
    at = _app("pages/peta.py", wilayah=KAB)
    assert not at.get("deck_gl_json_chart")
    assert any("Batas wilayah belum dimuat" in w.value and "--batas" in w.value for w in at.warning)
    assert len(at.get("vega_lite_chart")) == 1


def test_basis_data_versi_lama(db_diubah):
    db_diubah("DROP VIEW ringkas_kualitas")
    at = _app("pages/kualitas.py", wilayah=KAB)
    assert any("versi dasbor yang lebih lama" in e.value and "python -m pke demo" in e.value for e in at.error)
