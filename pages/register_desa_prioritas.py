"""Register Desa Prioritas: one row per priority village of the year in the selected region — its kecamatan, the
decree that set it, its OPD pendamping, the needs assessed, the interventions planned / in progress / done by that
OPD pendamping itself and by other OPDs, and progress against the village's own targets where any are set — and the
same rolled up per OPD pendamping. A row opens the village's Profil Desa. On the wall the register pages."""
import streamlit as st

from pke import audit, fmt, peringkat, progres
from pke.i18n import t
import ui
from ui import dinding

u = ui.izinkan("register_desa_prioritas")
k = ui.konteks()
JUDUL = t("Register desa prioritas")
dinding_ = ui.presentasi()
area = peringkat.area(k.kode)  # a village is shown in its kecamatan's register

if not dinding_:
    ui.kepala_halaman(JUDUL, k)
urut = ui.pilih_url(t("Urutkan menurut"), list(peringkat.URUT_REGISTER), "urut", radio=True,
                    format_func=lambda x: t(peringkat.URUT_REGISTER[x]))
data = ui.kueri("register_desa_prioritas", kode=area, tahun=k.tahun, triwulan=k.triwulan, urut=urut,
                **peringkat.parameter_register(ui.kueri, k.tahun, k.triwulan))
pesan = ui.pesan("register_desa_prioritas", k)
# a quarter still running is judged against its target pro-rated to the data's date (as on Progres Triwulan)
berjalan = progres.triwulan_berjalan(k.tahun, k.triwulan, peringkat.tanggal_data(ui.kueri))
KOLOM = peringkat.kolom_register(k.triwulan, berjalan)
kol_capaian = KOLOM["capaian"]
kol_persen = (kol_capaian, KOLOM["capaian_penuh"])
tampil = data.assign(desa=[("▶ " if kd == k.kode else "") + n for kd, n in zip(data["kode"], data["desa"])],
                     opd_pendamping=data["opd_pendamping"].fillna("–"))
if dinding_:  # the columns that fit the wall; planned and in-progress work, needs and the decree outside it
    tabel = tampil[["desa", "kecamatan", "opd_pendamping", "tersisa", "pendamping_selesai", "lain_selesai",
                    "capaian"]].rename(columns=KOLOM)
else:
    # who accompanies the village and what has been done first; the needs, the families and the decree after
    tabel = tampil[["desa", "kecamatan", "opd_pendamping", "pendamping_rencana", "pendamping_proses",
                    "pendamping_selesai", "lain_rencana", "lain_proses", "lain_selesai", "tersisa", "capaian",
                    *(["capaian_penuh"] if berjalan else []),
                    "keluarga_berkebutuhan", "kebutuhan", "keluarga", "dasar_penetapan"]].rename(columns=KOLOM)


def register(bagian) -> None:
    if data.empty:
        st.info(t("Tidak ada desa prioritas tahun {tahun} di wilayah ini.", tahun=k.tahun))
        return
    if dinding_:
        ui.tabel(bagian, persen=kol_persen)
        return
    st.caption(t("{n} desa prioritas tahun {tahun}. Intervensi yang ditandai sampai akhir {periode}, menurut OPD "
                 "pelaksananya: OPD pendamping desa itu sendiri atau OPD lain (nama OPD disamakan, mis. Dinas "
                 "Kesehatan = Dinkes). Capaian: kebutuhan yang tertutup tahun ini dibanding target desa itu sendiri; "
                 "– bila desa belum punya target. Pilih satu baris untuk membuka profil desa.",
                 n=fmt.angka(len(data)), tahun=k.tahun, periode=k.periode))
    pilih = ui.tabel(bagian, persen=kol_persen, tinggi=min(38 * (len(bagian) + 1) + 3, 600),
                     on_select="rerun", selection_mode="single-row", key="tabel_register",
                     column_config={KOLOM["desa"]: st.column_config.Column(pinned=True)})
    baris = pilih.selection.rows if pilih else []
    if baris:
        ui.buka_wilayah(data.iloc[baris[0]]["kode"], "pages/profil_desa.py")


per_opd = peringkat.per_opd(data)
tabel_opd = per_opd.rename(columns={kol: t(label) for kol, label in peringkat.KOLOM_PER_OPD.items()})


def opd_bagian(bagian) -> None:
    if not dinding_:
        st.caption(t("Desa prioritas per OPD pendamping: kebutuhan tersisa di desa-desanya dan intervensi yang "
                     "dikerjakan OPD itu sendiri dibanding OPD lain."))
    ui.tabel(bagian)


# On the wall: at most five slides of the register (60 villages); a province's whole register is outside it.
bagian_dinding = tabel.head(5 * dinding.BARIS_SLIDE) if dinding_ else tabel
judul_register = ("" if not dinding_ else JUDUL if len(bagian_dinding) == len(tabel)
                  else t("Register desa prioritas ({a} dari {b} desa)", a=fmt.angka(len(bagian_dinding)),
                         b=fmt.angka(len(tabel))))
slides = dinding.slide_tabel(bagian_dinding, register, judul_register)
if data["opd_pendamping"].notna().any():
    slides += dinding.slide_tabel(tabel_opd, opd_bagian, t("Per OPD pendamping"))
if dinding_:
    dinding.tampilkan(JUDUL, k, pesan, slides, "register_desa_prioritas")
else:
    st.markdown(f'<div class="pke-pesan">{fmt.html_aman(pesan)}</div>', unsafe_allow_html=True)
    for s in slides:
        if s.judul:
            st.subheader(s.judul)
        s.gambar()


def berkas_register() -> bytes:
    # Built only when the button is clicked; audited first (ui.akses.unduhan).
    return peringkat.ekspor_register(data, k.triwulan, {t("Wilayah"): k.judul_wilayah(), t("Periode"): k.periode,
                                                        t("Pesan utama"): pesan}, berjalan)


if not dinding_ and not data.empty and ui.akses.boleh(u, "ekspor_agregat"):
    st.download_button(t("Unduh (Excel)"), ui.akses.unduhan(audit.EKSPOR, area, {
                           "berkas": "register_desa_prioritas", "tahun": k.tahun, "triwulan": k.triwulan,
                           "baris": len(data)}, berkas_register),
                       file_name=f"register_desa_prioritas_{area.replace('.', '') or 'semua'}_{k.tahun}"
                                 f"_tw{k.triwulan}.xlsx",
                       icon=":material/download:",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
