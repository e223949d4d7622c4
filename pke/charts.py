"""Pure chart builders: query results in, Vega-Lite specifications (plain dicts) out. No Streamlit here, so they
are testable alone; the dashboard draws them with st.vega_lite_chart and the reports turn the same specs into
PNG with vl-convert (no browser needed). Vega-Lite rather than Plotly because the browser draws it about a second
sooner (Plotly's 4.7 MB bundle), which keeps every view without a map under 3 s.

Colours are the Okabe-Ito palette and cividis (colour-blind safe); numbers follow the language of the run
(Indonesian 1.234,5 through the Vega locale)."""
from __future__ import annotations

import json

import pandas as pd

from pke import fmt
from pke.i18n import N_, t

WARNA_STATUS = {
    "belum": "#D55E00",    # vermillion: nothing done yet
    "rencana": "#E69F00",  # orange: planned
    "proses": "#56B4E9",   # sky blue: in progress
    "selesai": "#009E73",  # bluish green: done
}
LABEL_STATUS = {"belum": N_("Belum diintervensi"), "rencana": N_("Rencana"), "proses": N_("Proses"),
                "selesai": N_("Selesai")}
TEKS = "#1f2933"
GRID = "#e4e7eb"
OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]


def _spek(lapisan: dict, judul: str | None, tinggi: int) -> dict:
    """The common frame: schema, size (width follows the container), fonts readable on a projector, locale."""
    spek = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": "container", "height": tinggi, "autosize": {"type": "fit-x", "contains": "padding"},
        "config": {
            "locale": {"number": fmt.lokal_vega()},  # the run's language, from Babel like every other number
            "font": "Source Sans Pro, Arial, sans-serif",
            "axis": {"labelFontSize": 15, "titleFontSize": 15, "labelColor": TEKS, "titleColor": TEKS,
                     "gridColor": GRID, "domainColor": "#9aa5b1", "tickColor": "#9aa5b1", "labelLimit": 260},
            "legend": {"labelFontSize": 15, "titleFontSize": 15, "labelColor": TEKS, "titleColor": TEKS,
                       "orient": "top", "title": None, "labelLimit": 320},
            "title": {"fontSize": 20, "color": TEKS, "anchor": "start"},
            "view": {"stroke": None},
            "text": {"fontSize": 15, "color": TEKS},
        },
        **lapisan,
    }
    if judul:
        spek["title"] = judul
    return spek


def untuk_dinding(spek: dict) -> dict:
    """A chart for the wall: it fills the height of its container (the slide's visual area) and no text in it is
    smaller than 18 px (axis, legend, cell and bar labels), the least a projector's back row can read."""
    def besar(x):
        if isinstance(x, dict):
            return {k: (max(v, 18) if k.endswith("ontSize") and isinstance(v, (int, float)) else besar(v))
                    for k, v in x.items()}
        if isinstance(x, list):
            return [besar(v) for v in x]
        return x

    baru = besar(spek)
    baru["config"] = {**baru.get("config", {}), "text": {**baru.get("config", {}).get("text", {}), "fontSize": 18}}
    for kunci in ("axis", "legend"):
        baru["config"][kunci] = {**baru["config"].get(kunci, {}), "labelFontSize": 18, "titleFontSize": 18}
    if "height" in baru or "layer" in baru or "mark" in baru:
        baru["height"] = "container"
        baru["autosize"] = {"type": "fit", "contains": "padding"}
    return baru


def _nilai(df: pd.DataFrame) -> list[dict]:
    """Rows as JSON-safe dicts (NaN -> null, numpy numbers -> Python)."""
    return json.loads(df.to_json(orient="records", force_ascii=False))


def kebutuhan_tersisa_per_klaster(df: pd.DataFrame, judul: str | None = None) -> dict:
    """Horizontal stacked bars, one per cluster, of the households with the gap: what remains (not yet
    intervened / planned / in progress) and, after it, what is done — remaining work and done work both drawn —
    the largest remaining gap on top; each bar labelled with the remaining total and the share already closed.
    `df` is the kebutuhan_per_klaster query."""
    d = df.sort_values("tersisa", ascending=False)
    urutan = list(d["label"])
    status = ["belum", "rencana", "proses", "selesai"]
    panjang = pd.DataFrame([{"label": r["label"], "status": t(LABEL_STATUS[s]), "urut": i, "n": int(r[s])}
                            for _, r in d.iterrows() for i, s in enumerate(status)])
    teks = d.assign(teks=[t("{n} tersisa ({p} tertutup)", n=fmt.angka(n), p=fmt.persen(p))
                          for n, p in zip(d["tersisa"], d["persen_tertutup"])])[["label", "kebutuhan", "teks"]]
    maks = float(d["kebutuhan"].max() or 1)
    y = {"field": "label", "type": "nominal", "sort": urutan, "title": None}
    return _spek({
        "layer": [
            {"data": {"values": _nilai(panjang)}, "mark": {"type": "bar", "height": {"band": 0.7}},
             "encoding": {
                 "y": y,
                 "x": {"field": "n", "type": "quantitative", "stack": "zero",
                       "title": t("Keluarga dengan kebutuhan: tersisa, lalu selesai"),
                       "scale": {"domain": [0, maks * 1.5]}, "axis": {"format": ",d"}},
                 "color": {"field": "status", "type": "nominal", "sort": [t(LABEL_STATUS[s]) for s in status],
                           "scale": {"domain": [t(LABEL_STATUS[s]) for s in status],
                                     "range": [WARNA_STATUS[s] for s in status]}},
                 "order": {"field": "urut", "type": "quantitative"},
                 "tooltip": [{"field": "label", "title": t("Klaster")}, {"field": "status", "title": t("Status")},
                             {"field": "n", "title": t("Keluarga"), "format": ",d"}]}},
            {"data": {"values": _nilai(teks)}, "mark": {"type": "text", "align": "left", "dx": 6, "fontSize": 15},
             "encoding": {"y": y, "x": {"field": "kebutuhan", "type": "quantitative"}, "text": {"field": "teks"}}},
        ]}, judul, 48 * len(d) + 20)


CIVIDIS = ["#00224e", "#35456c", "#666970", "#948e77", "#c8b866", "#fee838"]  # Vega's cividis, sampled


def _luminans(hexa: str) -> float:
    c = [int(hexa.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    c = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


def _gelap(v: float, lo: float, hi: float, terbalik: bool) -> bool:
    """Whether white text reads better than dark text on the cividis cell of value v (WCAG contrast of both)."""
    posisi = 0.5 if hi <= lo else (v - lo) / (hi - lo)
    posisi = 1 - posisi if terbalik else posisi
    i = min(int(posisi * (len(CIVIDIS) - 1) + 0.5), len(CIVIDIS) - 1)
    latar = _luminans(CIVIDIS[i])
    return (1.05 / (latar + 0.05)) > ((latar + 0.05) / (_luminans(TEKS) + 0.05))


def heatmap_subwilayah(df: pd.DataFrame, nilai: str = "tersisa", judul: str | None = None) -> dict:
    """Sub-regions (rows) by cluster (columns). `nilai` is 'tersisa' (households remaining) or
    'persen_tertutup' (share closed). `df` is the kebutuhan_per_subwilayah query."""
    d = df[["nama", "label_singkat", nilai]].copy()
    d[nilai] = d[nilai].astype(float)
    terbalik = nilai == "tersisa"  # more remaining = darker
    lo, hi = float(d[nilai].min()), float(d[nilai].max())
    d["teks"] = [fmt.persen(v, 0) if nilai == "persen_tertutup" else fmt.angka(v) for v in d[nilai]]
    d["warna_teks"] = ["white" if _gelap(v, lo, hi, terbalik) else TEKS for v in d[nilai]]
    kolom = list(dict.fromkeys(df["label_singkat"]))
    baris = list(dict.fromkeys(df["nama"]))
    x = {"field": "label_singkat", "type": "nominal", "sort": kolom, "title": None,
         "axis": {"orient": "top", "labelAngle": 0}}
    y = {"field": "nama", "type": "nominal", "sort": baris, "title": None}
    judul_skala = t("% tertutup") if nilai == "persen_tertutup" else t("Keluarga tersisa")
    return _spek({
        "data": {"values": _nilai(d)},
        "layer": [
            {"mark": {"type": "rect", "stroke": "white", "strokeWidth": 2},
             "encoding": {"x": x, "y": y,
                          "color": {"field": nilai, "type": "quantitative", "title": judul_skala,
                                    "scale": {"scheme": "cividis", "reverse": terbalik},
                                    "legend": {"orient": "right", "format": ".0%" if not terbalik else ",d",
                                               "title": judul_skala}},
                          "tooltip": [{"field": "nama", "title": t("Wilayah")},
                                      {"field": "label_singkat", "title": t("Klaster")},
                                      {"field": "teks", "title": judul_skala}]}},
            {"mark": {"type": "text", "fontSize": 14},
             "encoding": {"x": x, "y": y, "text": {"field": "teks"},
                          "color": {"condition": {"test": "datum.warna_teks == 'white'", "value": "white"},
                                    "value": TEKS}}},
        ]}, judul, max(260, 40 + 30 * len(baris)))


def peringkat_wilayah(df: pd.DataFrame, nilai: str = "tersisa", judul: str | None = None, n: int = 30) -> dict:
    """Fallback for the map when no boundaries are loaded: the `n` regions with the largest `nilai` as bars,
    each named with its parent (`nama_induk`). `df` is the peta_wilayah query."""
    d = df[df[nilai] > 0].sort_values(nilai, ascending=False).head(n)
    d = d.assign(nama_lengkap=[f"{a} ({b})" if isinstance(b, str) else a for a, b in zip(d["nama"], d["nama_induk"])])
    return _spek({
        "data": {"values": _nilai(d[["nama_lengkap", nilai]])},
        "mark": {"type": "bar", "color": "#0072B2"},
        "encoding": {"y": {"field": "nama_lengkap", "type": "nominal", "sort": "-x", "title": None},
                     "x": {"field": nilai, "type": "quantitative", "title": judul, "axis": {"format": ",.1~f"}},
                     "tooltip": [{"field": "nama_lengkap", "title": t("Wilayah")},
                                 {"field": nilai, "title": judul, "format": ",.1~f"}]}}, None, 26 * len(d) + 40)


def progres_kumulatif(df: pd.DataFrame, proyeksi: float | None, judul: str | None = None) -> dict:
    """One cluster's year: realisation per quarter (bars), cumulative target and realisation (lines), and the
    projection to year end at the current pace (dashed). `df` is the progres_triwulan rows of one cluster."""
    d = df.sort_values("triwulan")
    x_label = [fmt.tw(tw) for tw in d["triwulan"]]
    seri = {"bar": t("Realisasi triwulan"), "target": t("Target kumulatif"), "real": t("Realisasi kumulatif"),
            "proyeksi": t("Proyeksi laju saat ini")}
    baris = []
    for x, (_, r) in zip(x_label, d.iterrows()):
        baris.append({"x": x, "seri": seri["bar"], "nilai": r["realisasi"]})
        if pd.notna(r["target_kumulatif"]):
            baris.append({"x": x, "seri": seri["target"], "nilai": r["target_kumulatif"]})
        if r["ada_data"]:
            baris.append({"x": x, "seri": seri["real"], "nilai": r["realisasi_kumulatif"]})
    ada = d[d["ada_data"]]
    if proyeksi is not None and not ada.empty and len(ada) < 4:
        baris.append({"x": x_label[len(ada) - 1], "seri": seri["proyeksi"], "nilai": ada["realisasi_kumulatif"].iloc[-1]})
        baris.append({"x": x_label[-1], "seri": seri["proyeksi"], "nilai": proyeksi})
    data = pd.DataFrame(baris)
    data["nilai"] = pd.to_numeric(data["nilai"], errors="coerce")
    nama = [s for s in seri.values() if s in set(data["seri"])]
    warna = {seri["bar"]: "#56B4E9", seri["target"]: TEKS, seri["real"]: "#009E73", seri["proyeksi"]: "#009E73"}
    warna_enc = {"field": "seri", "type": "nominal", "sort": nama,
                 "scale": {"domain": nama, "range": [warna[s] for s in nama]}}
    x = {"field": "x", "type": "ordinal", "sort": x_label, "title": None, "axis": {"labelAngle": 0}}
    y = {"field": "nilai", "type": "quantitative", "title": t("Keluarga"), "axis": {"format": ",d"}}
    tip = [{"field": "x", "title": t("Triwulan")}, {"field": "seri", "title": " "},
           {"field": "nilai", "title": t("Keluarga"), "format": ",.0f"}]
    return _spek({
        "data": {"values": _nilai(data)},
        "encoding": {"x": x, "y": y, "color": warna_enc, "tooltip": tip},
        "layer": [
            {"transform": [{"filter": {"field": "seri", "equal": seri["bar"]}}],
             "mark": {"type": "bar", "width": {"band": 0.6}}},
            {"transform": [{"filter": {"field": "seri", "oneOf": [seri["target"], seri["real"]]}}],
             "mark": {"type": "line", "strokeWidth": 3, "point": {"size": 80, "filled": True}}},
            {"transform": [{"filter": {"field": "seri", "equal": seri["proyeksi"]}}],
             "mark": {"type": "line", "strokeWidth": 3, "strokeDash": [8, 6],
                      "point": {"size": 80, "filled": False}}},
        ]}, judul, 380)


def tren_wilayah(df: pd.DataFrame, sorot: set[str] | None = None, judul: str | None = None) -> dict:
    """Share of gaps closed per quarter, one line per region (tren_subwilayah query). Regions in `sorot` (codes;
    None: all) are drawn thick in distinct colours, named in the legend (a click there fades the others) and,
    when there are at most three, labelled with their last value; the others are thin grey lines that still name
    themselves on hover — one highlighted kabupaten stands out among 35 where 17 coloured lines would repeat
    colours."""
    d = df.assign(periode=[fmt.triwulan_singkat(a, b) for a, b in zip(df["tahun"], df["triwulan"])],
                  disorot=[sorot is None or k in sorot for k in df["kode"]])
    urutan_x = list(dict.fromkeys(d.sort_values("qi")["periode"]))
    x = {"field": "periode", "type": "ordinal", "sort": urutan_x, "title": None, "axis": {"labelAngle": -30}}
    y = {"field": "persen_tertutup", "type": "quantitative", "title": t("% kebutuhan tertutup"),
         "axis": {"format": ".0%"}}
    tip = [{"field": "nama", "title": t("Wilayah")}, {"field": "periode", "title": t("Triwulan")},
           {"field": "persen_tertutup", "title": t("% tertutup"), "format": ".1%"}]
    nama_sorot = list(dict.fromkeys(d.loc[d["disorot"], "nama"]))
    warna = {"field": "nama", "type": "nominal", "sort": nama_sorot,
             "scale": {"domain": nama_sorot, "range": [OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(nama_sorot))]},
             "legend": {"orient": "top", "symbolStrokeWidth": 4}}
    lapisan = [
        {"transform": [{"filter": "!datum.disorot"}],
         "mark": {"type": "line", "strokeWidth": 1.2, "color": "#b0b7c0"},
         "encoding": {"x": x, "y": y, "detail": {"field": "nama"}, "tooltip": tip}},
        {"transform": [{"filter": "datum.disorot"}],
         "params": [{"name": "pilih", "select": {"type": "point", "fields": ["nama"]}, "bind": "legend"}],
         "mark": {"type": "line", "strokeWidth": 3.5},
         "encoding": {"x": x, "y": y, "tooltip": tip, "color": warna,
                      "opacity": {"condition": {"param": "pilih", "value": 1}, "value": 0.15}}},
    ]
    if len(nama_sorot) <= 3:  # the highlighted lines' last value, beside their last point
        akhir = [{"filter": "datum.disorot"},
                 {"joinaggregate": [{"op": "max", "field": "qi", "as": "qi_akhir"}], "groupby": ["nama"]},
                 {"filter": "datum.qi == datum.qi_akhir"},
                 {"calculate": "format(datum.persen_tertutup, '.1%')", "as": "teks"}]
        lapisan += [
            {"transform": akhir, "mark": {"type": "point", "filled": True, "size": 90},
             "encoding": {"x": x, "y": y, "color": {**warna, "legend": None}, "tooltip": tip}},
            {"transform": akhir, "mark": {"type": "text", "align": "right", "dx": -8, "dy": -14, "fontSize": 15,
                                          "fontWeight": "bold"},
             "encoding": {"x": x, "y": y, "text": {"field": "teks"}, "color": {**warna, "legend": None}}},
        ]
    return _spek({"data": {"values": _nilai(d[["nama", "periode", "qi", "persen_tertutup", "disorot"]])},
                  "layer": lapisan}, judul, 440)


def _fitur(df: pd.DataFrame, properti: dict[str, list]) -> list[dict]:
    return [{"type": "Feature", "geometry": json.loads(g), "properties": {k: v[i] for k, v in properti.items()}}
            for i, g in enumerate(df["geojson"])]


def peta_statis(df: pd.DataFrame, nilai: str, judul: str | None = None, desimal: int = 0,
                prioritas: pd.DataFrame | None = None) -> dict:
    """The map of the Peta view as a static chart for reports: regions (peta_wilayah rows with a geojson) in the
    same classes and colours as the dashboard map, priority villages outlined cyan on black. The GeoJSON travels
    inline, so nothing is downloaded to draw it."""
    from pke import maps

    d = df[df["geojson"].notna()].reset_index(drop=True)
    batas = maps.batas_kelas(d[nilai])
    kelas = maps.klasifikasi(d[nilai], batas)
    leg = maps.legenda(batas, judul or "", desimal)
    label = [leg.kelas[k + 1][0] for k in kelas]
    wilayah = _fitur(d, {"kelas": label, "nama": list(d["nama"])})
    if prioritas is None:
        prioritas = d[(d["desa_prioritas"] > 0) & (d["kode"].str.len() == 13)]
    lapisan = [{
        "data": {"values": wilayah}, "mark": {"type": "geoshape", "stroke": "white", "strokeWidth": 0.5},
        "encoding": {"color": {"field": "properties.kelas", "type": "nominal", "title": judul,
                               "scale": {"domain": [k for k, _ in leg.kelas], "range": [w for _, w in leg.kelas]},
                               "legend": {"orient": "right", "title": None}}}}]
    if "geojson" in prioritas and prioritas["geojson"].notna().any():
        # as on the dashboard map: a cyan line on a black casing, visible on every fill class
        p = _fitur(prioritas[prioritas["geojson"].notna()], {})
        for warna, lebar in ((maps.WARNA_PRIORITAS_TEPI, 4.0), (maps.WARNA_PRIORITAS, 1.8)):
            lapisan.append({"data": {"values": p}, "mark": {
                "type": "geoshape", "filled": False, "stroke": "rgb({},{},{})".format(*warna), "strokeWidth": lebar,
                "strokeJoin": "round", "clip": True}})
    # framed on the main land (Karimunjawa's islands do not shrink Jepara or the province); a readable legend
    x0, y0, x1, y1 = maps.bingkai(d["geojson"])
    kotak = {"type": "Feature", "properties": {},  # two corners: no ring whose winding d3 could read inside out
             "geometry": {"type": "MultiPoint", "coordinates": [[x0, y0], [x1, y1]]}}
    lapisan[0]["mark"]["clip"] = True
    spek = _spek({"layer": lapisan, "projection": {"type": "mercator", "fit": kotak}}, judul, 560)
    spek["config"]["legend"].update(labelFontSize=20, symbolSize=320, symbolType="square")
    return spek
