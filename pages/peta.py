"""Peta: the villages of the selected region (the kabupaten at province level) coloured by a cluster's remaining
gap, priority villages outlined. A click on a region opens it: a kabupaten on this map, a village in its Profil
Desa — in presentation mode too, so a presenter can drill down on the wall. On the wall the map fills the screen
beside its legend, on the region's biggest gap unless the link names ?klaster=."""
import streamlit as st

from pke import charts, fmt, klaster, maps
from pke.i18n import t
import ui
from ui import dinding

u = ui.izinkan("peta")
k = ui.konteks()
DINDING = ui.presentasi()
UKURAN = ("per100", "jumlah")
# The map's widget key changes after every click that opens a region: a fresh map keeps no old selection, which
# Streamlit would otherwise hand back (re-indexed onto the new map's regions) on the next run.
KLIK = "_peta_klik"
# What a click opens, by the drawn regions' code length: a kabupaten on this map, a village in its profile.
BUKA = {5: "pages/peta.py", 8: "pages/peta.py", 13: "pages/profil_desa.py"}
# URL parameters a click keeps: the language, the wall (presentation mode and a running slideshow), the choices.
PARAM_TETAP = ("bahasa", "presentasi", "tayang", "detik", "klaster", "ukuran", "tahun", "tw")


def klaster_terbesar() -> str:
    """The region's biggest remaining gap (pke.pesan's definition: most families still in need)."""
    try:
        from pke.pesan import klaster_terbesar as terbesar
    except ImportError:  # pke.pesan arrives with the report split (issue 12)
        per_klaster = ui.kueri("kebutuhan_per_klaster", **k.params)
        if per_klaster.empty:
            return klaster.KUNCI[0]
        return str(per_klaster.sort_values("tersisa", ascending=False, kind="stable").iloc[0]["klaster"])
    return terbesar(ui.kueri, k.kode, k.tahun, k.triwulan)


def pesan_peta(kunci: str) -> str | None:
    try:
        from pke import pesan
    except ImportError:
        return None
    return pesan.peta(ui.kueri, k.kode, k.tahun, k.triwulan, k.nama, klaster=kunci)


def buka(kode: str) -> None:
    """Open region `kode` one level down (ui.buka_wilayah), keeping the link's language and presentation mode."""
    st.session_state[KLIK] = st.session_state.get(KLIK, 0) + 1
    st.session_state["_pindah_wilayah"] = kode
    tetap = {p: st.query_params[p] for p in PARAM_TETAP if p in st.query_params}
    st.switch_page(BUKA[len(kode)], query_params={**tetap, "wilayah": kode})


def pilihan() -> tuple[str, str]:
    """Cluster and measure: widgets in normal mode; on the wall from the URL, else the biggest gap per 100."""
    if DINDING:
        kunci = st.query_params.get("klaster")
        ukuran = st.query_params.get("ukuran")
        return (kunci if kunci in klaster.KUNCI else klaster_terbesar()), (ukuran if ukuran in UKURAN else UKURAN[0])
    kol1, kol2 = st.columns([2, 2])
    with kol1:
        kunci = ui.pilih_url(t("Klaster"), list(klaster.KUNCI), "klaster", format_func=klaster.label)
    with kol2:
        ukuran = ui.pilih_url(t("Ukuran"), list(UKURAN), "ukuran", radio=True,
                              format_func={"per100": t("Per 100 keluarga"), "jumlah": t("Jumlah keluarga")}.get)
    return kunci, ukuran


# Presentation mode: the map and its side panel fill the slide's height (ui.dinding's stretching container).
GAYA_DINDING = """
<style>
.st-key-peta_isi {flex: 1 1 0 !important; min-height: 0 !important;}
.st-key-peta_isi > [data-testid="stLayoutWrapper"] {flex: 1 1 0 !important; min-height: 0 !important;}
.st-key-peta_isi > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"],
.st-key-peta_isi [data-testid="stHorizontalBlock"] > [data-testid="stColumn"],
.st-key-peta_isi [data-testid="stColumn"] > [data-testid="stVerticalBlock"] {height: 100% !important;
  min-height: 0 !important;}
.st-key-peta_isi [data-testid="stElementContainer"]:has([data-testid="stDeckGlJsonChart"]) {flex: 1 1 0 !important;
  min-height: 0 !important;}
.st-key-peta_isi [data-testid="stElementContainer"]:has([data-testid="stDeckGlJsonChart"]) > *,
.st-key-peta_isi [data-testid="stDeckGlJsonChart"] {height: 100% !important;}
.st-key-peta_panel {overflow: hidden;}
</style>
"""


def gambar(kunci: str | None, ukuran: str | None) -> None:
    if kunci is None:
        kunci, ukuran = pilihan()
        teks = pesan_peta(kunci)
        if teks:
            st.markdown(f'<div class="pke-pesan">{fmt.html_aman(teks)}</div>', unsafe_allow_html=True)
    ling = maps.lingkup_peta(k.kode)
    data = ui.kueri("peta_wilayah", kode=ling.area, panjang=ling.panjang, klaster=kunci, tahun=k.tahun,
                    triwulan=k.triwulan)
    nilai = "tersisa_per_100" if ukuran == "per100" else "tersisa"
    judul_nilai = (t("{klaster}: tersisa per 100 keluarga", klaster=klaster.label(kunci)) if ukuran == "per100"
                   else t("{klaster}: keluarga tersisa", klaster=klaster.label(kunci)))
    if data.empty:
        st.info(t("Tidak ada data keluarga untuk wilayah ini."))
        return
    if data["geojson"].isna().all():
        st.warning(t("Batas wilayah belum dimuat, jadi peta diganti grafik wilayah dengan nilai tertinggi. Untuk peta, "
                     "bangun ulang basis data dengan folder batas: `python -m pke demo --batas ../shared/boundaries` "
                     "(atau atur variabel lingkungan `PKE_BOUNDARIES`)."))
        dinding.grafik(charts.peringkat_wilayah(data, nilai, judul_nilai))
        return

    terpilih = k.kode if len(k.kode) == 13 else None
    garis = ui.kueri("peta_garis", kode=ling.area, panjang=ling.panjang_garis)
    prioritas = ui.kueri("peta_desa_prioritas", kode=ling.area, tahun=k.tahun) if ling.lapisan_prioritas else None
    deck, leg = maps.peta_wilayah(data, nilai, judul_nilai, garis=garis, prioritas=prioritas, terpilih=terpilih,
                                  desimal=1 if ukuran == "per100" else 0,
                                  ukuran=maps.UKURAN_DINDING if DINDING else maps.UKURAN_LAYAR)
    if DINDING:
        st.markdown(GAYA_DINDING, unsafe_allow_html=True)
    with st.container(key="peta_isi"):
        kiri, kanan = st.columns([3.6, 1] if DINDING else [3, 1.2])
        with kiri:
            event = st.pydeck_chart(deck, height="stretch" if DINDING else 600, on_select="rerun",
                                    selection_mode="single-object", key=f"peta_pdk_{st.session_state.get(KLIK, 0)}")
            # a drawn region, or on the province's map a priority village
            dipilih = [o for lapis in ("prioritas", "wilayah") for o in (event.selection.objects or {}).get(lapis, [])
                       ] if event else []
            kode = dipilih[0].get("kode") if dipilih else None
            boleh = set(data["kode"]) | (set(prioritas["kode"]) if prioritas is not None else set())
            if kode in boleh and len(kode) in BUKA:
                buka(kode)
        with kanan, st.container(key="peta_panel"):
            st.markdown(maps.legenda_html(leg, terpilih=t("Desa ini") if terpilih else None), unsafe_allow_html=True)
            st.caption(t("Klik wilayah di peta untuk membukanya."))
            tanpa_batas = int(data["geojson"].isna().sum())
            if tanpa_batas:
                st.caption(t("{n} wilayah tanpa batas tidak tergambar.", n=fmt.angka(tanpa_batas)))
            if DINDING:
                st.markdown(t("Keluarga tersisa: **{n}**", n=fmt.angka(data["tersisa"].sum())) + "  \n"
                            + t("Desa prioritas: **{n}**", n=fmt.angka(data["desa_prioritas"].sum())))
            else:
                panel_wilayah(data, terpilih)
    if not DINDING:
        st.caption(t("Warna: {judul} pada akhir {periode}. Garis biru muda bertepi hitam: desa prioritas tahun "
                     "{tahun}.", judul=judul_nilai.lower(), periode=k.periode, tahun=k.tahun) + " "
                   + (t("Garis abu-abu: batas kecamatan.") if ling.panjang == 13
                      else t("Garis abu-abu: batas kabupaten/kota.")))


def panel_wilayah(data, terpilih: str | None) -> None:
    """A region's figures without leaving the map (a keyboard's way in, too), and a button that opens it."""
    st.markdown("---")
    nama_opsi = dict(zip(data["kode"], data["nama"]))
    opsi = [""] + list(data["kode"])
    pilih = st.selectbox(t("Lihat wilayah"), opsi, index=opsi.index(terpilih) if terpilih in opsi else 0,
                         format_func=lambda x: nama_opsi[x] if x else t("— pilih wilayah —"))
    if not pilih:
        return
    baris = data.set_index("kode").loc[pilih]
    st.markdown(f"#### {fmt.aman(baris['nama'])}")
    if len(pilih) == 13:
        st.caption(t("Kec. {nama}", nama=fmt.aman(baris["nama_induk"])))
        if baris["desa_prioritas"]:
            st.markdown("**" + t("Desa prioritas PKE") + "**"
                        + (" · " + t("OPD pendamping: {opd}", opd=fmt.aman(baris["opd_pendamping"]))
                           if baris["opd_pendamping"] else ""))
    else:
        st.markdown(t("{n} desa prioritas", n=fmt.angka(baris["desa_prioritas"])))
    st.markdown(t("Keluarga P3KE: **{keluarga}** · desil 1: **{desil1}**", keluarga=fmt.angka(baris["keluarga"]),
                  desil1=fmt.angka(baris["keluarga_desil1"])))
    rinci = ui.kueri("kebutuhan_per_klaster", kode=pilih, tahun=k.tahun, triwulan=k.triwulan)
    ui.tabel(rinci[["label_singkat", "kebutuhan", "selesai", "tersisa"]].rename(columns={
        "label_singkat": t("Klaster"), "kebutuhan": t("Kebutuhan"), "selesai": t("Selesai"), "tersisa": t("Tersisa")}))
    if pilih != k.kode and len(pilih) in BUKA:
        if st.button(t("Buka profil desa") if len(pilih) == 13 else t("Buka wilayah ini"),
                     icon=":material/home_pin:" if len(pilih) == 13 else ":material/map:"):
            buka(pilih)


if DINDING:
    kunci_dinding, ukuran_dinding = pilihan()
    dinding.tampilkan(t("Peta kebutuhan"), k, pesan_peta(kunci_dinding),
                      [dinding.Slide(lambda: gambar(kunci_dinding, ukuran_dinding),
                                     t("Peta kebutuhan: {klaster}", klaster=klaster.label(kunci_dinding)))],
                      "peta")
else:
    dinding.tampilkan(t("Peta kebutuhan"), k, None, [dinding.Slide(lambda: gambar(None, None))], "peta")
