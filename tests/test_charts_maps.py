"""The pure chart and map builders, on the fixture database's query results."""
from __future__ import annotations

import json

from pke import charts, db, fmt, klaster, maps
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
    lapisan = {layer["id"]: layer for layer in spec["layers"]}
    assert list(lapisan) == ["wilayah", "garis", "prioritas_tepi", "prioritas", "terpilih_tepi", "terpilih"]
    wilayah = lapisan["wilayah"]["data"]
    assert len(wilayah) == 280
    assert {f["properties"]["nama"] for f in wilayah} >= {"Karanglangu", "Panimbo"}
    assert all(f["kode"] == f["properties"]["kode"] for f in wilayah)  # a clicked object names its region
    assert {layer["lineWidthUnits"] for layer in spec["layers"]} == {"pixels"}
    # only the regions' fill answers a click: picking the outlines made a click too slow to count as one
    assert lapisan["wilayah"]["pickable"] and lapisan["wilayah"]["_subLayerProps"]["polygons-stroke"] == {
        "pickable": False}
    assert not any(layer.get("pickable") for i, layer in lapisan.items() if i != "wilayah")
    assert len(lapisan["prioritas"]["data"]) == len(lapisan["prioritas_tepi"]["data"]) == 51  # priority villages
    assert [f["kode"] for f in lapisan["terpilih"]["data"]] == ["33.15.01.2001"]
    assert spec.get("mapProvider") is None or "mapStyle" not in spec  # no basemap tiles needed
    assert 106 < spec["initialViewState"]["longitude"] < 112 and 8 < spec["initialViewState"]["zoom"] < 11
    # legend: a zero class and up to five classes, Indonesian decimals
    assert leg.kelas[0][0] == "0 / tidak ada" and 2 <= len(leg.kelas) <= 6
    assert any("," in label for label, _ in leg.kelas[1:])
    html = maps.legenda_html(leg, terpilih="Desa ini")
    assert "Air minum" in html and "Desa prioritas" in html and "Desa ini" in html
    assert "rgb(0,229,255)" in html and "rgb(0,0,0)" in html  # the legend draws the map's double outline


def _luminans(rgb) -> float:
    def kanal(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (kanal(float(v)) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _kontras(a, b) -> float:
    la, lb = sorted((_luminans(a), _luminans(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_garis_prioritas_terlihat_di_setiap_kelas():
    """The priority outline stands out on every fill class: its line or its casing reaches WCAG's 3:1 for
    graphics against each colour of the scale (navy alone on dark red did not: 2.1:1), and the line itself is
    unlike the grey and white borders."""
    for isi in [maps._rgb(w) for w in [maps.WARNA_NOL, *maps.KELAS_WARNA]]:
        terbaik = max(_kontras(maps.WARNA_PRIORITAS, isi), _kontras(maps.WARNA_PRIORITAS_TEPI, isi))
        assert terbaik >= 3, (isi, terbaik)
        assert max(_kontras(maps.WARNA_PILIH, isi), _kontras(maps.WARNA_PILIH_TEPI, isi)) >= 3
    assert _kontras(maps.WARNA_PRIORITAS, maps.WARNA_PRIORITAS_TEPI) >= 7  # the line on its casing
    assert maps.WARNA_PRIORITAS not in (maps.WARNA_GARIS, maps.WARNA_BATAS[:3], maps.WARNA_PILIH)
    assert maps.LEBAR_PRIORITAS[1] > maps.LEBAR_PRIORITAS[0]


def test_bingkai_daratan_utama(batas_dir):
    """A map frames the region's main land: Karimunjawa's islands (Kab. Jepara, 80 km offshore) no longer push
    Java to the bottom edge, at kabupaten and at province level; a region made only of islands keeps them all."""
    from pke.boundaries import load_boundaries

    jepara = load_boundaries(batas_dir, ["33.20"], tingkat={"desa"})
    minx, miny, maxx, maxy = maps.bingkai(jepara["geojson"])
    assert maxy < -6.3 < -5.9  # Karimunjawa's villages lie at -5.9..-5.7
    assert minx < 110.65 and maxx > 110.9 and miny < -6.75  # the mainland's villages all inside
    pulau = jepara[jepara["kode"].str.startswith("33.20.10.")]
    assert len(pulau) == 4
    # the village being looked at is framed even on an island
    assert maps.bingkai(jepara["geojson"], wajib=pulau["geojson"].iloc[:1])[3] > -5.9
    # the kecamatan of the islands alone: every one of its villages' centroids framed
    x0, y0, x1, y1 = maps.bingkai(pulau["geojson"])
    assert ((pulau["lng"] > x0) & (pulau["lng"] < x1) & (pulau["lat"] > y0) & (pulau["lat"] < y1)).all()

    prov = load_boundaries(batas_dir, ["33"], tingkat={"kabupaten"})
    x0, y0, x1, y1 = maps.bingkai(prov["geojson"])
    assert y1 < -6.3 and y0 < -8.1 and x0 < 108.6 and x1 > 111.6
    utuh = maps.tampilan_awal(prov["geojson"], 960, 540, wajib=prov.loc[prov["kode"] == "33.20", "geojson"])
    daratan = maps.tampilan_awal(prov["geojson"], 960, 540)  # the wall's map
    assert daratan.latitude < utuh.latitude - 0.2 and daratan.zoom > utuh.zoom + 0.3  # centred on Java, closer


def test_peta_provinsi_ringan(con):
    ling = maps.lingkup_peta("33")
    assert ling.panjang == 5 and ling.lapisan_prioritas
    df = db.jalankan(con, "peta_wilayah", lingkup="", kode="33", panjang=5, klaster="listrik", tahun=2026, triwulan=4)
    garis = db.jalankan(con, "peta_garis", lingkup="", kode="33", panjang=5)
    prio = db.jalankan(con, "peta_desa_prioritas", lingkup="", kode="33", tahun=2026)
    assert len(garis) == 35  # every kabupaten/kota outlined, also those without data
    deck, _ = maps.peta_wilayah(df, "tersisa", "Listrik", garis=garis, prioritas=prio)
    assert len(deck.to_json()) < 1_000_000
    lapisan = {layer["id"]: layer for layer in json.loads(deck.to_json())["layers"]}
    # on the province's map a priority village takes a click too (it opens the village), by its fill only
    assert lapisan["prioritas"]["pickable"] and lapisan["prioritas"]["getFillColor"] == [0, 0, 0, 0]
    assert lapisan["prioritas"]["_subLayerProps"]["polygons-stroke"] == {"pickable": False}
    desa = lapisan["prioritas"]["data"][0]
    assert len(desa["kode"]) == 13 and desa["teks"].startswith(desa["nama"] + "\n") and "Desa prioritas" in desa["teks"]
    # the tooltip is each region's own text (never HTML)
    assert deck._tooltip["text"] == "{teks}" and "html" not in deck._tooltip
    kab = lapisan["wilayah"]["data"][0]
    assert kab["teks"].splitlines()[:3] == ["Kab. Grobogan", "Jawa Tengah", f"Listrik: {fmt.angka(kab['tersisa'])}"]


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
    assert batang["encoding"]["color"]["scale"]["domain"] == ["Belum diintervensi", "Rencana", "Proses", "Selesai"]
    assert spek["config"]["locale"]["number"]["decimal"] == ","  # Indonesian numbers on the axis
    terbesar = per_klaster.sort_values("tersisa").iloc[-1]
    assert batang["encoding"]["y"]["sort"][0] == terbesar["label"]  # largest on top
    teks = {r["label"]: r["teks"] for r in label["data"]["values"]}
    assert teks[terbesar["label"]].startswith(f"{terbesar['tersisa']:,}".replace(",", "."))  # 1.234 format
    # what remains, then what is done: the whole bar is the households with the need
    tersisa = sum(r["n"] for r in batang["data"]["values"] if r["status"] != "Selesai")
    assert tersisa == per_klaster[["belum", "rencana", "proses"]].to_numpy().sum() == per_klaster["tersisa"].sum()
    assert sum(r["n"] for r in batang["data"]["values"]) == per_klaster["kebutuhan"].sum()

    anak = db.jalankan(con, "kebutuhan_per_subwilayah", lingkup="", **P)
    hm = charts.heatmap_subwilayah(anak, "persen_tertutup")
    sel = hm["data"]["values"]
    assert len({r["nama"] for r in sel}) == 19 and len({r["label_singkat"] for r in sel}) == len(klaster.KLASTER)
    assert all(r["teks"].endswith("%") for r in sel)
    assert {r["warna_teks"] for r in sel} <= {"white", charts.TEKS}


def test_grafik_dalam_bahasa_inggris(con):
    from pke.i18n import dalam_bahasa

    per_klaster = db.jalankan(con, "kebutuhan_per_klaster", lingkup="", **P)
    with dalam_bahasa("en"):
        spek = charts.kebutuhan_tersisa_per_klaster(per_klaster)
    assert spek["config"]["locale"]["number"]["thousands"] == ","
    assert spek["layer"][0]["encoding"]["color"]["scale"]["domain"] == ["Not yet intervened", "Planned", "In progress",
                                                                         "Done"]
    assert spek["layer"][0]["encoding"]["x"]["title"] == "Households with the need: remaining, then done"


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
