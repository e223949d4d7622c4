"""AppTests for the evaluation views (Progres Triwulan, Evaluasi Provinsi, Profil Desa, Daftar Keluarga,
Peluang Kolaborasi) on the fixture database: the figures and labels each one shows."""
from __future__ import annotations

import re

import pytest

from pke import db, fmt, kolaborasi, pesan, progres
from tests.conftest import KAB, TANGGAL
from tests.test_app import _app

P = {"kode": KAB, "tahun": 2026, "triwulan": 4}


def test_progres_kabupaten(app_env, con):
    at = _app("pages/progres.py", wilayah=KAB, tahun="2026", tw="3")
    assert at.title[0].value == "Progres triwulan"
    assert any("≥ 90%" in c.value and "Sesuai target" in c.value for c in at.caption)
    tabel = at.dataframe[0].value
    data = db.jalankan(con, "progres_triwulan", lingkup="", kode=KAB, tahun=2026)
    tw3 = data[data["triwulan"] == 3].reset_index(drop=True)
    assert list(tabel["Klaster"]) == list(tw3["label"])
    assert list(tabel["Target kumulatif"]) == list(tw3["target_kumulatif"])
    assert list(tabel["Realisasi kumulatif"]) == list(tw3["realisasi_kumulatif"])
    assert list(tabel["Status"]) == [progres.status(r, t).label
                                     for r, t in zip(tw3["realisasi_kumulatif"], tw3["target_kumulatif"])]
    assert len(at.get("vega_lite_chart")) == 1
    assert any("diproyeksikan mencapai" in m.value for m in at.markdown)
    # editing targets needs the right to (administrators): not offered to a visitor
    assert not at.expander


def test_progres_tanpa_target_dan_form_target(app_env, monkeypatch):
    at = _app("pages/progres.py", wilayah="33.15.01")
    assert any("Belum ada target" in i.value for i in at.info)
    assert set(at.dataframe[0].value["Status"]) == {"Tanpa target"}
    for peran in ("pimpinan", "analis", "operator"):
        assert not _app("pages/progres.py", sebagai=peran, wilayah=KAB if peran != "operator" else "33.15.01").expander
    at = _app("pages/progres.py", sebagai="admin", wilayah=KAB)
    assert [e.label for e in at.expander] == ["Ubah target"]
    assert not at.main.text_input  # no PIN and no name to type: the signed-in administrator is the editor
    assert any("Tersimpan atas nama admin" in c.value for c in at.caption)


def test_evaluasi_provinsi(app_env, con):
    at = _app("pages/evaluasi.py", wilayah="33")
    tabel = at.dataframe[0].value
    data = db.jalankan(con, "evaluasi_kabupaten", lingkup="", kode="33", tahun=2026, triwulan=4)
    # short headers, so every column fits 1280 px beside the sidebar (the full meaning on hover)
    assert list(tabel.columns) == ["Kabupaten/Kota", "Desil 1", "% tertutup", "Perubahan", "% capaian", "Status",
                                   "% bertanda", "PR terbesar"]
    assert list(tabel["Kabupaten/Kota"]) == ["★ Kab. Grobogan"]
    pr = data.iloc[0]
    assert tabel["Desil 1"].iloc[0] == pr["keluarga_desil1"]
    assert tabel["PR terbesar"].iloc[0] == f"{pr['pr_terbesar']} ({fmt.angka(pr['pr_terbesar_tersisa'])})"
    klaster = db.jalankan(con, "kebutuhan_per_klaster", lingkup="", **P)
    assert pr["pr_terbesar_tersisa"] == klaster["tersisa"].max()  # the same remaining gap as on Sektor
    # the share closed and its change since TW III are the trend's last two points
    tren = db.jalankan(con, "tren_subwilayah", lingkup="", kode="33").set_index("qi")["persen_tertutup"]
    qi = 2026 * 4 + 3
    assert tabel["% tertutup"].iloc[0] == pytest.approx(tren[qi])
    assert tabel["Perubahan"].iloc[0] == pytest.approx(tren[qi] - tren[qi - 1]) and tren[qi] > tren[qi - 1]
    # TW IV 2026 is still running on the data's date (23 November): achievement against the pro-rated target, as
    # on Progres Triwulan, said plainly above the table
    capaian = progres.capaian_pro_rata(pr["realisasi_kumulatif"], pr["target_kumulatif"], pr["target_triwulan"],
                                       2026, 4, TANGGAL)
    assert tabel["% capaian"].iloc[0] == pytest.approx(capaian) and capaian > pr["capaian_target"]
    assert tabel["Status"].iloc[0] == progres.status_pro_rata(pr["realisasi_kumulatif"], pr["target_kumulatif"],
                                                              pr["target_triwulan"], 2026, 4, TANGGAL).label
    assert any("Triwulan berjalan: data s.d. 23 November 2026 (54 dari 92 hari)" in m.value for m in at.markdown)
    assert any("1 kabupaten/kota" in m.value and "★ = 1" in m.value for m in at.markdown)
    assert at.selectbox(key="url_urut").value == "capaian" and at.radio(key="url_arah").value == "turun"
    assert not [r for r in at.radio if r.key == "url_prioritas"]  # every kabupaten here is a priority one
    assert at.selectbox(key="url_sorot").value == KAB
    assert len(at.get("vega_lite_chart")) == 1


def test_profil_desa(app_env, con):
    at = _app("pages/profil_desa.py", wilayah="33.15.01.2001")
    assert at.title[0].value == "Desa Karanglangu"
    assert any("Kec. Kedungjati" in m.value for m in at.markdown)
    metrik = {m.label: m.value for m in at.metric}
    profil = db.jalankan(con, "profil_desa", lingkup="", kode="33.15.01.2001", tahun=2026).iloc[0]
    assert metrik["Keluarga P3KE"] == fmt.angka(profil["keluarga"])
    klaster = db.jalankan(con, "kebutuhan_per_klaster", lingkup="", kode="33.15.01.2001", tahun=2026, triwulan=4)
    assert metrik["Kebutuhan tersisa"] == fmt.angka(klaster["tersisa"].sum())  # same figure as Sektor/Peta
    assert len(at.get("deck_gl_json_chart")) == 1
    desil = at.dataframe[0].value
    assert list(desil["Desil"]) == [1, 2, 3, 4] and desil["Keluarga"].sum() == profil["keluarga"]
    masalah = at.dataframe[1].value.set_index("Masalah")["Jumlah"]
    assert masalah["Individu belum padan Dukcapil"] == profil["individu_tidak_padan"]
    assert any(re.search(r"Peringkat \d+ dari \d+ desa", m.value) for m in at.markdown)
    prioritas_desa = bool(profil["prioritas"])
    assert any(("Desa prioritas PKE 2026" in s.value) for s in at.success) == prioritas_desa


def test_profil_desa_tanpa_batas(db_diubah):
    db_diubah("DELETE FROM batas_wilayah WHERE kode = '33.15.01.2001'")
    at = _app("pages/profil_desa.py", wilayah="33.15.01.2001")
    assert any("Batas wilayah desa ini tidak tersedia" in w.value for w in at.warning)
    assert not at.get("deck_gl_json_chart")


def test_daftar_keluarga_tersamar(app_env, con):
    at = _app("pages/keluarga.py", sebagai="operator", wilayah="33.15.01")
    tabel = at.dataframe[0].value
    assert tabel["NIK"].str.fullmatch(r"\d{4}\*{8}\d{4}").all()
    assert tabel["Kepala keluarga"].str.contains(r"\*").all()
    assert tabel["Skor"].is_monotonic_decreasing
    semua = db.jalankan(con, "daftar_keluarga_jumlah", lingkup="", kode="33.15.01", cari="", desil=[], klaster=[],
                        status=[], lansia=False, sendiri=False, disabilitas=False, kronis=False,
                        belum_terjangkau=False, pkh=None, bpnt=None, sembako=None, bst=None, bpum=None,
                        nama_sebagian=True)
    assert any(f"**{fmt.angka(semua['total'].iloc[0])} keluarga**" in m.value for m in at.markdown)
    assert not any(re.search(r"\b\d{16}\b", str(v)) for v in tabel.to_numpy().ravel())
    at.toggle[0].set_value(True).run()
    # nothing unmasked until a purpose is stated
    assert at.dataframe[0].value["NIK"].str.fullmatch(r"\d{4}\*{8}\d{4}").all()
    at.selectbox(key="keluarga_tujuan").set_value("verval").run()
    assert at.dataframe[0].value["NIK"].str.fullmatch(r"\d{16}").all()
    assert any("tercatat atas nama operator" in w.value for w in at.warning)


def test_presentasi_tanpa_data_pribadi(app_env):
    at = _app("pages/keluarga.py", sebagai="operator", wilayah="33.15.01", presentasi="1")
    assert not at.toggle and not at.dataframe
    assert any("tidak ditampilkan dalam mode presentasi" in i.value for i in at.info)
    at = _app("pages/kualitas.py", wilayah=KAB, presentasi="1")
    assert not at.toggle and not at.dataframe and not at.table  # on the wall: the counts, no list at all
    assert [m for m in at.metric if m.label == "Individu belum padan Dukcapil"]
    at = _app(wilayah=KAB, presentasi="1")
    assert any("stMetricValue" in m.value and "2.8rem" in m.value for m in at.markdown)  # ≥ 50 px at 720 px
    assert ("✕", "Keluar dari mode presentasi") in [(b.label, b.help) for b in at.button]


def test_kolaborasi(app_env, con):
    at = _app("pages/kolaborasi.py", wilayah=KAB)
    keb = db.jalankan(con, "kebutuhan_desa_klaster", lingkup="", **P)
    keb = keb[keb["klaster"].isin(["rtlh", "jamban", "air", "listrik"])]
    harga = dict(kolaborasi.tabel_biaya()[["klaster", "biaya"]].to_numpy())
    total = (keb["belum"] * keb["klaster"].map(harga)).sum()
    metrik = {m.label: m.value for m in at.metric}
    assert metrik["Perkiraan biaya seluruh kebutuhan"] == fmt.rupiah(total)
    assert re.fullmatch(r"[\d.]+ dari [\d.]+", metrik["Desa terjangkau anggaran"])
    assert at.dataframe[0].value["biaya"].iloc[0] == 20_000_000


def test_kolaborasi_minta_kabupaten(app_env):
    at = _app("pages/kolaborasi.py", wilayah="33")
    assert any("Pilih kabupaten" in i.value for i in at.info)


def test_triwulan_tanpa_target(db_diubah):
    db_diubah("DELETE FROM target_dasar WHERE tahun = 2026 AND triwulan = 4")
    at = _app("pages/progres.py", wilayah=KAB, tahun="2026", tw="4")
    tabel = at.dataframe[0].value
    assert tabel["Target TW"].isna().all()  # shown as "–"
    assert not tabel["Target kumulatif"].isna().any()  # quarters I–III still count
    assert set(tabel["Status"]) <= {"Sesuai target", "Tertinggal", "Jauh tertinggal"}


def test_wilayah_tanpa_keluarga_di_url(app_env):
    # Kab. Cilacap has no households in the fixture: the selector falls back to the province, no error
    at = _app(wilayah="33.01")
    assert at.sidebar.selectbox(key="w_kab").value == ""
    assert any(m.value.startswith("**Jawa Tengah**") for m in at.markdown)


def test_angka_sama_di_semua_tampilan(app_env, con):
    """The same village's remaining gaps are the same figure on Ringkasan, Sektor, Progres and Profil Desa."""
    desa = "33.15.01.2001"
    harapan = db.jalankan(con, "kebutuhan_per_klaster", lingkup="", kode=desa, tahun=2026, triwulan=4)
    tersisa = dict(zip(harapan["label"], harapan["tersisa"]))
    ringkasan = _app(wilayah=desa)
    chart = ringkasan.get("vega_lite_chart")[0].proto.spec
    import json
    teks = json.loads(chart)["layer"][1]["data"]["values"]
    # the bar labels read "1.234  (45,0% tertutup)"
    assert {r["label"]: r["teks"].split()[0] for r in teks} == {k: fmt.angka(v) for k, v in tersisa.items()}
    sektor = _app("pages/sektor.py", wilayah=desa).dataframe[0].value
    assert dict(zip(sektor["Klaster"], sektor["Tersisa"])) == tersisa
    prog = _app("pages/progres.py", wilayah=desa).dataframe[0].value
    assert dict(zip(prog["Klaster"], prog["Kebutuhan tersisa"])) == tersisa
    profil = _app("pages/profil_desa.py", wilayah=desa)
    assert {m.label: m.value for m in profil.metric}["Kebutuhan tersisa"] == fmt.angka(sum(tersisa.values()))
    tabel = profil.dataframe[2].value
    assert dict(zip(tabel["Klaster"], tabel["Tersisa"])) == tersisa


@pytest.fixture(scope="module")
def tiga_kab(tmp_path_factory):
    """Two priority kabupaten (Klaten, Grobogan) and a city that is not one (Kota Semarang): a province to rank."""
    from pke.build import bangun_demo
    from tests.conftest import TANGGAL

    path = tmp_path_factory.mktemp("tiga_kab") / "pke.duckdb"
    bangun_demo(path, kabupaten=["33.10", "33.15", "33.74"], seed=7, sampai=TANGGAL, batas=None, skala=0.02)
    return path


def _nama(tabel) -> list[str]:
    return [n.removeprefix("★ ") for n in tabel["Kabupaten/Kota"]]


def _disorot(at) -> list[str]:
    """The regions drawn in colour on the trend chart (Streamlit sends the chart's data apart, as Arrow)."""
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    d = convert_arrow_bytes_to_pandas_df(at.get("vega_lite_chart")[0].proto.data.data)
    return sorted(set(d.loc[d["disorot"], "nama"]))


def test_evaluasi_urutan_prioritas_dan_sorotan(tiga_kab, monkeypatch):
    """Evaluasi Provinsi ranks by any measure (?urut=, ?arah=), shows the priority kabupaten alone (?prioritas=1)
    and highlights one kabupaten on the trend: the context's, else the one furthest behind, else the one chosen."""
    monkeypatch.setenv("PKE_DB", str(tiga_kab))
    data = db.jalankan(db.buka(tiga_kab), "evaluasi_kabupaten", lingkup="", kode="33", tahun=2026, triwulan=4)
    # the achievement shown (against the target pro-rated to the data's date in the running TW IV)
    data["capaian"] = pesan.capaian_kabupaten(data, 2026, 4, TANGGAL)
    assert data["capaian"].notna().all() and data["capaian"].nunique() == 3

    def urut(kolom, naik=False, df=data):
        return list(df.sort_values(kolom, ascending=naik, kind="stable")["nama"])

    at = _app("pages/evaluasi.py", wilayah="33")  # by default: achievement against target, highest first
    tabel = at.dataframe[0].value
    assert _nama(tabel) == urut("capaian")
    assert list(tabel["% capaian"]) == pytest.approx(list(data.set_index("nama").loc[_nama(tabel), "capaian"]))
    baris = data.set_index("nama").loc[_nama(tabel)]
    assert list(tabel["Status"]) == [progres.status_pro_rata(r, tk, tt, 2026, 4, TANGGAL).label for r, tk, tt in zip(
        baris["realisasi_kumulatif"], baris["target_kumulatif"], baris["target_triwulan"])]
    assert at.radio(key="url_prioritas").value == "0" and len(tabel) == 3
    assert _disorot(at) == [urut("capaian", naik=True)[0]]  # the furthest behind

    for kunci, kolom in (("perubahan", "perubahan_tertutup"), ("tertutup", "persen_tertutup"),
                         ("desil1", "keluarga_desil1"), ("pr", "pr_terbesar_tersisa")):
        at = _app("pages/evaluasi.py", wilayah="33", urut=kunci, arah="naik")
        assert _nama(at.dataframe[0].value) == urut(kolom, naik=True), kunci
    # the choice is kept in the URL, as the switch is
    at.selectbox(key="url_urut").set_value("tertandai").run()
    at.radio(key="url_arah").set_value("turun").run()
    assert _nama(at.dataframe[0].value) == urut("persen_tertandai")
    assert at.query_params["urut"] in ("tertandai", ["tertandai"]) and at.query_params["arah"] in ("turun", ["turun"])
    at.radio(key="url_prioritas").set_value("1").run()
    prioritas_saja = data[data["prioritas"]]
    assert _nama(at.dataframe[0].value) == urut("persen_tertandai", df=prioritas_saja) and len(prioritas_saja) == 2
    assert any("2 kabupaten/kota**, ★ = 2" in m.value for m in at.markdown)
    sesuai = int((prioritas_saja["capaian"] >= progres.BATAS_SESUAI).sum())
    kalimat = fmt.html_aman(f"{sesuai} dari 2 kabupaten/kota prioritas sesuai target pro-rata TW IV berjalan (data "
                            "s.d. 23 November 2026)")
    assert any(kalimat in m.value for m in at.markdown)
    assert "Kota Semarang" not in _disorot(at) and len(_disorot(at)) == 1

    # the context's kabupaten is highlighted; another one can be chosen
    at = _app("pages/evaluasi.py", wilayah="33.10")
    assert _disorot(at) == ["Kab. Klaten"] and at.selectbox(key="url_sorot").value == "33.10"
    at.selectbox(key="url_sorot").set_value("33.74").run()
    assert _disorot(at) == ["Kota Semarang"]


def test_evaluasi_di_dinding_dari_url(tiga_kab, monkeypatch):
    """On the wall the ranking and the highlight come from the URL, with no widget."""
    monkeypatch.setenv("PKE_DB", str(tiga_kab))
    data = db.jalankan(db.buka(tiga_kab), "evaluasi_kabupaten", lingkup="", kode="33", tahun=2026, triwulan=4)
    prioritas_saja = data[data["prioritas"]].sort_values("persen_tertutup", kind="stable")
    at = _app("pages/evaluasi.py", wilayah="33", presentasi="1", prioritas="1", urut="tertutup", arah="naik")
    assert not [w for w in (*at.main.radio, *at.main.selectbox, *at.main.toggle)]  # the URL decides
    tabel = at.table[0].value
    assert list(tabel.iloc[:, 0]) == [1, 2]
    assert [n.removeprefix("★ ") for n in tabel.iloc[:, 1]] == list(prioritas_saja["nama"])
    at = _app("pages/evaluasi.py", wilayah="33", presentasi="1", sorot="33.10", hal="2")
    assert _disorot(at) == ["Kab. Klaten"]
    assert any("Kab. Klaten disorot" in m.value for m in at.markdown)
