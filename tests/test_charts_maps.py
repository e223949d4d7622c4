"""The pure chart and map builders, on the fixture database's query results."""
from __future__ import annotations

import json

from pke import charts, db, maps
from tests.conftest import KAB

P = {"kode": KAB, "tahun": 2026, "triwulan": 4}


def test_peta_kabupaten(con):
    ling = maps.lingkup_peta(KAB)
    assert (ling.area, ling.panjang, ling.panjang_garis, ling.lapisan_prioritas) == (KAB, 13, 8, False)
    df = db.jalankan(con, "peta_wilayah", lingkup="", kode=KAB, panjang=13, klaster="air", tahun=2026, triwulan=4)
    garis = db.jalankan(con, "peta_garis", lingkup="", kode=KAB, panjang=8)
    deck, leg = maps.peta_wilayah(df, "tersisa_per_100", "Air minum", garis=garis, terpilih="33.15.01.2001",
                                  desimal=1)
    teks = deck.to_json()
    assert "\n" not in teks  # compact: pydeck's indent=2 would make it ~6x heavier
    spec = json.loads(teks)
    assert [layer["id"] for layer in spec["layers"]] == ["wilayah", "garis", "prioritas", "terpilih"]
    wilayah = spec["layers"][0]["data"]
    assert len(wilayah) == 280
    assert {f["properties"]["nama"] for f in wilayah} >= {"Karanglangu", "Panimbo"}
    assert len(spec["layers"][2]["data"]) == 51  # priority villages outlined
    assert spec.get("mapProvider") is None or "mapStyle" not in spec  # no basemap tiles needed
    assert 106 < spec["initialViewState"]["longitude"] < 112 and 8 < spec["initialViewState"]["zoom"] < 11
    # legend: a zero class and up to five classes, Indonesian decimals
    assert leg.kelas[0][0] == "0 / tidak ada" and 2 <= len(leg.kelas) <= 6
    assert any("," in label for label, _ in leg.kelas[1:])
    html = maps.legenda_html(leg)
    assert "Air minum" in html and "Desa prioritas" in html


def test_peta_provinsi_ringan(con):
    ling = maps.lingkup_peta("33")
    assert ling.panjang == 5 and ling.lapisan_prioritas
    df = db.jalankan(con, "peta_wilayah", lingkup="", kode="33", panjang=5, klaster="listrik", tahun=2026, triwulan=4)
    garis = db.jalankan(con, "peta_garis", lingkup="", kode="33", panjang=5)
    prio = db.jalankan(con, "peta_desa_prioritas", lingkup="", kode="33", tahun=2026)
    assert len(garis) == 35  # every kabupaten/kota outlined, also those without data
    deck, _ = maps.peta_wilayah(df, "tersisa", "Listrik", garis=garis, prioritas=prio)
    assert len(deck.to_json()) < 1_000_000


def test_klasifikasi():
    import pandas as pd

    batas = maps.batas_kelas(pd.Series([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10.0]))
    assert batas == sorted(batas) and len(batas) <= 4
    kelas = maps.klasifikasi(pd.Series([0, None, 1, 10.0]), batas)
    assert list(kelas[:2]) == [-1, -1] and kelas[3] == len(batas)


def test_grafik_klaster_dan_heatmap(con):
    per_klaster = db.jalankan(con, "kebutuhan_per_klaster", lingkup="", **P)
    spek = charts.kebutuhan_tersisa_per_klaster(per_klaster)
    batang, label = spek["layer"]
    assert batang["encoding"]["color"]["scale"]["domain"] == ["Belum diintervensi", "Rencana", "Proses"]
    assert spek["config"]["locale"]["number"]["decimal"] == ","  # Indonesian numbers on the axis
    terbesar = per_klaster.sort_values("tersisa").iloc[-1]
    assert batang["encoding"]["y"]["sort"][0] == terbesar["label"]  # largest on top
    teks = {r["label"]: r["teks"] for r in label["data"]["values"]}
    assert teks[terbesar["label"]].startswith(f"{terbesar['tersisa']:,}".replace(",", "."))  # 1.234 format
    jumlah = sum(r["n"] for r in batang["data"]["values"])
    assert jumlah == per_klaster[["belum", "rencana", "proses"]].to_numpy().sum() == per_klaster["tersisa"].sum()

    anak = db.jalankan(con, "kebutuhan_per_subwilayah", lingkup="", **P)
    hm = charts.heatmap_subwilayah(anak, "persen_tertutup")
    sel = hm["data"]["values"]
    assert len({r["nama"] for r in sel}) == 19 and len({r["label_singkat"] for r in sel}) == 8
    assert all(r["teks"].endswith("%") for r in sel)
    assert {r["warna_teks"] for r in sel} <= {"white", charts.TEKS}


def test_grafik_dalam_bahasa_inggris(con):
    from pke.i18n import dalam_bahasa

    per_klaster = db.jalankan(con, "kebutuhan_per_klaster", lingkup="", **P)
    with dalam_bahasa("en"):
        spek = charts.kebutuhan_tersisa_per_klaster(per_klaster)
    assert spek["config"]["locale"]["number"]["thousands"] == ","
    assert spek["layer"][0]["encoding"]["color"]["scale"]["domain"] == ["Not yet intervened", "Planned", "In progress"]
    assert spek["layer"][0]["encoding"]["x"]["title"] == "Households with remaining needs"


def test_grafik_digambar_tanpa_browser(con):
    """The same specs become PNG for the reports (vl-convert), the map included, without a browser."""
    import vl_convert

    df = db.jalankan(con, "peta_wilayah", lingkup="", kode=KAB, panjang=13, klaster="rtlh", tahun=2026, triwulan=4)
    for spek in (charts.peta_statis(df, "tersisa_per_100", None, 1),
                 charts.progres_kumulatif(db.jalankan(con, "progres_triwulan", lingkup="", kode=KAB, tahun=2026)
                                          .query("klaster == 'rtlh'"), 1234.0),
                 charts.tren_wilayah(db.jalankan(con, "tren_subwilayah", lingkup="", kode=KAB)),
                 charts.peringkat_wilayah(df, "tersisa")):
        png = vl_convert.vegalite_to_png({**spek, "width": 600}, scale=1)
        assert png.startswith(b"\x89PNG") and len(png) > 5_000


def test_peringkat_pengganti_peta(con):
    df = db.jalankan(con, "peta_wilayah", lingkup="", kode=KAB, panjang=13, klaster="rtlh", tahun=2026, triwulan=4)
    spek = charts.peringkat_wilayah(df, "tersisa", n=30)
    nilai = [r["tersisa"] for r in spek["data"]["values"]]
    assert len(nilai) == 30 and nilai == sorted(df["tersisa"], reverse=True)[:30]
