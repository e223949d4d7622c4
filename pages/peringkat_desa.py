"""Peringkat Desa: the villages of the selected region ranked by one cluster's gap — households remaining, per 100
families, or the change since the last quarter — with the OPD answering for the cluster, the OPDs with work tagged
in each village and the village's OPD pendamping. Cluster, measure, direction and "priority villages only" live in
the URL (/peringkat_desa?wilayah=33.15&klaster=jamban&prioritas=1 answers a rakor's question as a link). A click
on a village's bar (or row) opens its Profil Desa. On the wall: the chart, then the ranked table in pages."""
import contextlib

import streamlit as st

from pke import audit, fmt, klaster, peringkat
from pke.i18n import t
import ui
from ui import dinding

u = ui.izinkan("peringkat_desa")
k = ui.konteks()
JUDUL = t("Peringkat desa")
dinding_ = ui.presentasi()
area = peringkat.area(k.kode)  # a village is ranked among the villages of its kecamatan
KLIK = "_peringkat_klik"  # the chart's key changes after a click: the next visit starts with nothing selected

prioritas_awal = peringkat.prioritas_bawaan(ui.kueri, area, k.tahun, k.triwulan)
LABEL_PRIORITAS = {"1": t("Desa prioritas saja"), "0": t("Semua desa")}


def pilihan() -> tuple[str, str, str, str]:
    """Cluster, measure, direction and the priority switch: widgets in normal mode, the URL on the wall."""
    terbesar = ui.klaster_terbesar(ui.Konteks(area, k.tahun, k.triwulan))
    kol = [contextlib.nullcontext()] * 4 if dinding_ else st.columns([1.6, 2.6, 1.4, 1.6])
    with kol[0]:
        kunci = ui.pilih_url(t("Klaster"), list(klaster.KUNCI), "klaster", format_func=klaster.label,
                             bawaan=terbesar)
    with kol[1]:
        ukuran = ui.pilih_url(t("Urutkan menurut"), list(peringkat.UKURAN), "ukuran", radio=True,
                              format_func=lambda x: t(peringkat.UKURAN[x]))
    with kol[2]:
        arah = ui.pilih_url(t("Urutan"), list(peringkat.ARAH), "arah", radio=True,
                            format_func=lambda x: t(peringkat.ARAH[x]))
    with kol[3]:
        prioritas = ui.pilih_url(t("Tampilkan"), ["1", "0"], "prioritas", radio=True,
                                 format_func=LABEL_PRIORITAS.get, bawaan="1" if prioritas_awal else "0")
    return kunci, ukuran, arah, prioritas


# Normal mode: the header, then the choices, then the key message they lead to (ui.dinding draws the wall's).
if not dinding_:
    ui.kepala_halaman(JUDUL, k)
kunci, ukuran, arah, prioritas = pilihan()
naik, hanya_prioritas = arah == "naik", prioritas == "1"
data = ui.kueri("peringkat_desa", kode=area, tahun=k.tahun, triwulan=k.triwulan, klaster=kunci, ukuran=ukuran,
                naik=naik, hanya_prioritas=hanya_prioritas)
judul_nilai = peringkat.label_ukuran(ukuran, k.tahun, k.triwulan)
opd_klaster = klaster.BY_KUNCI[kunci].opd
pesan = ui.pesan("peringkat_desa", k, klaster=kunci, ukuran=ukuran, naik=naik, hanya_prioritas=hanya_prioritas)


def buka(kode: str) -> None:
    st.session_state[KLIK] = st.session_state.get(KLIK, 0) + 1
    ui.buka_wilayah(kode, "pages/profil_desa.py")


def kosong() -> None:
    st.info(t("Tidak ada desa prioritas dengan kebutuhan {klaster} di wilayah ini.", klaster=klaster.label(kunci))
            if hanya_prioritas else
            t("Tidak ada desa dengan kebutuhan {klaster} di wilayah ini.", klaster=klaster.label(kunci)))


def grafik() -> None:
    if data.empty:
        kosong()
        return
    batang = peringkat.BATANG_DINDING if dinding_ else peringkat.BATANG
    if not dinding_:
        st.caption(t("{n} teratas dari {total} desa; batang biru: desa prioritas. OPD penanggung jawab klaster "
                     "{klaster}: {opd}. Klik batang sebuah desa untuk membuka profilnya.",
                     n=min(batang, len(data)), total=fmt.angka(len(data)), klaster=klaster.label(kunci),
                     opd=fmt.aman(opd_klaster)))
    fig = peringkat.grafik(data, ukuran, judul_nilai, batang=batang, dinding=dinding_)
    n_klik = st.session_state.get(KLIK, 0)
    event = st.plotly_chart(fig, height="stretch" if dinding_ else "content", theme=None, on_select="rerun",
                            selection_mode="points", key=f"peringkat_grafik_{n_klik}",
                            config={"displayModeBar": False, "scrollZoom": False})
    titik = (event.selection.points or []) if event else []
    if titik:
        nilai = titik[0].get("customdata", titik[0].get("y"))
        kode = nilai[0] if isinstance(nilai, (list, tuple)) else nilai
        if kode in set(data["kode"]):
            buka(kode)


kol_nilai = {"tersisa": t("Keluarga tersisa"), "per_100": t("Per 100 keluarga"),
             "perubahan": peringkat.label_ukuran("perubahan", k.tahun, k.triwulan)}
tampil = data.assign(desa=[("▶ " if kd == k.kode else "") + n + (" ★" if p else "")
                           for kd, n, p in zip(data["kode"], data["desa"], data["prioritas"])])
tabel = tampil[["peringkat", "desa", "kecamatan", "tersisa", "per_100", "perubahan", "belum", "ditangani",
                "opd_menangani", "opd_pendamping"]].rename(columns={
    "peringkat": t("Peringkat"), "desa": t("Desa (★ prioritas)"), "kecamatan": t("Kecamatan"), **kol_nilai,
    "belum": t("Belum ditangani"), "ditangani": t("Sedang ditangani"), "opd_menangani": t("OPD yang menangani"),
    "opd_pendamping": t("OPD pendamping")})
if dinding_:  # the columns that fit the wall, the first three slides of rows; the rest is outside it
    tabel = tabel.drop(columns=[t("Belum ditangani"), t("Sedang ditangani"), t("OPD pendamping")]) \
        .head(3 * dinding.BARIS_SLIDE)
FORMAT = {t("Per 100 keluarga"): lambda v: fmt.angka(v, 1), kol_nilai["perubahan"]: fmt.selisih}


def tabel_bagian(bagian) -> None:
    if data.empty:
        kosong()
        return
    if dinding_:
        ui.tabel(bagian, format_lain=FORMAT)
        return
    st.caption(t("Keluarga dengan kebutuhan {klaster} pada akhir {periode}: tersisa = belum selesai diintervensi; "
                 "belum ditangani = belum direncanakan program apa pun; OPD yang menangani = OPD dengan intervensi "
                 "klaster ini di desa itu. Pilih satu baris untuk membuka profil desa.",
                 klaster=klaster.label(kunci).lower(), periode=k.periode))
    pilih = ui.tabel(bagian, format_lain=FORMAT, tinggi=min(38 * (len(bagian) + 1) + 3, 560), on_select="rerun",
                     selection_mode="single-row", key="tabel_peringkat",
                     column_config={kol: st.column_config.Column(pinned=True)
                                    for kol in (t("Peringkat"), t("Desa (★ prioritas)"))})
    baris = pilih.selection.rows if pilih else []
    if baris:
        buka(data.iloc[baris[0]]["kode"])


slides = [
    dinding.Slide(grafik, t("{klaster}: {ukuran}", klaster=klaster.label(kunci), ukuran=judul_nilai.lower())),
    *dinding.slide_tabel(tabel, tabel_bagian, t("Peringkat desa") if dinding_ else t("Tabel peringkat")),
]
if dinding_:
    dinding.tampilkan(JUDUL, k, pesan, slides, "peringkat_desa")
else:
    st.markdown(f'<div class="pke-pesan">{fmt.html_aman(pesan)}</div>', unsafe_allow_html=True)
    for s in slides:
        st.subheader(s.judul)
        s.gambar()


def berkas_peringkat() -> bytes:
    # Built only when the button is clicked; audited first (ui.akses.unduhan).
    return peringkat.ekspor_peringkat(data, k.tahun, k.triwulan, {
        t("Wilayah"): k.judul_wilayah(), t("Periode"): k.periode, t("Klaster"): klaster.label(kunci),
        t("Urutkan menurut"): judul_nilai, t("Urutan"): t(peringkat.ARAH[arah]), t("Tampilkan"):
        LABEL_PRIORITAS[prioritas], t("Pesan utama"): pesan})


if not dinding_ and not data.empty and ui.akses.boleh(u, "ekspor_agregat"):
    st.download_button(t("Unduh (Excel)"), ui.akses.unduhan(audit.EKSPOR, area, {
                           "berkas": "peringkat_desa", "klaster": kunci, "ukuran": ukuran, "arah": arah,
                           "prioritas": hanya_prioritas, "tahun": k.tahun, "triwulan": k.triwulan,
                           "baris": len(data)}, berkas_peringkat),
                       file_name=f"peringkat_desa_{kunci}_{area.replace('.', '') or 'semua'}_{k.tahun}_tw{k.triwulan}.xlsx",
                       icon=":material/download:",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
