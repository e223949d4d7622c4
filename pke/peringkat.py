"""Peringkat Desa and Register Desa Prioritas: the measures villages are ranked by, the OPD names that mean the
same agency, the ranking's Plotly chart and the register's roll-up per OPD pendamping.

OPD names. A village's OPD pendamping is written as the kabupaten's decree names it ("Dinas Kesehatan",
"Dinas Perumahan dan Kawasan Permukiman"), interventions carry the short name of the tagging system ("Dinkes",
"Disperakim"). `SEBUTAN_OPD` lists the names each agency goes by; the register query compares OPDs through it
(`parameter_opd()`, passed as a DuckDB MAP), so the work an OPD pendamping did itself is counted as its own."""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from pke import fmt
from pke.i18n import N_, t

# Ranking measures (the URL's ?ukuran=, the values Peta uses for the same two measures).
UKURAN: dict[str, str] = {
    "jumlah": N_("Keluarga tersisa"),
    "per100": N_("Per 100 keluarga"),
    "perubahan": N_("Perubahan sejak triwulan lalu"),
}
# Direction: "turun" puts the heaviest first (most remaining; for the change, the least reduced), "naik" the
# lightest (for the change: the most reduced first).
ARAH: dict[str, str] = {"turun": N_("Terberat dulu"), "naik": N_("Teringan dulu")}

# Register orders (?urut=).
URUT_REGISTER: dict[str, str] = {
    "wilayah": N_("Kecamatan dan desa"),
    "pendamping": N_("OPD pendamping"),
    "tersisa": N_("Kebutuhan tersisa terbanyak"),
    "capaian": N_("Capaian target terendah"),
}

# Bars in the ranking's chart: in normal mode, and on the wall (where each bar's label must be 18 px type).
BATANG = 25
BATANG_DINDING = 12

# canonical short name -> other names the same agency goes by (kabupaten decrees, imports). Compared after
# `normal()`: case, surrounding and repeated spaces do not matter.
SEBUTAN_OPD: dict[str, tuple[str, ...]] = {
    "Disperakim": ("Dinas Perumahan dan Kawasan Permukiman", "Dinas Perumahan Rakyat dan Kawasan Permukiman",
                   "Disperkim", "Dinperkim", "Dinas Perkim", "Disperkimtan"),
    "Dinkes": ("Dinas Kesehatan",),
    "Disdik": ("Dinas Pendidikan", "Dinas Pendidikan dan Kebudayaan", "Disdikbud", "Dindikbud"),
    "Dispermasdes": ("Dinas PMD", "Dinas Pemberdayaan Masyarakat dan Desa", "Dispermades", "Dinpermasdes",
                     "Dispermasdesdukcapil"),
    "Dinsos": ("Dinas Sosial", "Dinas Sosial PPPA", "Dinsospppa", "Dinsosdaldukkbpppa"),
    "Disnakertrans": ("Dinas Tenaga Kerja dan Transmigrasi", "Dinas Tenaga Kerja", "Disnaker", "Dinnakertrans"),
    "Disperindag": ("Dinas Perindustrian dan Perdagangan", "Dinperindag", "Disdagperin"),
    "DP3AKB": ("Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana", "DP3A", "DPPKB",
               "Dinas Pengendalian Penduduk dan Keluarga Berencana"),
    "Perumdam": ("PDAM", "Perumda Air Minum", "Perusahaan Umum Daerah Air Minum"),
    "Dinas PUPR": ("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Pekerjaan Umum"),
}


def area(kode: str) -> str:
    """The region whose villages are ranked and listed: the region itself, or a village's kecamatan (a village is
    shown among its neighbours)."""
    return kode[:8] if len(kode) == 13 else kode


def prioritas_bawaan(q, kode: str, tahun: int, triwulan: int) -> bool:
    """Whether "priority villages only" is on when the link does not say: on where the region has priority
    villages in the year (the programme's questions are about them: Grobogan's 51, Purworejo's 54), off where it
    has none (so a kecamatan without one still shows its villages). `q` runs a named query (ui.kueri)."""
    kpi = q("ringkasan_kpi", kode=area(kode), tahun=tahun, triwulan=triwulan).set_index("periode")
    return bool("ini" in kpi.index and kpi.loc["ini", "desa_prioritas"] > 0)


def normal(nama) -> str:
    """An OPD name as compared: lower case, spaces trimmed and collapsed (the SQL does the same)."""
    return re.sub(r"\s+", " ", str(nama or "")).strip().lower()


def kunci_opd(nama) -> str:
    """The key two names of one agency share: its canonical short name, normalised ('' for none)."""
    n = normal(nama)
    return _SEBUTAN.get(n, n)


_SEBUTAN = {normal(s): normal(kanon) for kanon, lain in SEBUTAN_OPD.items() for s in (kanon, *lain)}


def parameter_opd() -> dict:
    """The register query's $opd_alias: a MAP from each normalised name to its canonical key."""
    kunci = sorted(_SEBUTAN)
    return {"opd_alias": {"key": kunci, "value": [_SEBUTAN[k] for k in kunci]}}


def tanggal_data(q) -> dt.date | None:
    """The date the data runs to (the catalog's meta), or None. `q` runs a named query (ui.kueri)."""
    from pke import pesan

    return pesan.tanggal_data_dari(q)


def parameter_register(q, tahun: int, triwulan: int) -> dict:
    """The register query's parameters besides region, period and order: $opd_alias, and $fraksi, the share of
    the quarter the data covers (a quarter still running is judged against its target pro-rated to the data's
    date, as on Progres Triwulan: pke.progres.fraksi_triwulan)."""
    from pke import progres

    return {**parameter_opd(), "fraksi": progres.fraksi_triwulan(tahun, triwulan, tanggal_data(q))}


def label_ukuran(ukuran: str, tahun: int, triwulan: int) -> str:
    """The measure's column title; the change names the quarter it is measured from."""
    if ukuran == "perubahan":
        qi = tahun * 4 + triwulan - 2
        return t("Perubahan sejak {periode}", periode=fmt.triwulan_singkat(qi // 4, qi % 4 + 1))
    return t(UKURAN[ukuran])


def kolom_ukuran(ukuran: str) -> str:
    """The ranking query's column that holds measure `ukuran`."""
    return {"jumlah": "tersisa", "per100": "per_100", "perubahan": "perubahan"}[ukuran]


def teks_grafik(nilai) -> str:
    """A data value as Plotly text: Plotly reads a subset of HTML in labels (<b>, <br>, <a href>), so '<', '>' and
    '&' become entities and a name stays the text it is."""
    return str(nilai).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def format_nilai(ukuran: str, x) -> str:
    if ukuran == "per100":
        return fmt.angka(x, 1)
    if ukuran == "perubahan":
        return fmt.selisih(x)
    return fmt.angka(x)


def grafik(data: pd.DataFrame, ukuran: str, judul_nilai: str, batang: int = BATANG, dinding: bool = False):
    """The ranking as horizontal bars, the first-ranked at the top: one bar per village of the first `batang` rows
    of `data` (peringkat_desa rows, already in rank order), priority villages in a colour of their own. Each bar
    carries its village code as customdata (a click opens that village). On the wall the figure has no fixed
    height (it fills its container) and its type is at least 18 px."""
    import plotly.graph_objects as go

    kolom = kolom_ukuran(ukuran)
    d = data.head(batang)
    nama = [teks_grafik(("★ " if p else "") + str(n)) for n, p in zip(d["desa"], d["prioritas"])]
    teks = [format_nilai(ukuran, x) for x in d[kolom]]
    warna = ["#0072B2" if p else "#7b8794" for p in d["prioritas"]]
    huruf = 18 if dinding else 13
    fig = go.Figure(go.Bar(
        x=d[kolom].astype(float), y=list(d["kode"]), orientation="h", marker_color=warna,
        customdata=list(d["kode"]), text=teks, textposition="outside", cliponaxis=False,
        textfont={"size": huruf, "color": "#1f2933"},
        hovertext=[f"{n} · {teks_grafik(t('Kec. {nama}', nama=kc))}" for n, kc in zip(nama, d["kecamatan"])],
        hovertemplate="%{hovertext}<br>" + teks_grafik(judul_nilai) + ": %{text}<extra></extra>",
    ))
    fig.update_yaxes(tickmode="array", tickvals=list(d["kode"]), ticktext=nama, autorange="reversed",
                     tickfont={"size": huruf, "color": "#1f2933"}, title=None, automargin=True, ticklabelstandoff=6)
    # On the wall each bar carries its value and the slide's title names the measure: no x axis to read.
    fig.update_xaxes(title=None if dinding else {"text": teks_grafik(judul_nilai),
                                                 "font": {"size": huruf, "color": "#1f2933"}},
                     showticklabels=not dinding, tickfont={"size": huruf, "color": "#1f2933"}, automargin=True,
                     zeroline=True, zerolinecolor="#52606d", separatethousands=True)
    fig.update_layout(
        margin={"l": 8, "r": 60 if dinding else 48, "t": 8, "b": 8}, showlegend=False, bargap=0.25,
        plot_bgcolor="#ffffff", paper_bgcolor="#ffffff", clickmode="event+select", dragmode=False,
        font={"size": huruf, "color": "#1f2933"},
        separators=",." if fmt.angka(1.5, 1) == "1,5" else ".,",
    )
    if dinding:
        fig.update_layout(autosize=True)
    else:
        fig.update_layout(height=max(260, 26 * len(d) + 90))
    return fig


def per_opd(register: pd.DataFrame) -> pd.DataFrame:
    """The register rolled up per OPD pendamping (villages without one under '–'): villages accompanied,
    families with needs, needs remaining, and the interventions of those villages done by the OPD pendamping
    itself and by others, as of the register's quarter. Heaviest remaining needs first."""
    if register.empty:
        return pd.DataFrame(columns=["opd_pendamping", "desa", "keluarga_berkebutuhan", "tersisa",
                                     "pendamping_selesai", "lain_selesai", "pendamping_berjalan"])
    d = register.assign(opd_pendamping=register["opd_pendamping"].fillna("–"),
                        pendamping_berjalan=register["pendamping_rencana"] + register["pendamping_proses"])
    g = d.groupby("opd_pendamping", sort=False).agg(
        desa=("kode", "size"), keluarga_berkebutuhan=("keluarga_berkebutuhan", "sum"), tersisa=("tersisa", "sum"),
        pendamping_selesai=("pendamping_selesai", "sum"), pendamping_berjalan=("pendamping_berjalan", "sum"),
        lain_selesai=("lain_selesai", "sum"))
    return g.reset_index().sort_values(["tersisa", "opd_pendamping"], ascending=[False, True], kind="stable") \
        .reset_index(drop=True)[["opd_pendamping", "desa", "keluarga_berkebutuhan", "tersisa",
                                 "pendamping_selesai", "pendamping_berjalan", "lain_selesai"]]


def _keterangan(keterangan: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({t("Butir"): list(keterangan), t("Nilai"): [str(v) for v in keterangan.values()]})


def ekspor_peringkat(data: pd.DataFrame, tahun: int, triwulan: int, keterangan: dict[str, str]) -> bytes:
    """The whole ranked list (peringkat_desa rows, every village, not only the chart's) as .xlsx, headers in the
    run's language, with a sheet saying what was ranked (`keterangan`: region, period, cluster, measure...).
    Names stay text: pke.ekspor writes a cell starting with = + - @ as a string."""
    from pke import ekspor

    d = data.assign(prioritas=data["prioritas"].map({True: t("ya"), False: t("tidak")}))[
        ["peringkat", "kode", "desa", "kecamatan", "prioritas", "opd_pendamping", "label_singkat", "opd_klaster",
         "keluarga", "kebutuhan", "tersisa", "per_100", "tersisa_lalu", "perubahan", "belum", "ditangani",
         "opd_menangani"]].rename(columns={
            "peringkat": t("Peringkat"), "kode": t("Kode"), "desa": t("Desa/Kelurahan"), "kecamatan": t("Kecamatan"),
            "prioritas": t("Desa prioritas"), "opd_pendamping": t("OPD pendamping"), "label_singkat": t("Klaster"),
            "opd_klaster": t("OPD penanggung jawab"), "keluarga": t("Keluarga"), "kebutuhan": t("Kebutuhan"),
            "tersisa": t("Keluarga tersisa"), "per_100": t("Per 100 keluarga"),
            "tersisa_lalu": t("Tersisa triwulan lalu"), "perubahan": label_ukuran("perubahan", tahun, triwulan),
            "belum": t("Belum ditangani"), "ditangani": t("Sedang ditangani"),
            "opd_menangani": t("OPD yang menangani")})
    return ekspor.tabel_excel({t("peringkat desa"): d, t("keterangan"): _keterangan(keterangan)})


def kolom_register(triwulan: int, berjalan=None) -> dict[str, str]:
    """The register's columns as exported (and, most of them, as shown), in the run's language. `berjalan`
    (pke.progres.TriwulanBerjalan, for a quarter still running) names the date the target is pro-rated to."""
    capaian = (t("Capaian target desa (pro-rata s.d. {tanggal})", tanggal=fmt.tanggal(berjalan.tanggal))
               if berjalan else t("Capaian target desa s.d. {tw}", tw=fmt.tw(triwulan)))
    return {
        "kode": t("Kode"), "desa": t("Desa/Kelurahan"), "kecamatan": t("Kecamatan"),
        "dasar_penetapan": t("Dasar penetapan"), "opd_pendamping": t("OPD pendamping"), "keluarga": t("Keluarga"),
        "keluarga_berkebutuhan": t("Keluarga berkebutuhan"), "kebutuhan": t("Kebutuhan (keluarga × klaster)"),
        "tersisa": t("Kebutuhan tersisa"),
        "pendamping_rencana": t("Rencana (OPD pendamping)"), "pendamping_proses": t("Proses (OPD pendamping)"),
        "pendamping_selesai": t("Selesai (OPD pendamping)"), "lain_rencana": t("Rencana (OPD lain)"),
        "lain_proses": t("Proses (OPD lain)"), "lain_selesai": t("Selesai (OPD lain)"),
        "target_kumulatif": t("Target kumulatif"), "target_pro_rata": t("Target pro-rata"),
        "realisasi_kumulatif": t("Realisasi kumulatif"), "capaian": capaian,
        "capaian_penuh": t("Capaian thd target penuh"),
    }


KOLOM_PER_OPD = {"opd_pendamping": N_("OPD pendamping"), "desa": N_("Desa didampingi"),
                 "keluarga_berkebutuhan": N_("Keluarga berkebutuhan"), "tersisa": N_("Kebutuhan tersisa"),
                 "pendamping_selesai": N_("Selesai (OPD pendamping)"),
                 "pendamping_berjalan": N_("Rencana dan proses (OPD pendamping)"),
                 "lain_selesai": N_("Selesai (OPD lain)")}


def ekspor_register(data: pd.DataFrame, triwulan: int, keterangan: dict[str, str], berjalan=None) -> bytes:
    """The register (register_desa_prioritas rows) and its roll-up per OPD pendamping as .xlsx, headers in the
    run's language, with a sheet saying what it is (`keterangan`). Names stay text (pke.ekspor)."""
    from pke import ekspor

    kolom = kolom_register(triwulan, berjalan)
    lengkap = data.assign(opd_pendamping=data["opd_pendamping"].fillna(""))[list(kolom)].rename(columns=kolom)
    opd = per_opd(data).rename(columns={k: t(v) for k, v in KOLOM_PER_OPD.items()})
    return ekspor.tabel_excel({t("register"): lengkap, t("per OPD pendamping"): opd,
                               t("keterangan"): _keterangan(keterangan)})
