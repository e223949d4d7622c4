"""AppTests for the evaluation views (Progres Triwulan, Evaluasi Provinsi, Profil Desa, Daftar Keluarga,
Peluang Kolaborasi) on the fixture database: the figures and labels each one shows."""
from __future__ import annotations

import re

from pke import db, fmt, kolaborasi, prioritas, progres
from tests.conftest import KAB
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
    assert not at.text_input  # no PIN and no name to type: the signed-in administrator is the editor
    assert any("Tersimpan atas nama admin" in c.value for c in at.caption)


def test_evaluasi_provinsi(app_env, con):
    at = _app("pages/evaluasi.py", wilayah="33")
    tabel = at.dataframe[0].value
    data = db.jalankan(con, "evaluasi_kabupaten", lingkup="", kode="33", tahun=2026, triwulan=4)
    assert list(tabel["Kabupaten/Kota"]) == ["★ Kab. Grobogan"]
    assert tabel["Keluarga desil 1"].iloc[0] == data["keluarga_desil1"].iloc[0]
    pr = data.iloc[0]
    assert tabel["PR terbesar (keluarga tersisa)"].iloc[0] == f"{pr['pr_terbesar']} ({fmt.angka(pr['pr_terbesar_tersisa'])})"
    klaster = db.jalankan(con, "kebutuhan_per_klaster", lingkup="", **P)
    assert pr["pr_terbesar_tersisa"] == klaster["tersisa"].max()  # the same remaining gap as on Sektor
    assert any("1 kabupaten/kota" in m.value and "★ = 1" in m.value for m in at.markdown)
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
    semua = db.jalankan(con, "daftar_keluarga", lingkup="", kode="33.15.01", cari="", desil=[], klaster=[],
                        status=[], lansia=False, sendiri=False, disabilitas=False, kronis=False,
                        belum_terjangkau=False, batas=500, nama_sebagian=True, **prioritas.parameter())
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
