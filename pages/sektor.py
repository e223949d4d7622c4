"""Sektor: for each cluster, households with the gap, intervened (planned / in progress / done), remaining
and % closed — in total, by sub-region (table and heatmap) and by the OPD that intervened. On the wall: one slide
per part, the OPD table paged."""
import streamlit as st

from pke import charts
from pke.i18n import t
import ui
from ui import dinding

u = ui.izinkan("sektor")
k = ui.konteks()
dinding_ = ui.presentasi()

KOLOM = {"kebutuhan": t("Kebutuhan"), "rencana": t("Rencana"), "proses": t("Proses"), "selesai": t("Selesai"),
         "tersisa": t("Tersisa"), "persen_tertutup": t("% tertutup")}

per_klaster = ui.kueri("kebutuhan_per_klaster", **k.params)


def per_klaster_tabel():
    if not dinding_:
        st.caption(t("Keluarga dengan kebutuhan per klaster dan status intervensinya pada akhir {periode}. "
                     "Tersisa = kebutuhan − selesai.", periode=k.periode))
    label = "label_singkat" if dinding_ else "label"
    ui.tabel(per_klaster[[label, "opd", *KOLOM]].rename(columns={label: t("Klaster"), "opd": t("OPD penanggung jawab"),
                                                                **KOLOM}),
             persen=(t("% tertutup"),))


slides = [dinding.Slide(per_klaster_tabel, t("Per klaster"))]

anak = ui.kueri("kebutuhan_per_subwilayah", **k.params)
if len(k.kode) < 13 and not anak.empty:
    label_anak = {0: t("Provinsi"), 2: t("Kabupaten/Kota"), 5: t("Kecamatan"), 8: t("Desa/Kelurahan")}[len(k.kode)]

    def per_anak():
        ukuran = ui.pilih_url(t("Tampilkan"), ["tersisa", "persen_tertutup"], "nilai", radio=True,
                              format_func={"tersisa": t("Keluarga tersisa"), "persen_tertutup": t("% tertutup")}.get)
        if dinding_:  # the heatmap alone: no tabs to click on the wall
            dinding.grafik(charts.heatmap_subwilayah(anak, ukuran))
            return
        tab_peta, tab_tabel = st.tabs([t("Peta panas"), t("Tabel")])
        with tab_peta:
            dinding.grafik(charts.heatmap_subwilayah(anak, ukuran))
        with tab_tabel:
            ui.tabel(anak[["nama", "label_singkat", *KOLOM]].rename(columns={
                "nama": label_anak, "label_singkat": t("Klaster"), **KOLOM}), persen=(t("% tertutup"),), tinggi=500)
        if len(k.kode) == 8:
            ui.tautan_profil_desa(dict(zip(anak["kode"], anak["nama"])))

    slides.append(dinding.Slide(per_anak, t("Per {tingkat}", tingkat=label_anak.lower())))

opd = ui.kueri("intervensi_per_opd", **k.params)
if opd.empty:
    slides.append(dinding.Slide(lambda: st.info(t("Belum ada intervensi yang ditandai untuk wilayah dan periode ini.")),
                                t("Per OPD")))
else:
    tabel_opd = opd[["opd", "label_singkat", "rencana", "proses", "selesai", "nilai_rp_selesai"]].rename(columns={
        "opd": "OPD", "label_singkat": t("Klaster"), "rencana": t("Rencana"), "proses": t("Proses"),
        "selesai": t("Selesai"), "nilai_rp_selesai": t("Nilai selesai")})

    def per_opd(bagian):
        if not dinding_:
            st.caption(t("Intervensi yang ditandai per OPD pelaksana, status pada akhir triwulan, dan nilai intervensi "
                         "yang telah selesai."))
        ui.tabel(bagian, rupiah=(t("Nilai selesai"),))

    slides += dinding.slide_tabel(tabel_opd, per_opd, t("Per OPD"))

dinding.tampilkan(t("Kebutuhan per sektor"), k, ui.pesan("sektor", k), slides, "sektor")
