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
# Priority villages: a bright cyan line on a black casing. Black stands out on the light classes (and on grey),
# cyan on the dark reds; cyan is far from every hue of the yellow-orange-red scale, also for colour-blind
# viewers, and from the grey kecamatan borders and the white village borders.
WARNA_PRIORITAS = [0, 229, 255]
WARNA_PRIORITAS_TEPI = [0, 0, 0]
LEBAR_PRIORITAS = (2.5, 5.5)     # pixels: the cyan line, its black casing
WARNA_GARIS = [60, 60, 60]       # kecamatan / kabupaten borders
WARNA_BATAS = [255, 255, 255, 200]  # thin borders between the coloured regions
# The region being looked at (a village on its own kecamatan's map): white on black, wider than the priority line.
WARNA_PILIH = [255, 255, 255]
WARNA_PILIH_TEPI = [0, 0, 0]
LEBAR_PILIH = (3, 7)
# The map's size in pixels that its initial zoom is fitted to: at a desk (Peta's map column at 1280 px wide) and
# on the wall, where the server cannot know the screen: the region just fits the map of a 1280 x 720 screen
# (about 960 x 600 px, the fit keeps a 0.3 zoom margin) and fills about 60% of a 1920 x 1080 one's.
UKURAN_LAYAR = (580, 580)
UKURAN_DINDING = (1100, 620)
PIKSEL = pdk.types.String("pixels")  # a plain string would reach deck.gl as an accessor expression ("@@=pixels")


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


def _fitur(df: pd.DataFrame, properti: list[str], tambahan: dict[str, list] | None = None,
           toleransi: float | None = None) -> list[dict]:
    """GeoJSON features of the rows' geojson with `properti` (and `tambahan`, one value per row); with a
    `toleransi` (degrees) the geometries are simplified to it."""
    fitur = []
    tambahan = tambahan or {}
    geom = list(df["geojson"])
    if toleransi:
        g = shapely.from_geojson(df["geojson"].to_numpy())
        geom = list(shapely.to_geojson(shapely.simplify(g, toleransi, preserve_topology=True)))
    for i, row in enumerate(df.itertuples(index=False)):
        props = {k: _json_aman(getattr(row, k)) for k in properti}
        for k, v in tambahan.items():
            props[k] = v[i]
        # Properties are repeated at the top level so tooltip templates find them in every renderer.
        fitur.append({"type": "Feature", "geometry": json.loads(geom[i]), "properties": props, **props})
    return fitur


def _toleransi_garis(tampilan: pdk.ViewState) -> float:
    """Degrees that are half a pixel two zoom levels closer than the initial view: outlines drawn twice (line and
    casing) are simplified to it, which halves a province's priority-village outlines (523 villages, 1.05 MB as
    stored) and stays exact to the eye until a viewer zooms in by more than two levels."""
    return 0.5 * 360 / (512 * 2 ** (tampilan.zoom + 2)) * math.cos(math.radians(tampilan.latitude))


def _json_aman(v):
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating, float)):
        return None if math.isnan(v) else round(float(v), 3)
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return v


# Framing: parts closer than JARAK_DEKAT of the whole extent belong to one land mass. The smallest masses are left
# out of the initial frame (still drawn, a pan away) as long as together they hold under BAGIAN_KECIL of the land
# and of the regions (a region counted where its largest part lies).
JARAK_DEKAT = 0.02
BAGIAN_KECIL = 0.05


def _gabung_dekat(kotak: np.ndarray, jarak: float) -> np.ndarray:
    """Group label per bounding box (rows minx, miny, maxx, maxy): boxes within `jarak` of each other, directly
    or through a chain of others, share a label."""
    n = len(kotak)
    induk = np.arange(n)

    def akar(x: int) -> int:
        while induk[x] != x:
            induk[x] = induk[induk[x]]
            x = induk[x]
        return x

    pohon = shapely.STRtree(shapely.box(*kotak.T))
    luas = shapely.box(kotak[:, 0] - jarak, kotak[:, 1] - jarak, kotak[:, 2] + jarak, kotak[:, 3] + jarak)
    for a, b in zip(*pohon.query(luas, predicate="intersects")):
        ra, rb = akar(int(a)), akar(int(b))
        if ra != rb:
            induk[ra] = rb
    return np.array([akar(i) for i in range(n)])


def bingkai(geojson: pd.Series, wajib: pd.Series | None = None) -> tuple[float, float, float, float]:
    """The extent (minx, miny, maxx, maxy) a map of these regions' geometries should frame: their main land.
    Small outlying land — Karimunjawa's islands, 80 km off Jepara's coast, 4 of Jepara's 195 villages and 0.1%
    of the province — would otherwise push the mainland to the map's edge. The geometries of `wajib` (e.g. the
    village being looked at) are always inside the frame."""
    geom = shapely.from_geojson(geojson.dropna().to_numpy())
    geom = geom[~shapely.is_empty(geom)]
    if len(geom) == 0:
        raise ValueError("no geometry to frame")
    bagian, milik = shapely.get_parts(geom, return_index=True)
    kotak = shapely.bounds(bagian)
    minx, miny, maxx, maxy = shapely.total_bounds(bagian)
    _, massa = np.unique(_gabung_dekat(kotak, JARAK_DEKAT * max(maxx - minx, maxy - miny)), return_inverse=True)
    area = shapely.area(bagian)
    luas = np.bincount(massa, weights=area)
    # each region counts once, in the mass of its largest part
    urut = np.lexsort((-area, milik))
    terbesar = urut[np.r_[True, milik[urut][1:] != milik[urut][:-1]]]
    wilayah = np.bincount(massa[terbesar], minlength=len(luas))
    simpan = np.ones(len(luas), dtype=bool)
    buang_luas = buang_wilayah = 0.0
    for m in np.argsort(luas)[:-1]:  # smallest first; the largest mass always stays
        buang_luas += luas[m] / luas.sum()
        buang_wilayah += wilayah[m] / len(geom)
        if buang_luas >= BAGIAN_KECIL or buang_wilayah >= BAGIAN_KECIL:
            break
        simpan[m] = False
    hasil = shapely.total_bounds(bagian[simpan[massa]])
    if wajib is not None and wajib.notna().any():
        w = shapely.total_bounds(shapely.from_geojson(wajib.dropna().to_numpy()))
        hasil = np.r_[np.minimum(hasil[:2], w[:2]), np.maximum(hasil[2:], w[2:])]
    return tuple(float(v) for v in hasil)


def tampilan_awal(geojson: pd.Series, lebar: int = UKURAN_LAYAR[0], tinggi: int = UKURAN_LAYAR[1],
                  wajib: pd.Series | None = None) -> pdk.ViewState:
    """Centre and zoom that fit the geometries' main land (bingkai) into a map of about lebar x tinggi pixels."""
    minx, miny, maxx, maxy = bingkai(geojson, wajib)
    dx, dy = max(maxx - minx, 1e-4), max(maxy - miny, 1e-4)
    # deck.gl's web-mercator zoom 0 shows the world in 512 pixels; latitude is stretched by 1/cos(lat)
    regang = 1 / math.cos(math.radians((miny + maxy) / 2))
    zoom = math.log2(min(lebar * 360 / (512 * dx), tinggi * 360 / (512 * dy * regang))) - 0.3
    return pdk.ViewState(longitude=(minx + maxx) / 2, latitude=(miny + maxy) / 2, zoom=round(zoom, 2),
                         min_zoom=4, max_zoom=15, pitch=0, bearing=0)


def _ada(v) -> bool:
    return v is not None and v == v and v != ""  # not None, NaN or empty


def _baris(*bagian) -> str:
    """A tooltip's text: the parts that exist, one a line."""
    return "\n".join(str(b) for b in bagian if _ada(b))


def _garis(id_: str, data: list[dict], warna: list[int], lebar: float) -> pdk.Layer:
    """Outlines only, not pickable (a click goes to the region underneath)."""
    return pdk.Layer("GeoJsonLayer", id=id_, data=data, pickable=False, stroked=True, filled=False,
                     get_line_color=warna, line_width_units=PIKSEL, get_line_width=lebar, line_joint_rounded=True)


def peta_wilayah(
    df: pd.DataFrame,
    nilai: str,
    judul_nilai: str,
    garis: pd.DataFrame | None = None,
    prioritas: pd.DataFrame | None = None,
    terpilih: str | None = None,
    desimal: int = 0,
    ukuran: tuple[int, int] = UKURAN_LAYAR,
) -> tuple[pdk.Deck, Legenda]:
    """A choropleth of regions (rows of the peta_wilayah query with a geojson) coloured by `nilai`,
    with priority villages outlined (a desa row with desa_prioritas = 1, or the rows of `prioritas`),
    borders of `garis` (e.g. kecamatan) drawn on top, and `terpilih` (a code) highlighted."""
    d = df[df["geojson"].notna()].reset_index(drop=True)
    batas = batas_kelas(d[nilai])
    kelas = klasifikasi(d[nilai], batas)
    warna = [_rgb(WARNA_NOL, 180) if k < 0 else _rgb(KELAS_WARNA[k]) for k in kelas]
    klik = t("Klik untuk membuka")
    teks = [_baris(
        r.nama, r.nama_induk, f"{judul_nilai}: {fmt.angka(getattr(r, nilai), desimal)}",
        f"{t('Keluarga P3KE')}: {fmt.angka(r.keluarga)}", f"{t('Kebutuhan tersisa')}: {fmt.angka(r.tersisa)}",
        (t("Desa prioritas") if len(r.kode) == 13 else t("{n} desa prioritas", n=r.desa_prioritas))
        if r.desa_prioritas else None, klik) for r in d.itertuples(index=False)]
    fitur = _fitur(d, ["kode", "nama", "nama_induk", "keluarga", "kebutuhan", "tersisa", "desa_prioritas"],
                   {"warna": warna, "teks": teks})
    tampilan = tampilan_awal(d["geojson"], *ukuran, wajib=d.loc[d["kode"] == terpilih, "geojson"] if terpilih else None)
    lapisan = [pdk.Layer(
        "GeoJsonLayer", id="wilayah", data=fitur, pickable=True, auto_highlight=True,
        stroked=True, filled=True, get_fill_color="properties.warna",
        get_line_color=WARNA_BATAS, line_width_units=PIKSEL, get_line_width=0.5,
        # Only the fill answers a click. Picking the outlines too made deck.gl's pick on pointer-down take ~0.5 s
        # for a kabupaten's villages in a software-rendered browser, longer than a tap may last, so a click on
        # the map selected nothing.
        _subLayerProps={"polygons-stroke": {"pickable": False}},
    )]
    if garis is not None and not garis.empty:
        lapisan.append(_garis("garis", _fitur(garis, ["kode", "nama"]), WARNA_GARIS, 1.6))
    # Priority villages over other regions (the province's kabupaten) answer a click too: they open the village.
    prioritas_diklik = prioritas is not None and bool((d["kode"].str.len() < 13).all())
    if prioritas is None:
        prioritas = d[(d["desa_prioritas"] > 0) & (d["kode"].str.len() == 13)]
    if not prioritas.empty:
        tambahan = {"teks": [_baris(
            r.nama, getattr(r, "nama_induk", None), t("Desa prioritas"),
            t("OPD pendamping: {opd}", opd=r.opd_pendamping) if _ada(getattr(r, "opd_pendamping", None)) else None,
            klik) for r in prioritas.itertuples(index=False)]} if prioritas_diklik else None
        data_prioritas = _fitur(prioritas, ["kode", "nama"], tambahan, toleransi=_toleransi_garis(tampilan))
        # the casing needs the shapes only
        tepi = [{"type": "Feature", "geometry": f["geometry"], "properties": {}} for f in data_prioritas]
        lapisan.append(_garis("prioritas_tepi", tepi, WARNA_PRIORITAS_TEPI, LEBAR_PRIORITAS[1]))
        if prioritas_diklik:  # the line with a transparent fill that takes the click; its outline is not picked
            lapisan.append(pdk.Layer(
                "GeoJsonLayer", id="prioritas", data=data_prioritas, pickable=True, stroked=True, filled=True,
                get_fill_color=[0, 0, 0, 0], get_line_color=WARNA_PRIORITAS, line_width_units=PIKSEL,
                get_line_width=LEBAR_PRIORITAS[0], line_joint_rounded=True,
                _subLayerProps={"polygons-stroke": {"pickable": False}}))
        else:
            lapisan.append(_garis("prioritas", data_prioritas, WARNA_PRIORITAS, LEBAR_PRIORITAS[0]))
    if terpilih is not None and (d["kode"] == terpilih).any():
        data_pilih = _fitur(d[d["kode"] == terpilih], ["kode", "nama"], toleransi=_toleransi_garis(tampilan))
        lapisan += [_garis("terpilih_tepi", data_pilih, WARNA_PILIH_TEPI, LEBAR_PILIH[1]),
                    _garis("terpilih", data_pilih, WARNA_PILIH, LEBAR_PILIH[0])]
    # A text tooltip, not an HTML one: deck.gl puts "html" into innerHTML, so a village or OPD name holding
    # <img onerror=…> would run in the viewer's browser.
    # Each region carries its own text (a region and a priority village say different things).
    tooltip = {
        "text": "{teks}",
        "style": {"backgroundColor": "#1f2933", "color": "white", "fontSize": "15px", "whiteSpace": "pre-line"},
    }
    # No basemap: map_provider=None with pydeck's default map_style (its "__MAP_STYLE__" sentinel), which
    # Streamlit's map component reads as "no style". map_style=None would make it fetch Carto's style.json
    # from the internet (seen in the browser's request log), and no page may call an outside host.
    deck = Deck(layers=lapisan, initial_view_state=tampilan, map_provider=None, tooltip=tooltip)
    leg = legenda(batas, judul_nilai, desimal)
    return deck, leg


def _contoh_garis(dalam: list[int], tepi: list[int], lebar: tuple[float, float]) -> str:
    """A legend swatch drawn like the map's double outline: a line on a darker casing, over a mid class's fill."""
    luar = (lebar[1] - lebar[0]) / 2
    rgb = lambda w: "rgb({},{},{})".format(*w[:3])  # noqa: E731
    return (f'<span style="width:1.9em;height:1.25em;flex:none;display:inline-block;box-sizing:border-box;'
            f'background:{KELAS_WARNA[2]};border:{luar:g}px solid {rgb(tepi)};'
            f'box-shadow:inset 0 0 0 {lebar[0]:g}px {rgb(dalam)},inset 0 0 0 {lebar[0] + luar:g}px {rgb(tepi)}">'
            f"</span>")


def legenda_html(leg: Legenda, prioritas: bool = True, terpilih: str | None = None) -> str:
    """The legend as small HTML (Streamlit markdown), readable on a projector; `terpilih` labels the outline of
    the region being looked at, when the map shows one."""
    baris = "".join(
        f'<div style="display:flex;align-items:center;gap:0.5em;margin:0.2em 0">'
        f'<span style="width:1.9em;height:1.25em;flex:none;background:{w};border:1px solid #888;'
        f'display:inline-block"></span>'
        f"<span>{fmt.html_aman(label)}</span></div>" for label, w in leg.kelas)
    garis = []
    if prioritas:
        garis.append((_contoh_garis(WARNA_PRIORITAS, WARNA_PRIORITAS_TEPI, LEBAR_PRIORITAS), t("Desa prioritas")))
    if terpilih:
        garis.append((_contoh_garis(WARNA_PILIH, WARNA_PILIH_TEPI, LEBAR_PILIH), terpilih))
    baris += "".join(f'<div style="display:flex;align-items:center;gap:0.5em;margin:0.4em 0 0.2em">{contoh}'
                     f"<span>{fmt.html_aman(label)}</span></div>" for contoh, label in garis)
    return f'<div style="font-size:1rem;line-height:1.3"><b>{fmt.html_aman(leg.judul)}</b>{baris}</div>'
