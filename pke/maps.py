"""Pure map builders: query results in, a pydeck Deck (and its legend) out. No basemap tiles, so the map
works offline in a meeting room; regions are drawn from the simplified boundaries in batas_wilayah."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pydeck as pdk
import shapely
from pydeck.bindings.json_tools import default_serialize

from pke import fmt
from pke.i18n import t

# ColorBrewer YlOrRd, 5 classes: sequential and readable by colour-blind viewers.
KELAS_WARNA = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"]
WARNA_NOL = "#d9dde3"           # no remaining gap
WARNA_PRIORITAS = [20, 40, 140]  # dark blue outline of priority villages
WARNA_GARIS = [60, 60, 60]       # kecamatan / kabupaten borders
WARNA_PILIH = [0, 0, 0]


class Deck(pdk.Deck):
    """A pydeck Deck serialised without indentation: pydeck pretty-prints with indent=2, which makes a
    kabupaten's villages about six times heavier on the wire than the geometry itself."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


@dataclass(frozen=True)
class Legenda:
    judul: str
    kelas: list[tuple[str, str]]  # (label, hex colour)
    catatan: str = ""


@dataclass(frozen=True)
class Lingkup:
    """What the map draws for a selected region: at province level (or wider) kabupaten areas with
    kabupaten outlines and priority villages as a separate layer; below it, every desa of the kabupaten
    (or of the kecamatan, or of the selected desa's kecamatan) with kecamatan borders."""
    area: str           # code prefix of the drawn regions
    panjang: int        # code length of the drawn regions (5 kabupaten, 13 desa)
    panjang_garis: int  # code length of the outlines drawn on top
    lapisan_prioritas: bool


def lingkup_peta(kode: str) -> Lingkup:
    if len(kode) <= 2:
        return Lingkup(kode, 5, 5, True)
    return Lingkup(kode[:8] if len(kode) == 13 else kode, 13, 8, False)


def _rgb(hexa: str, alpha: int = 210) -> list[int]:
    h = hexa.lstrip("#")
    return [int(h[i:i + 2], 16) for i in (0, 2, 4)] + [alpha]


def batas_kelas(nilai: pd.Series, n: int = 5) -> list[float]:
    """Class breaks for the positive values: quantiles, rounded to a readable precision, de-duplicated."""
    positif = nilai[nilai > 0].astype(float)
    if positif.empty:
        return []
    q = np.quantile(positif, np.linspace(0, 1, n + 1)[1:-1])
    skala = 10 ** math.floor(math.log10(max(positif.max(), 1e-9))) / 10
    batas = sorted({round(float(x) / skala) * skala for x in q if x > 0})
    return [b for b in batas if b < positif.max()]


def klasifikasi(nilai: pd.Series, batas: list[float]) -> np.ndarray:
    """Class index per value: -1 for zero or missing, else 0..len(batas)."""
    v = nilai.fillna(0).astype(float).to_numpy()
    kelas = np.searchsorted(np.asarray(batas), v, side="right") if batas else np.zeros(len(v), dtype=int)
    return np.where(v > 0, kelas, -1)


def legenda(batas: list[float], judul: str, desimal: int = 0) -> Legenda:
    kelas = [(t("0 / tidak ada"), WARNA_NOL)]
    tepi = [0.0] + list(batas)
    for i, warna in enumerate(KELAS_WARNA[: len(batas) + 1]):
        if i < len(batas):
            kelas.append((f"{fmt.angka(tepi[i], desimal)} – {fmt.angka(tepi[i + 1], desimal)}", warna))
        else:
            kelas.append((f"≥ {fmt.angka(tepi[i], desimal)}", warna))
    return Legenda(judul, kelas)


def _fitur(df: pd.DataFrame, properti: list[str], tambahan: dict[str, list] | None = None) -> list[dict]:
    fitur = []
    tambahan = tambahan or {}
    for i, row in enumerate(df.itertuples(index=False)):
        props = {k: _json_aman(getattr(row, k)) for k in properti}
        for k, v in tambahan.items():
            props[k] = v[i]
        # Properties are repeated at the top level so tooltip templates find them in every renderer.
        fitur.append({"type": "Feature", "geometry": json.loads(row.geojson), "properties": props, **props})
    return fitur


def _json_aman(v):
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating, float)):
        return None if math.isnan(v) else round(float(v), 3)
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return v


def tampilan_awal(geojson: pd.Series, lebar: int = 620, tinggi: int = 580) -> pdk.ViewState:
    """Centre and zoom that fit all geometries into a map of about lebar x tinggi pixels."""
    geom = shapely.from_geojson(geojson.dropna().to_numpy())
    minx, miny, maxx, maxy = shapely.total_bounds(geom)
    dx, dy = max(maxx - minx, 1e-4), max(maxy - miny, 1e-4)
    # deck.gl's web-mercator zoom 0 shows the world in 512 pixels; latitude is stretched by 1/cos(lat)
    regang = 1 / math.cos(math.radians((miny + maxy) / 2))
    zoom = math.log2(min(lebar * 360 / (512 * dx), tinggi * 360 / (512 * dy * regang))) - 0.3
    return pdk.ViewState(longitude=(minx + maxx) / 2, latitude=(miny + maxy) / 2, zoom=round(zoom, 2),
                         min_zoom=4, max_zoom=15, pitch=0, bearing=0)


def peta_wilayah(
    df: pd.DataFrame,
    nilai: str,
    judul_nilai: str,
    garis: pd.DataFrame | None = None,
    prioritas: pd.DataFrame | None = None,
    terpilih: str | None = None,
    desimal: int = 0,
    ukuran: tuple[int, int] = (620, 580),
) -> tuple[pdk.Deck, Legenda]:
    """A choropleth of regions (rows of the peta_wilayah query with a geojson) coloured by `nilai`,
    with priority villages outlined (a desa row with desa_prioritas = 1, or the rows of `prioritas`),
    borders of `garis` (e.g. kecamatan) drawn on top, and `terpilih` (a code) highlighted."""
    d = df[df["geojson"].notna()].reset_index(drop=True)
    batas = batas_kelas(d[nilai])
    kelas = klasifikasi(d[nilai], batas)
    warna = [_rgb(WARNA_NOL, 180) if k < 0 else _rgb(KELAS_WARNA[k]) for k in kelas]
    label_nilai = [fmt.angka(v, desimal) for v in d[nilai]]
    properti = ["kode", "nama", "nama_induk", "keluarga", "kebutuhan", "tersisa", "desa_prioritas"]
    fitur = _fitur(d, properti, {"warna": warna, "nilai": label_nilai,
                                 "keluarga_fmt": [fmt.angka(v) for v in d["keluarga"]],
                                 "tersisa_fmt": [fmt.angka(v) for v in d["tersisa"]],
                                 "prioritas_fmt": [t("Desa prioritas") if p and len(k) == 13 else
                                                   (t("{n} desa prioritas", n=p) if p else "")
                                                   for k, p in zip(d["kode"], d["desa_prioritas"])]})
    lapisan = [pdk.Layer(
        "GeoJsonLayer", id="wilayah", data=fitur, pickable=True, auto_highlight=True,
        stroked=True, filled=True, get_fill_color="properties.warna",
        get_line_color=[255, 255, 255, 200], line_width_min_pixels=0.5,
    )]
    if garis is not None and not garis.empty:
        lapisan.append(pdk.Layer(
            "GeoJsonLayer", id="garis", data=_fitur(garis, ["kode", "nama"]), pickable=False,
            stroked=True, filled=False, get_line_color=WARNA_GARIS, line_width_min_pixels=1.6,
        ))
    if prioritas is None:
        prioritas = d[(d["desa_prioritas"] > 0) & (d["kode"].str.len() == 13)]
    if not prioritas.empty:
        lapisan.append(pdk.Layer(
            "GeoJsonLayer", id="prioritas", data=_fitur(prioritas, ["kode", "nama"]), pickable=False,
            stroked=True, filled=False, get_line_color=WARNA_PRIORITAS, line_width_min_pixels=2.5,
        ))
    if terpilih is not None and (d["kode"] == terpilih).any():
        lapisan.append(pdk.Layer(
            "GeoJsonLayer", id="terpilih", data=_fitur(d[d["kode"] == terpilih], ["kode", "nama"]),
            pickable=False, stroked=True, filled=False, get_line_color=WARNA_PILIH, line_width_min_pixels=4,
        ))
    # A text tooltip, not an HTML one: deck.gl puts "html" into innerHTML, so a village or OPD name holding
    # <img onerror=…> would run in the viewer's browser.
    tooltip = {
        "text": "{nama}\n{nama_induk}\n" + judul_nilai + ": {nilai}\n" + t("Keluarga P3KE") + ": {keluarga_fmt}\n"
                + t("Kebutuhan tersisa") + ": {tersisa_fmt}\n{prioritas_fmt}",
        "style": {"backgroundColor": "#1f2933", "color": "white", "fontSize": "15px", "whiteSpace": "pre-line"},
    }
    # No basemap: map_provider=None with pydeck's default map_style (its "__MAP_STYLE__" sentinel), which
    # Streamlit's map component reads as "no style". map_style=None would make it fetch Carto's style.json
    # from the internet (seen in the browser's request log), and no page may call an outside host.
    deck = Deck(layers=lapisan, initial_view_state=tampilan_awal(d["geojson"], *ukuran), map_provider=None,
                tooltip=tooltip)
    leg = legenda(batas, judul_nilai, desimal)
    return deck, leg


def legenda_html(leg: Legenda, prioritas: bool = True) -> str:
    """The legend as small HTML (Streamlit markdown), readable on a projector."""
    baris = "".join(
        f'<div style="display:flex;align-items:center;gap:8px;margin:3px 0">'
        f'<span style="width:26px;height:18px;background:{w};border:1px solid #888;display:inline-block"></span>'
        f"<span>{fmt.html_aman(label)}</span></div>" for label, w in leg.kelas)
    if prioritas:
        r, g, b = WARNA_PRIORITAS
        baris += (f'<div style="display:flex;align-items:center;gap:8px;margin:6px 0 3px">'
                  f'<span style="width:26px;height:18px;border:3px solid rgb({r},{g},{b});display:inline-block"></span>'
                  f"<span>{t('Desa prioritas')}</span></div>")
    return f'<div style="font-size:16px"><b>{fmt.html_aman(leg.judul)}</b>{baris}</div>'
