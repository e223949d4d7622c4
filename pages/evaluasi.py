"""Evaluasi Provinsi: the governor's view — every kabupaten/kota of the province ranked side by side (by any of
its measures, the priority ones alone if asked), each one's biggest remaining gap, the trend per quarter with one
kabupaten highlighted; a row opens that kabupaten. The choices live in the URL (?urut=capaian&arah=naik,
?prioritas=1, ?sorot=33.10), so a prepared link puts the same ranking on the wall."""
import streamlit as st

from pke import charts, fmt, pesan, progres
from pke.i18n import N_, t
import ui
from ui import dinding

u = ui.izinkan("evaluasi")
k = ui.konteks()
JUDUL = t("Evaluasi provinsi")
dinding_ = ui.presentasi()

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

semua = ui.kueri("evaluasi_kabupaten", kode=provinsi, tahun=k.tahun, triwulan=k.triwulan)
# Achievement and status as Progres Triwulan judges them: a quarter still running on the data's date against its
# target pro-rated to that date (pke.progres.capaian_pro_rata / status_pro_rata).
tanggal_data = pesan.tanggal_data_dari(ui.kueri)
berjalan = progres.triwulan_berjalan(k.tahun, k.triwulan, tanggal_data)
semua = semua.assign(capaian=pesan.capaian_kabupaten(semua, k.tahun, k.triwulan, tanggal_data))
n_prioritas = int(semua["prioritas"].sum())
tahun_lalu, tw_lalu = (k.tahun, k.triwulan - 1) if k.triwulan > 1 else (k.tahun - 1, 4)

# The table's columns: short headers (every column fits 1280 px beside the sidebar), the full meaning on hover.
K_NAMA, K_DESIL1, K_TERTUTUP, K_PERUBAHAN, K_CAPAIAN, K_STATUS, K_TERTANDAI, K_PR, K_NO = (
    t("Kabupaten/Kota"), t("Desil 1"), t("% tertutup"), t("Perubahan"), t("% capaian"), t("Status"), t("% bertanda"),
    t("PR terbesar"), t("No."))
BANTUAN = {
    K_DESIL1: t("Keluarga desil 1"),
    K_TERTUTUP: t("% kebutuhan tertutup pada akhir {periode}", periode=k.periode),
    K_PERUBAHAN: t("Perubahan % tertutup sejak {periode}, dalam poin persen",
                   periode=fmt.triwulan(tahun_lalu, tw_lalu)),
    K_CAPAIAN: (t("Capaian target s.d. {tw}: realisasi kumulatif ÷ target kumulatif sejak TW I",
                  tw=fmt.tw(k.triwulan)) if berjalan is None else
                t("Capaian target pro-rata: realisasi kumulatif ÷ target kumulatif sampai {tanggal} ({tw} berjalan)",
                  tanggal=fmt.tanggal(berjalan.tanggal), tw=fmt.tw(k.triwulan))),
    K_TERTANDAI: t("% keluarga berkebutuhan yang bertanda intervensi"),
    K_PR: t("PR terbesar: klaster dengan keluarga tersisa terbanyak (jumlahnya dalam kurung)"),
}
# Sort keys of ?urut=: (label, query column).
URUT = {
    "capaian": (N_("Capaian target"), "capaian"),
    "tertutup": (N_("% kebutuhan tertutup"), "persen_tertutup"),
    "perubahan": (N_("Perubahan % tertutup sejak TW lalu"), "perubahan_tertutup"),
    "tertandai": (N_("% keluarga bertanda intervensi"), "persen_tertandai"),
    "desil1": (N_("Keluarga desil 1"), "keluarga_desil1"),
    "pr": (N_("PR terbesar (keluarga tersisa)"), "pr_terbesar_tersisa"),
}
ARAH = {"turun": N_("Tertinggi dulu"), "naik": N_("Terendah dulu")}


def nilai_pilihan(kunci_url: str, opsi: list, bawaan) -> str:
    """A choice's value before its widget is drawn (the widget sits in the ranking's slide, below the header and
    the key message that already depend on it): as ui.pilih_url will return it — the widget's state, else the
    URL, else the default."""
    nilai = None if dinding_ else st.session_state.get(f"url_{kunci_url}")
    if nilai not in opsi:
        nilai = st.query_params.get(kunci_url)
    return nilai if nilai in opsi else (bawaan if bawaan in opsi else opsi[0])


# The ranking's choices, kept in the URL; on the wall no widget, the URL or the defaults decide.
ada_pilihan_prioritas = 0 < n_prioritas < len(semua)
OPSI_PRIORITAS = {"0": t("Semua ({n})", n=len(semua)), "1": t("{n} prioritas saja", n=n_prioritas)}
# without this year's targets, achievement cannot rank anything: the share closed does
urut_bawaan = "capaian" if semua["capaian"].notna().any() else "tertutup"
hanya_prioritas = ada_pilihan_prioritas and nilai_pilihan("prioritas", list(OPSI_PRIORITAS), "0") == "1"
urut = nilai_pilihan("urut", list(URUT), urut_bawaan)
arah = nilai_pilihan("arah", list(ARAH), "turun")


def widget_pilihan() -> None:
    kolom = st.columns([1.3, 1.6, 1.1] if ada_pilihan_prioritas else [1.6, 1.1, 1.3])
    if ada_pilihan_prioritas:
        with kolom.pop(0):
            ui.pilih_url(t("Kabupaten/kota"), list(OPSI_PRIORITAS), "prioritas", radio=True,
                         format_func=OPSI_PRIORITAS.get)
    with kolom[0]:
        ui.pilih_url(t("Urutkan menurut"), list(URUT), "urut", format_func=lambda x: t(URUT[x][0]),
                     bawaan=urut_bawaan)
    with kolom[1]:
        ui.pilih_url(t("Urutan"), list(ARAH), "arah", format_func=lambda x: t(ARAH[x]), radio=True)


data = semua[semua["prioritas"]] if hanya_prioritas else semua
data = data.sort_values(URUT[urut][1], ascending=arah == "naik", na_position="last", kind="stable")
data = data.reset_index(drop=True)
status = [t(progres.status_pro_rata(r, tk, tt, k.tahun, k.triwulan, tanggal_data).label)
          for r, tk, tt in zip(data["realisasi_kumulatif"], data["target_kumulatif"], data["target_triwulan"])]
tabel = data.assign(
    no=range(1, len(data) + 1),
    nama=[("★ " if p else "") + n for n, p in zip(data["nama"], data["prioritas"])],
    status=status,
    pr=[f"{p} ({fmt.angka(n)})" if p else "–" for p, n in zip(data["pr_terbesar"], data["pr_terbesar_tersisa"])],
)[["no", "nama", "keluarga_desil1", "persen_tertutup", "perubahan_tertutup", "capaian", "status",
   "persen_tertandai", "pr"]].rename(columns={
    "no": K_NO, "nama": K_NAMA, "keluarga_desil1": K_DESIL1, "persen_tertutup": K_TERTUTUP,
    "perubahan_tertutup": K_PERUBAHAN, "capaian": K_CAPAIAN, "status": K_STATUS,
    "persen_tertandai": K_TERTANDAI, "pr": K_PR})
warna = progres.warna_status()
KOLOM_PERSEN = (K_TERTUTUP, K_CAPAIAN, K_TERTANDAI)
FORMAT_LAIN = {K_PERUBAHAN: fmt.selisih_poin}
# Widths in pixels that together (with the row-selection column) fit the main area beside the sidebar at 1280 px.
LEBAR = {K_NAMA: 140, K_DESIL1: 62, K_TERTUTUP: 80, K_PERUBAHAN: 84, K_CAPAIAN: 76, K_STATUS: 108, K_TERTANDAI: 82,
         K_PR: 148}


def gaya_status(g):
    g = g.map(lambda v: f"background-color: {warna.get(v, '')}", subset=[K_STATUS])
    if len(k.kode) >= 5:  # the kabupaten chosen in the sidebar is marked (rows keep `data`'s index)
        g = g.apply(lambda kol: ["background-color: #d6e6f5; font-weight: 600" if data.at[i, "kode"] == k.kode[:5]
                                 else "" for i in kol.index], subset=[K_NAMA])
    return g


def peringkat(bagian):
    if dinding_:  # the columns that fit the wall; the whole table is one click away outside it
        ui.tabel(bagian.drop(columns=[K_TERTANDAI, K_DESIL1]), persen=KOLOM_PERSEN[:2], gaya=gaya_status,
                 format_lain=FORMAT_LAIN)
        return
    widget_pilihan()
    if berjalan is not None:  # said plainly, as on Progres Triwulan; on the wall the key message says it
        st.markdown(f"**{berjalan.keterangan()}**")  # our words, a date and numbers: no data value to escape
    if len(k.kode) > 2:
        st.caption(t("Menampilkan seluruh kabupaten/kota di {provinsi}; kabupaten terpilih ditandai.",
                     provinsi=fmt.aman(k.jalur[0][1])))
    st.markdown(t("**{n} kabupaten/kota**, ★ = {prioritas} kabupaten/kota prioritas provinsi.", n=len(data),
                  prioritas=int(data["prioritas"].sum())) + " "
                + t("Urutan: {kolom}, {arah}; klik kepala kolom untuk mengurutkan lain, pilih satu baris untuk "
                    "membuka kabupaten itu.", kolom=t(URUT[urut][0]), arah=t(ARAH[arah]).lower()))
    # the rank is the row's place in the chosen order; here a click on a header re-sorts, so no rank column
    bagian = bagian.drop(columns=[K_NO])
    konfigurasi = {kol: st.column_config.Column(kol, width=LEBAR[kol], help=BANTUAN.get(kol), pinned=kol == K_NAMA)
                   for kol in bagian.columns}
    pilih = ui.tabel(bagian, persen=KOLOM_PERSEN, gaya=gaya_status, format_lain=FORMAT_LAIN,
                     tinggi=min(35 * (len(bagian) + 1) + 3, 720), column_config=konfigurasi,
                     on_select="rerun", selection_mode="single-row", key="tabel_evaluasi")
    baris = pilih.selection.rows if pilih else []
    if baris:
        ui.buka_wilayah(data.iloc[baris[0]]["kode"], "pages/ringkasan.py")


# The trend highlights one kabupaten, the others grey: the one chosen (?sorot=), by default the context's
# kabupaten, else the one furthest behind (lowest achievement against target, else lowest share closed).
nama_kab = dict(zip(data["kode"], data["nama"]))
if len(k.kode) >= 5 and k.kode[:5] in nama_kab:
    sorot_bawaan = k.kode[:5]
else:
    ukuran = "capaian" if data["capaian"].notna().any() else "persen_tertutup"
    sorot_bawaan = data.sort_values(ukuran, na_position="last", kind="stable")["kode"].iloc[0] if len(data) else None
if not dinding_:
    # the default follows the sidebar: a new region (or a list without the chosen one) drops the old choice
    if (st.session_state.get("_evaluasi_sorot_untuk", k.kode) != k.kode
            or st.session_state.get("url_sorot", sorot_bawaan) not in nama_kab):
        st.session_state.pop("url_sorot", None)
        st.query_params.pop("sorot", None)
    st.session_state["_evaluasi_sorot_untuk"] = k.kode


def tren_grafik():
    if not nama_kab:
        st.info(t("Tidak ada data kabupaten/kota."))
        return
    with st.container() if dinding_ else st.columns(2)[0]:
        sorot = ui.pilih_url(t("Sorot kabupaten/kota"), list(nama_kab), "sorot", format_func=nama_kab.get,
                             bawaan=sorot_bawaan)
    tren = ui.kueri("tren_subwilayah", kode=provinsi)
    tren = tren[tren["kode"].isin(nama_kab)]
    dinding.grafik(charts.tren_wilayah(tren, sorot={sorot}))
    if not dinding_:
        st.caption(t("Garis berwarna: kabupaten/kota yang disorot; garis abu-abu: {n} lainnya. Arahkan kursor ke "
                     "garis untuk melihat namanya.", n=len(nama_kab) - 1))


def judul_tren() -> str:
    """On the wall the slide names the highlighted kabupaten, unless the header line already does (its region)."""
    sorot = st.query_params.get("sorot")
    sorot = sorot if sorot in nama_kab else sorot_bawaan
    if dinding_ and sorot and sorot != k.kode[:5]:
        return t("Tren kebutuhan tertutup: {nama} disorot", nama=nama_kab[sorot])
    return t("Tren kebutuhan tertutup per triwulan")


dinding.tampilkan(JUDUL, k, ui.pesan("evaluasi", k, prioritas=bool(hanya_prioritas)), [
    *dinding.slide_tabel(tabel, peringkat, t("Peringkat kabupaten/kota") if dinding_ else ""),
    dinding.Slide(tren_grafik, judul_tren()),
], "evaluasi")
