"""Evaluasi Provinsi: the governor's view — every kabupaten/kota of the province ranked side by side, the
priority ones marked, each one's biggest remaining gap, the trend per quarter; a row opens that kabupaten."""
import streamlit as st

from pke import charts, fmt, progres
from pke.i18n import t
import ui

u = ui.izinkan("evaluasi")
k = ui.konteks()
ui.kepala_halaman(t("Evaluasi provinsi"), k)

provinsi = k.kode[:2]
if not provinsi:
    st.info(t("Pilih provinsi di panel kiri."))
    st.stop()
if len(u.lingkup) > 5:
    st.info(t("Evaluasi provinsi membandingkan kabupaten/kota; wilayah kerja Anda lebih kecil dari satu kabupaten. "
              "Lihat Ringkasan, Sektor atau Progres Triwulan untuk wilayah Anda."))
    st.stop()
if len(k.kode) > 2:
    st.caption(t("Menampilkan seluruh kabupaten/kota di {provinsi}; kabupaten terpilih ditandai.",
                 provinsi=fmt.aman(k.jalur[0][1])))

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
st.markdown(t("**{n} kabupaten/kota**, ★ = {prioritas} kabupaten/kota prioritas provinsi.", n=len(data),
              prioritas=int(data["prioritas"].sum()))
            + ("" if ui.presentasi() else " " + t("Klik kepala kolom untuk mengurutkan; pilih satu baris untuk membuka "
                                                  "kabupaten itu.")))
warna = progres.warna_status()
pilih = ui.tabel(tabel, persen=(t("% kebutuhan tertutup"), kol_capaian, t("% keluarga bertanda intervensi")),
                 gaya=lambda g: g.map(lambda v: f"background-color: {warna.get(v, '')}", subset=[t("Status")]),
                 tinggi=min(38 * (len(tabel) + 1) + 3, 720), on_select="rerun", selection_mode="single-row",
                 key="tabel_evaluasi")
baris = pilih.selection.rows if pilih else []
if baris:
    ui.buka_wilayah(data.iloc[baris[0]]["kode"], "pages/ringkasan.py")

st.subheader(t("Tren kebutuhan tertutup per triwulan"))
tren = ui.kueri("tren_subwilayah", kode=provinsi)
prioritas = set(data.loc[data["prioritas"], "kode"])
st.vega_lite_chart(charts.tren_wilayah(tren, sorot=prioritas or None), width="stretch")
st.caption(t("Garis tebal berwarna: kabupaten/kota prioritas; klik nama di legenda untuk menyembunyikan atau "
             "menampilkan."))
