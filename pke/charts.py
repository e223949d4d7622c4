"""Pure chart builders: query results in, Plotly figures out. No Streamlit here, so they are testable
alone and reusable in reports. Colours are the Okabe-Ito palette and cividis (colour-blind safe)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from pke import fmt
from pke.i18n import N_, bahasa, t

WARNA_STATUS = {
    "belum": "#D55E00",    # vermillion: nothing done yet
    "rencana": "#E69F00",  # orange: planned
    "proses": "#56B4E9",   # sky blue: in progress
    "selesai": "#009E73",  # bluish green: done
}
LABEL_STATUS = {"belum": N_("Belum diintervensi"), "rencana": N_("Rencana"), "proses": N_("Proses"),
                "selesai": N_("Selesai")}
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=16, color="#1f2933")


def _tata_letak(fig: go.Figure, judul: str | None, tinggi: int) -> go.Figure:
    fig.update_layout(
        title=dict(text=judul, x=0, font=dict(size=20)) if judul else None,
        separators=".," if bahasa() == "en" else ",.",  # Indonesian: decimal comma, thousands dot
        font=FONT,
        height=tinggi,
        margin=dict(l=10, r=30, t=60 if judul else 20, b=10),
        plot_bgcolor="white",
        paper_bgcolor="white",
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0, title=None),
    )
    return fig


def kebutuhan_tersisa_per_klaster(df: pd.DataFrame, judul: str | None = None) -> go.Figure:
    """Horizontal stacked bars, one per cluster, of the households whose gap remains, split into not yet
    intervened / planned / in progress, largest remaining gap on top; each bar labelled with the
    remaining total and the share already closed. `df` is the kebutuhan_per_klaster query."""
    d = df.sort_values("tersisa", ascending=True)
    fig = go.Figure()
    for status in ("belum", "rencana", "proses"):
        fig.add_bar(
            y=d["label"], x=d[status], name=t(LABEL_STATUS[status]), orientation="h",
            marker_color=WARNA_STATUS[status],
            customdata=d[["tersisa"]],
            hovertemplate="<b>%{y}</b><br>" + t(LABEL_STATUS[status]) + ": %{x:,} " + t("keluarga")
            + "<extra></extra>",
        )
    label = [t("{n}  ({p} tertutup)", n=fmt.angka(n), p=fmt.persen(p)) for n, p in zip(d["tersisa"], d["persen_tertutup"])]
    fig.add_scatter(
        y=d["label"], x=d["tersisa"], mode="text", text=label, textposition="middle right",
        textfont=dict(size=15), showlegend=False, hoverinfo="skip",
    )
    fig.update_layout(barmode="stack")
    maks = float(d["tersisa"].max() or 1)
    fig.update_xaxes(title=t("Keluarga dengan kebutuhan tersisa"), range=[0, maks * 1.45],
                     gridcolor="#e4e7eb", tickformat=",")
    fig.update_yaxes(title=None)
    return _tata_letak(fig, judul, 80 + 48 * len(d))


def heatmap_subwilayah(df: pd.DataFrame, nilai: str = "tersisa", judul: str | None = None) -> go.Figure:
    """Sub-regions (rows) by cluster (columns). `nilai` is 'tersisa' (households remaining) or
    'persen_tertutup' (share closed). `df` is the kebutuhan_per_subwilayah query."""
    tabel = df.pivot_table(index="nama", columns="label_singkat", values=nilai, aggfunc="sum", sort=False)
    urutan_kolom = list(dict.fromkeys(df["label_singkat"]))
    tabel = tabel.reindex(columns=[k for k in urutan_kolom if k in tabel.columns])
    if nilai == "persen_tertutup":
        teks = tabel.map(lambda v: fmt.persen(v, 0))
        skala, judul_skala, z = "Cividis", t("% tertutup"), tabel * 100
        hover = "<b>%{y}</b> · %{x}<br>%{z:.1f}% " + t("tertutup") + "<extra></extra>"
    else:
        teks = tabel.map(fmt.angka)
        skala, judul_skala, z = "Cividis_r", t("Keluarga"), tabel
        hover = "<b>%{y}</b> · %{x}<br>%{z:,} " + t("keluarga tersisa") + "<extra></extra>"
    fig = go.Figure(go.Heatmap(
        z=z.values, x=list(tabel.columns), y=list(tabel.index), text=teks.values,
        texttemplate="%{text}", textfont=dict(size=13), colorscale=skala,
        colorbar=dict(title=judul_skala), hovertemplate=hover, xgap=2, ygap=2,
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    return _tata_letak(fig, judul, max(300, 110 + 30 * len(tabel)))


def treemap_wilayah(df: pd.DataFrame, nilai: str = "tersisa", judul: str | None = None) -> go.Figure:
    """Fallback for the map when no boundaries are loaded: one tile per region sized by `nilai`, grouped
    by its parent (`nama_induk`). `df` is the peta_wilayah query."""
    d = df[df[nilai] > 0]
    induk = d["nama_induk"].fillna("–")
    ids = list(induk.unique()) + list(d["kode"])
    labels = list(induk.unique()) + list(d["nama"])
    parents = [""] * induk.nunique() + list(induk)
    values = [float(d.loc[induk == i, nilai].sum()) for i in induk.unique()] + list(d[nilai].astype(float))
    fig = go.Figure(go.Treemap(
        ids=ids, labels=labels, parents=parents, values=values, branchvalues="total",
        marker=dict(colorscale="Cividis_r"), texttemplate="<b>%{label}</b><br>%{value:,}",
        hovertemplate="<b>%{label}</b><br>%{value:,} " + t("keluarga") + "<extra></extra>",
    ))
    return _tata_letak(fig, judul, 560)


def progres_kumulatif(df: pd.DataFrame, proyeksi: float | None, judul: str | None = None) -> go.Figure:
    """One cluster's year: realisation per quarter (bars), cumulative target and realisation (lines), and the
    projection to year end at the current pace (dashed). `df` is the progres_triwulan rows of one cluster."""
    d = df.sort_values("triwulan")
    x = [fmt.tw(tw) for tw in d["triwulan"]]
    fig = go.Figure()
    kel = t("keluarga")
    fig.add_bar(x=x, y=d["realisasi"], name=t("Realisasi triwulan"), marker_color="#56B4E9",
                hovertemplate="%{x}: %{y:,} " + kel + "<extra></extra>")
    if d["target_kumulatif"].notna().any():
        fig.add_scatter(x=x, y=d["target_kumulatif"], name=t("Target kumulatif"), mode="lines+markers",
                        line=dict(color="#1f2933", width=3), marker=dict(size=9),
                        hovertemplate="%{x}: %{y:,} " + kel + "<extra></extra>")
    ada = d[d["ada_data"]]
    fig.add_scatter(x=[x[i] for i in range(len(d)) if d["ada_data"].iloc[i]], y=ada["realisasi_kumulatif"],
                    name=t("Realisasi kumulatif"), mode="lines+markers", line=dict(color="#009E73", width=3),
                    marker=dict(size=9), hovertemplate="%{x}: %{y:,} " + kel + "<extra></extra>")
    if proyeksi is not None and not ada.empty and len(ada) < 4:
        fig.add_scatter(x=[x[len(ada) - 1], x[-1]], y=[ada["realisasi_kumulatif"].iloc[-1], proyeksi],
                        name=t("Proyeksi laju saat ini"), mode="lines+markers",
                        line=dict(color="#009E73", width=3, dash="dash"), marker=dict(size=9, symbol="circle-open"),
                        hovertemplate="%{x}: %{y:,.0f} " + kel + "<extra></extra>")
    fig.update_yaxes(title=t("Keluarga"), tickformat=",", gridcolor="#e4e7eb", rangemode="tozero")
    return _tata_letak(fig, judul, 420)


def tren_wilayah(df: pd.DataFrame, sorot: set[str] | None = None, judul: str | None = None) -> go.Figure:
    """Share of gaps closed per quarter, one line per region (tren_subwilayah query); regions in `sorot`
    (e.g. the priority kabupaten) in colour, the others thin and grey."""
    palet = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
    fig = go.Figure()
    for i, (kode, d) in enumerate(df.groupby("kode", sort=False)):
        x = [fmt.triwulan_singkat(t, w) for t, w in zip(d["tahun"], d["triwulan"])]
        disorot = sorot is None or kode in sorot
        fig.add_scatter(
            x=x, y=d["persen_tertutup"] * 100, name=d["nama"].iloc[0], mode="lines",
            line=dict(width=3 if disorot else 1.2, color=palet[i % len(palet)] if disorot else "#b0b7c0"),
            hovertemplate="%{x}: %{y:.1f}% " + t("tertutup") + "<extra>" + d["nama"].iloc[0] + "</extra>",
        )
    fig.update_yaxes(title=t("% kebutuhan tertutup"), ticksuffix="%", gridcolor="#e4e7eb", rangemode="tozero")
    return _tata_letak(fig, judul, 460)


def _garis_poligon(geojson: pd.Series) -> tuple[list, list]:
    """All polygon rings of some GeoJSON geometries as one x/y list, rings separated by None (Plotly)."""
    import json

    x, y = [], []
    for g in geojson:
        geom = json.loads(g)
        poligon = geom["coordinates"] if geom["type"] == "MultiPolygon" else (
            [geom["coordinates"]] if geom["type"] == "Polygon" else [])
        for pol in poligon:
            for cincin in pol[:1]:  # outer ring; holes are rare at this scale
                x.extend(p[0] for p in cincin)
                y.extend(p[1] for p in cincin)
                x.append(None)
                y.append(None)
    return x, y


def peta_statis(df: pd.DataFrame, nilai: str, judul: str | None = None, desimal: int = 0,
                prioritas: pd.DataFrame | None = None) -> go.Figure:
    """The map of the Peta view as a static figure for reports: regions (peta_wilayah rows with a geojson)
    in the same classes and colours as the dashboard map, priority villages outlined in dark blue. Drawn as
    filled shapes on plain axes (no map tiles or topojson to download), longitude scaled by cos(latitude)."""
    import math

    from pke import maps

    d = df[df["geojson"].notna()].reset_index(drop=True)
    batas = maps.batas_kelas(d[nilai])
    kelas = maps.klasifikasi(d[nilai], batas)
    leg = maps.legenda(batas, judul or "", desimal)
    fig = go.Figure()
    semua_y = []
    for i, (label, warna) in enumerate(leg.kelas):  # one trace per class: a legend that reads like the dashboard's
        pilih = kelas == i - 1
        if not pilih.any():
            continue
        x, y = _garis_poligon(d.loc[pilih, "geojson"])
        semua_y += [v for v in y if v is not None]
        fig.add_scatter(x=x, y=y, fill="toself", fillcolor=warna, mode="lines", line=dict(color="white", width=0.6),
                        name=label, hoverinfo="skip")
    if prioritas is None:
        prioritas = d[(d["desa_prioritas"] > 0) & (d["kode"].str.len() == 13)]
    if "geojson" in prioritas and prioritas["geojson"].notna().any():
        x, y = _garis_poligon(prioritas.loc[prioritas["geojson"].notna(), "geojson"])
        fig.add_scatter(x=x, y=y, mode="lines", line=dict(color="rgb(20,40,140)", width=2.4),
                        name=t("Desa prioritas"), hoverinfo="skip")
    lintang = (min(semua_y) + max(semua_y)) / 2 if semua_y else 0
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1 / max(math.cos(math.radians(lintang)), 0.1))
    _tata_letak(fig, judul, 620)
    fig.update_layout(legend=dict(orientation="v", x=1.0, xanchor="left", y=1, yanchor="top", title=None,
                                  font=dict(size=16)), margin=dict(l=0, r=0, t=50 if judul else 10, b=0))
    return fig
