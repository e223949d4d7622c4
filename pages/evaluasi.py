"""Evaluasi Provinsi: the governor's view — every kabupaten/kota of the province ranked side by side, the
priority ones marked, each one's biggest remaining gap, the trend per quarter; a row opens that kabupaten."""
import streamlit as st

from pke import charts, fmt, progres
from pke.i18n import t
import ui
from ui import dinding

u = ui.izinkan("evaluasi")
k = ui.konteks()
JUDUL = t("Evaluasi provinsi")

provinsi = k.kode[:2]
if not provinsi:
    ui.kepala_halaman(JUDUL, k)
    st.info(t("Pilih provinsi di panel kiri."))
    st.stop()
if len(u.lingkup) > 5:
    ui.kepala_halaman(JUDUL, k)
    st.info(t("Evaluasi provinsi membandingkan kabupaten/kota; wilayah kerja Anda lebih kecil dari satu kabupaten. "
              "Lihat Ringkasan, Sektor atau Progres Triwulan untuk wilayah Anda."))
    st.stop()

data = ui.kueri("evaluasi_kabupaten", kode=provinsi, tahun=k.tahun, triwulan=k.triwulan)
data["status"] = [t(progres.status(r, tg).label) for r, tg in zip(data["realisasi_kumulatif"], data["target_kumulatif"])]
kol_capaian = t("Capaian target s.d. {tw}", tw=fmt.tw(k.triwulan))
tabel = data.assign(
    nama=[("★ " if p else "") + n for n, p in zip(data["nama"], data["prioritas"])],
    pr=[f"{p} ({fmt.angka(n)})" if p else "–" for p, n in zip(data["pr_terbesar"], data["pr_terbesar_tersisa"])],
)[["nama", "keluarga_desil1", "persen_tertutup", "capaian_target", "status", "persen_tertandai", "pr"]].rename(
    columns={"nama": t("Kabupaten/Kota"), "keluarga_desil1": t("Keluarga desil 1"),
             "persen_tertutup": t("% kebutuhan tertutup"), "capaian_target": kol_capaian, "status": t("Status"),
             "persen_tertandai": t("% keluarga bertanda intervensi"), "pr": t("PR terbesar (keluarga tersisa)")})
warna = progres.warna_status()
kolom_persen = (t("% kebutuhan tertutup"), kol_capaian, t("% keluarga bertanda intervensi"))


def gaya_status(g):
    return g.map(lambda v: f"background-color: {warna.get(v, '')}", subset=[t("Status")])


def peringkat(bagian):
    if ui.presentasi():  # the columns that fit the wall; the whole table is one click away outside it
        ui.tabel(bagian.drop(columns=[t("% keluarga bertanda intervensi")]), persen=kolom_persen[:2], gaya=gaya_status)
        return
    if len(k.kode) > 2:
        st.caption(t("Menampilkan seluruh kabupaten/kota di {provinsi}; kabupaten terpilih ditandai.",
                     provinsi=fmt.aman(k.jalur[0][1])))
    st.markdown(t("**{n} kabupaten/kota**, ★ = {prioritas} kabupaten/kota prioritas provinsi.", n=len(data),
                  prioritas=int(data["prioritas"].sum())) + " "
                + t("Klik kepala kolom untuk mengurutkan; pilih satu baris untuk membuka kabupaten itu."))
    pilih = ui.tabel(bagian, persen=kolom_persen, gaya=gaya_status, tinggi=min(38 * (len(bagian) + 1) + 3, 720),
                     on_select="rerun", selection_mode="single-row", key="tabel_evaluasi")
    baris = pilih.selection.rows if pilih else []
    if baris:
        ui.buka_wilayah(data.iloc[baris[0]]["kode"], "pages/ringkasan.py")


# On the wall no more coloured lines than the palette has distinct colours: the selected kabupaten, or the five
# with the lowest share of needs closed; the others grey.
if len(k.kode) >= 5:
    sorot_dinding = {k.kode[:5]}
else:
    sorot_dinding = set(data.sort_values("persen_tertutup").head(5)["kode"])
judul_tren = (t("Tren kebutuhan tertutup per triwulan") if len(k.kode) >= 5
              else t("Tren: lima kabupaten/kota dengan kebutuhan tertutup terendah"))


def tren_grafik():
    tren = ui.kueri("tren_subwilayah", kode=provinsi)
    prioritas = set(data.loc[data["prioritas"], "kode"])
    dinding.grafik(charts.tren_wilayah(tren, sorot=sorot_dinding if ui.presentasi() else (prioritas or None)))
    if not ui.presentasi():
        st.caption(t("Garis tebal berwarna: kabupaten/kota prioritas; klik nama di legenda untuk menyembunyikan atau "
                     "menampilkan."))


dinding.tampilkan(JUDUL, k, ui.pesan("evaluasi", k), [
    *dinding.slide_tabel(tabel, peringkat, t("Peringkat kabupaten/kota") if ui.presentasi() else ""),
    dinding.Slide(tren_grafik, judul_tren if ui.presentasi() else t("Tren kebutuhan tertutup per triwulan")),
], "evaluasi")
