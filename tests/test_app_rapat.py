"""AppTests of what the meeting-room issue added: the English interface (figures, labels, formats), the language
switch kept in the URL, the Laporan view, the Tayangan Rapat set-up and the slide bar of a slideshow."""
from __future__ import annotations

from pke import db, fmt
from pke.i18n import atur_bahasa, dalam_bahasa
from tests.conftest import KAB
from tests.test_app import _app, _metrik

TAHUN, TW = 2026, 4


def test_ringkasan_in_english(app_env, con):
    at = _app(wilayah=KAB, tahun=str(TAHUN), tw=str(TW), bahasa="en")
    assert at.title[0].value == "Summary"
    assert any("Kab. Grobogan" in m.value and "Quarter IV 2026" in m.value for m in at.markdown)
    kpi = db.jalankan(con, "ringkasan_kpi", lingkup="", kode=KAB, tahun=TAHUN, triwulan=TW).set_index("periode").loc["ini"]
    m = _metrik(at)
    with dalam_bahasa("en"):
        assert m["P3KE households"][0] == fmt.angka(kpi["keluarga"]) and "," in m["P3KE households"][0]
        assert m["Needs closed this year"][0] == fmt.persen(kpi["persen_tertutup_tahun_ini"])
    assert "vs Q III 2026" in m["Households with remaining needs"][1]
    klaster = db.jalankan(con, "kebutuhan_per_klaster", lingkup="", kode=KAB, tahun=TAHUN, triwulan=TW)
    assert klaster.sort_values("tersisa").iloc[-1]["klaster"] == "tidak_bekerja"
    assert any("Biggest gap:** Not working" in md.value for md in at.markdown)
    assert at.sidebar.selectbox(key="w_kec").options[0] == "— Every district —"


def test_language_switch_goes_into_the_url(app_env):
    at = _app(wilayah=KAB)
    assert at.query_params["bahasa"] in ("id", ["id"])
    at.sidebar.radio(key="bahasa_id").set_value("en").run()
    atur_bahasa("en")  # AppTest formats options in the test's thread: from now on, in English
    assert at.query_params["bahasa"] in ("en", ["en"])
    assert at.title[0].value == "Summary"
    assert at.sidebar.selectbox(key="w_kab").value == KAB  # the region is kept


def test_sektor_in_english_translates_cluster_labels(app_env, con):
    at = _app("pages/sektor.py", wilayah=KAB, bahasa="en")
    tabel = at.dataframe[0].value
    assert list(tabel.columns[:2]) == ["Cluster", "Responsible agency (OPD)"]
    assert list(tabel["Cluster"]) == ["Uninhabitable house", "No electricity", "Unsafe drinking water",
                                      "No proper toilet", "Stunting risk", "Children out of school", "Disability",
                                      "Not working"]


def test_laporan_view_builds_the_report(app_env):
    # a visitor of the demo may build the report but not take it away
    at = _app("pages/laporan.py", wilayah=KAB, tahun=str(TAHUN), tw=str(TW))
    at.button[0].click().run()
    assert not at.get("download_button") and any("Masuk dengan akun untuk mengunduh" in i.value for i in at.info)
    at = _app("pages/laporan.py", sebagai="pimpinan", wilayah=KAB, tahun=str(TAHUN), tw=str(TW))
    assert at.title[0].value == "Laporan triwulan"
    assert not at.get("download_button")  # nothing to download before the report is made
    at.button[0].click().run()
    assert not at.exception, at.exception
    # seven sections: the meeting follow-ups come with the headline figures
    assert any("Laporan Jawa Tengah › Kab. Grobogan, Triwulan IV 2026 siap: 7 bagian." in s.value for s in at.success)
    tombol = [b.proto.label for b in at.get("download_button")]
    assert tombol == ["Unduh PDF", "Unduh PowerPoint", "Unduh Excel"]
    isi = " ".join(m.value for m in at.markdown)
    assert "Kebutuhan tersisa per kecamatan — tabel 19 baris" in isi


def test_laporan_asks_for_a_region(app_env):
    at = _app("pages/laporan.py", wilayah="")
    at.sidebar.selectbox(key="w_prov")  # a province is always chosen; pick nothing below it
    assert at.title[0].value == "Laporan triwulan"
    assert not at.exception


def test_tayangan_setup_gives_a_link(app_env):
    at = _app("pages/tayangan.py", wilayah=KAB, tahun=str(TAHUN), tw=str(TW))
    # a visitor of the demo may not open the follow-ups: the slideshow offers only what its viewer may open
    assert at.multiselect[0].value == ["ringkasan", "peta", "sektor", "progres"]
    assert "tindak_lanjut" not in at.multiselect[0].options
    at = _app("pages/tayangan.py", sebagai="pimpinan", wilayah=KAB, tahun=str(TAHUN), tw=str(TW))
    # a rakor opens with last meeting's follow-ups
    assert at.multiselect[0].value == ["tindak_lanjut", "ringkasan", "peta", "sektor", "progres"]
    assert "keluarga" not in at.multiselect[0].options and "Daftar Keluarga" not in at.multiselect[0].options
    kode = at.code[0].value
    assert kode.startswith("/tindak_lanjut?") and "tayang=tindak_lanjut,ringkasan,peta,sektor,progres" in kode
    assert f"wilayah={KAB}" in kode
    assert "presentasi=1" in kode and "detik=0" in kode


def test_slide_bar_names_region_and_period(app_env):
    at = _app(wilayah=KAB, tahun=str(TAHUN), tw=str(TW), presentasi="1", tayang="ringkasan,peta", detik="30")
    bar = [m.value for m in at.markdown if 'class="pke-slide"' in m.value]
    assert bar and "Tayangan 1 dari 2" in bar[0] and "Kab. Grobogan" in bar[0] and "TW IV 2026" in bar[0]
    assert not [b for b in at.button if b.label == "Keluar dari mode presentasi"]  # the slide bar's ■ stops it
    at.button(key="tayang_selesai").click().run()
    assert "tayang" not in at.query_params and "presentasi" not in at.query_params


def test_follow_up_list_in_english(app_env):
    at = _app("pages/kualitas.py", sebagai="analis", wilayah=KAB, masalah="pindah", bahasa="en")
    daftar = at.dataframe[0].value
    assert list(daftar.columns[:3]) == ["Problem", "P3KE household ID", "Individual ID"]
    assert (daftar["Problem"] == "Members recorded as moved away").all()
    assert (daftar["Remark in P3KE"] == "Moved away").all() and daftar["Name"].str.contains(r"\*").all()


def test_household_list_in_english(app_env):
    from pke import klaster

    at = _app("pages/keluarga.py", sebagai="analis", wilayah="33.15.01", bahasa="en")
    tabel = at.dataframe[0].value
    assert list(tabel.columns[:3]) == ["Score", "Head of household", "NIK"]
    with dalam_bahasa("en"):
        english = {klaster.label_singkat(k) for k in klaster.KUNCI}
    dipakai = {x for v in tabel["Open needs"] if v for x in v.split(", ")}
    assert dipakai and dipakai <= english
