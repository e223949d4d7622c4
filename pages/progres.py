"""Progres Triwulan: each cluster's target and realisation per quarter, the gap, a status by a stated colour
rule (a quarter still running against its target pro-rated to the data's date, the full-quarter achievement
beside), cumulative progress toward the year-end target with a projection, by kabupaten for a province, by
kecamatan for a kabupaten and by priority village for a kabupaten or kecamatan, the OPDs' progress reports for the
quarter (who has reported by the deadline; households reached per cluster by approved reports only), and target
editing (kabupaten, kecamatan or priority village) with its history for users with the right to, audited."""
import datetime as dt

import pandas as pd
import streamlit as st

from pke import audit, charts, config, fmt, klaster, lapor, progres
from pke.i18n import t
import ui
from ui import dinding

u = ui.izinkan("progres")
k = ui.konteks()
dinding_ = ui.presentasi()

data = ui.kueri("progres_triwulan", kode=k.kode, tahun=k.tahun)
tanggal_data = dt.date.fromisoformat(ui.meta()["tanggal_data"])
# The year's pace: the latest realisation over the quarters elapsed by the data's date.
berlalu = progres.triwulan_berlalu(k.tahun, tanggal_data)
# A quarter still running is judged against its target pro-rated to the data's date.
berjalan = progres.triwulan_berjalan(k.tahun, k.triwulan, tanggal_data)
ini = progres.per_klaster(data, k.triwulan, berlalu, berjalan)
ini["tersisa"] = ini["klaster"].map(ui.kueri("kebutuhan_per_klaster", **k.params).set_index("klaster")["tersisa"])
warna = progres.warna_status()


def warnai_status(g):
    return g.map(lambda v: f"background-color: {warna.get(v, '')}", subset=[t("Status")])


# The targets one level down, summed beside the region's own (never added to it): differences stay visible.
LABEL_ANAK = {5: t("Target kecamatan dijumlah"), 8: t("Target desa dijumlah")}
KOLOM_PERSEN = (t("Capaian"), t("Capaian thd target penuh"))


def keterangan_berjalan():
    """Says plainly that the quarter is still running and its target pro-rated. On the wall the key message says
    it (pke.pesan.progres) and the slide keeps its whole height for the table."""
    if berjalan is not None and not dinding_:
        st.markdown(f"**{berjalan.keterangan()}**")  # our words, a date and numbers: no data value to escape


def kolom_banding(kolom: dict) -> dict:
    """For a running quarter, the pro-rated target beside the full one and the full-quarter achievement beside
    the pro-rated one."""
    if berjalan is None:
        return kolom
    hasil = {}
    for c, label in kolom.items():
        hasil[c] = label
        if c == "target_kumulatif":
            hasil["target_pro_rata"] = t("Target pro-rata")
        if c == "capaian":
            hasil["capaian_penuh"] = t("Capaian thd target penuh")
    return hasil


def per_klaster_tabel():
    if not dinding_:
        st.caption(progres.aturan())
    keterangan_berjalan()
    if ini["target"].isna().all():
        st.info(t("Belum ada target untuk wilayah dan tahun ini. Target ditetapkan per kabupaten/kota, kecamatan "
                  "atau desa prioritas (provinsi: jumlah target kabupaten/kotanya)."))
    kolom = {"label": t("Klaster"), "target": t("Target TW"), "realisasi": t("Realisasi TW"),
             "target_kumulatif": t("Target kumulatif"), "realisasi_kumulatif": t("Realisasi kumulatif"),
             "selisih": t("Selisih"), "capaian": t("Capaian"), "status": t("Status"), "target_tahun": t("Target setahun"),
             "proyeksi": t("Proyeksi akhir tahun"), "tersisa": t("Kebutuhan tersisa")}
    if len(k.kode) in LABEL_ANAK and ini["target_anak_kumulatif"].notna().any():
        kolom["target_anak_kumulatif"] = LABEL_ANAK[len(k.kode)]
    tabel = ini.assign(label=[klaster.label_singkat(x) for x in ini["klaster"]]) if dinding_ else ini
    if dinding_:  # the columns that fit the wall
        kolom = {c: kolom[c] for c in ("label", "target_kumulatif", "realisasi_kumulatif", "capaian", "status",
                                      "target_tahun", "proyeksi")
                 if not (berjalan is not None and c == "target_tahun")}
    kolom = kolom_banding(kolom)
    ui.tabel(tabel[list(kolom)].rename(columns=kolom), persen=KOLOM_PERSEN, gaya=warnai_status)


def matriks():
    ui.tabel(progres.matriks_triwulan(data), index=True)
    if not dinding_:
        st.caption(t("Keluarga yang kebutuhannya tertutup dalam triwulan itu / target triwulan; – berarti belum ada "
                     "data atau target."))


kunci = ui.pilih_url(t("Klaster"), list(klaster.KUNCI), "klaster", format_func=klaster.label,
                     bawaan=ui.klaster_terbesar(k)) if dinding_ else None


def kumulatif():
    pilih = kunci or ui.pilih_url(t("Klaster"), list(klaster.KUNCI), "klaster", format_func=klaster.label,
                                  bawaan=ui.klaster_terbesar(k))
    satu = data[data["klaster"] == pilih]
    baris = ini.set_index("klaster").loc[pilih]
    dinding.grafik(charts.progres_kumulatif(satu, baris["proyeksi"]))
    if not dinding_ and pd.notna(baris["target_tahun"]) and baris["proyeksi"] is not None:
        kurang = baris["target_tahun"] - baris["proyeksi"]
        st.markdown(t("Dengan laju saat ini, **{klaster}** diproyeksikan mencapai **{proyeksi}** dari target "
                      "**{target}** keluarga pada akhir {tahun}", klaster=klaster.label(pilih),
                      proyeksi=fmt.angka(baris["proyeksi"]), target=fmt.angka(baris["target_tahun"]), tahun=k.tahun)
                    + (t(" — kurang {n}.", n=fmt.angka(kurang)) if kurang > 0 else t(" — target tercapai.")))


slides = [dinding.Slide(per_klaster_tabel, t("Per klaster, {periode}", periode=k.periode)),
          dinding.Slide(matriks, t("Realisasi / target per triwulan, {tahun}", tahun=k.tahun)),
          dinding.Slide(kumulatif, t("Kumulatif menuju target akhir tahun")
                        + (f": {klaster.label(kunci)}" if kunci else ""))]



def slides_wilayah(df: pd.DataFrame, kolom_nama: dict, judul: str, selalu: bool = False) -> list[dinding.Slide]:
    """All clusters together per region (per_wilayah), furthest behind first; paged on the wall, where a level
    without any target is left out unless `selalu`."""
    kolom = dict(kolom_nama) | {"target_kumulatif": t("Target kumulatif"),
                                "realisasi_kumulatif": t("Realisasi kumulatif"), "capaian": t("Capaian"),
                                "status": t("Status"), "target_tahun": t("Target setahun")}
    if "target_anak_kumulatif" in df and df["target_anak_kumulatif"].notna().any():
        kolom["target_anak_kumulatif"] = LABEL_ANAK[len(k.kode) + 3 if len(k.kode) == 2 else 8]
    if dinding_ and berjalan is not None:
        kolom.pop("target_tahun")
    kolom = kolom_banding(kolom)
    tampil = df[list(kolom)].rename(columns=kolom)

    tanpa_target = df["target_kumulatif"].isna().all()

    def gambar(bagian):
        if tanpa_target and not dinding_:
            st.caption(t("Belum ada target di tingkat ini untuk {tahun}; realisasinya tetap ditampilkan. Target "
                         "diubah di tampilan wilayah itu sendiri (pilih di panel kiri) atau lewat Impor Data.",
                         tahun=k.tahun))
        ui.tabel(bagian, persen=KOLOM_PERSEN, gaya=warnai_status)

    if dinding_ and tanpa_target and not selalu:  # wall time is for comparisons: a level without targets stays off
        return []
    return dinding.slide_tabel(tampil, gambar, judul)


if len(k.kode) <= 2:
    slides += slides_wilayah(progres.per_wilayah(ui.kueri("progres_per_subwilayah", **k.params), berjalan),
                             {"nama": t("Kabupaten/Kota")},
                             t("Per kabupaten/kota, kumulatif sampai {periode}", periode=k.periode), selalu=True)
if len(k.kode) == 5:
    slides += slides_wilayah(progres.per_wilayah(ui.kueri("progres_per_subwilayah", **k.params), berjalan),
                             {"nama": t("Kecamatan")},
                             t("Per kecamatan, kumulatif sampai {periode}", periode=k.periode))
if len(k.kode) in (5, 8):
    per_desa = progres.per_wilayah(ui.kueri("progres_desa_prioritas", **k.params), berjalan)
    if not per_desa.empty:
        kolom_desa = {"nama": t("Desa prioritas")} | ({"kecamatan": t("Kecamatan")} if len(k.kode) == 5 else {})
        slides += slides_wilayah(per_desa, kolom_desa,
                                 t("Per desa prioritas, kumulatif sampai {periode}", periode=k.periode))

status_opd = lapor.status_lapor(ui.akses.toko(), k.kode, k.tahun, k.triwulan)
wajib = status_opd[status_opd["wajib"]]
pesan_lapor = t("{periode}: {n} dari {total} OPD sudah lapor; tenggat {tenggat}.", periode=k.periode,
                n=fmt.angka(int(wajib["sudah"].sum())), total=fmt.angka(len(wajib)),
                tenggat=fmt.tanggal(lapor.tenggat(k.tahun, k.triwulan)))
warna_lapor = lapor.warna_status()


def status_lapor(bagian):
    if not dinding_:
        st.markdown(f"**{pesan_lapor}**")  # our words, numbers and a date: no data value to escape
        st.caption(lapor.aturan_tenggat())
    ui.tabel(bagian, gaya=lambda g: g.map(lambda v: f"background-color: {warna_lapor.get(v, '')}",
                                          subset=[t("Status")]))


slides += dinding.slide_tabel(lapor.tabel_status(status_opd), status_lapor, t("Laporan OPD triwulan ini"),
                              pesan=pesan_lapor)
dilaporkan = ui.kueri("laporan_opd_klaster", **k.params)
dilaporkan["realisasi"] = dilaporkan["klaster"].map(ini.set_index("klaster")["realisasi"])


def laporan_disetujui():
    if not dinding_:
        st.caption(t("Keluarga terjangkau menurut laporan OPD yang disetujui, per klaster, {periode}; di sampingnya "
                     "realisasi triwulan dari data intervensi.", periode=k.periode))
    label = "label_singkat" if dinding_ and "label_singkat" in dilaporkan else "label"
    ui.tabel(dilaporkan[[label, "opd_penanggung_jawab", "keluarga_terjangkau", "laporan", "opd_melapor", "nilai_rp",
                         "realisasi"]].rename(columns={
        label: t("Klaster"), "opd_penanggung_jawab": t("OPD penanggung jawab"),
        "keluarga_terjangkau": t("Keluarga terjangkau (laporan disetujui)"), "laporan": t("Laporan disetujui"),
        "opd_melapor": t("OPD melapor"), "nilai_rp": t("Nilai (Rp)"), "realisasi": t("Realisasi TW (data intervensi)")}),
        rupiah=(t("Nilai (Rp)"),))


slides.append(dinding.Slide(laporan_disetujui, t("Laporan OPD yang disetujui")))
dinding.tampilkan(t("Progres triwulan"), k, ui.pesan("progres", k), slides, "progres")

target = (ui.kueri("target_wilayah", kode=k.kode, tahun=k.tahun)
          if len(k.kode) in (5, 8, 13) and not ui.presentasi() and ui.akses.boleh(u, "target") else None)
# The same editor for a kabupaten, a kecamatan, or a village while it is a priority village of the year.
if target is not None and target["bisa_target"].iloc[0]:
    with st.expander(t("Ubah target"), expanded="target_tersimpan" in st.session_state):
        if "target_tersimpan" in st.session_state:  # saved on the run before: the tables above show it now
            st.success(st.session_state.pop("target_tersimpan"))
        with st.form("form_target"):
            st.caption(t("Satu baris per klaster dan triwulan; kosongkan untuk menghapus target. Tersimpan atas nama "
                         "{nama} dan tercatat di log audit.", nama=u.nama))
            kolom_editor = ["klaster", "label", "triwulan", "target_keluarga", "diubah_oleh", "diubah_pada"]
            if len(k.kode) in LABEL_ANAK:
                st.caption(t("Target wilayah ini sendiri: tidak dijumlah otomatis dari wilayah di bawahnya. "
                             "Kolom \"{kolom}\" menunjukkan jumlah target yang ditetapkan di bawahnya.",
                             kolom=LABEL_ANAK[len(k.kode)]))
                kolom_editor.insert(4, "target_anak")
            diubah = st.data_editor(
                target[kolom_editor], hide_index=True, width="stretch", key="editor_target",
                disabled=["klaster", "label", "triwulan", "target_anak", "diubah_oleh", "diubah_pada"],
                column_config={"target_keluarga": st.column_config.NumberColumn(t("Target (keluarga)"),
                                                                                 min_value=0, step=1, format="localized"),
                               "target_anak": st.column_config.NumberColumn(LABEL_ANAK.get(len(k.kode), ""),
                                                                            format="localized"),
                               "label": t("Klaster"), "klaster": None, "triwulan": t("Triwulan"),
                               "diubah_oleh": t("Diubah oleh"), "diubah_pada": t("Diubah pada")})
            if st.form_submit_button(t("Simpan target")):
                try:
                    n = progres.simpan_target(config.db_path(), k.kode, k.tahun, diubah, u.nama)
                except progres.TargetError as e:
                    st.error(t("Target tidak disimpan: {e}", e=fmt.aman(e)))
                else:
                    ui.akses.catat(audit.UBAH_TARGET, k.kode, {"tahun": k.tahun, "baris": int(n),
                                                               "perubahan": progres.perubahan_target(target, diubah)})
                    st.session_state["target_tersimpan"] = t(
                        "{n} target {wilayah} tahun {tahun} disimpan oleh {petugas}.", n=n, wilayah=fmt.aman(k.nama),
                        tahun=k.tahun, petugas=fmt.aman(u.nama))
                    del st.session_state["editor_target"]  # the editor starts again from the saved targets
                    st.rerun()
        st.markdown("**" + t("Riwayat perubahan target {tahun}", tahun=k.tahun) + "**")
        riwayat = progres.riwayat_target(config.store_path(config.db_path()), k.kode, k.tahun)
        if riwayat.empty:
            st.caption(t("Belum ada target yang diubah lewat dasbor untuk tahun ini."))
        else:
            ui.tabel(pd.DataFrame({
                t("Diubah pada"): [lapor.waktu_wib(w) for w in riwayat["diubah_pada"]],
                t("Diubah oleh"): riwayat["diubah_oleh"],
                t("Klaster"): [klaster.label(x) if x in klaster.BY_KUNCI else x for x in riwayat["klaster"]],
                t("Triwulan"): [fmt.tw(x) for x in riwayat["triwulan"]],
                t("Target lama"): riwayat["target_lama"], t("Target baru"): riwayat["target_keluarga"],
            }))
