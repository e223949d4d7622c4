"""Progres Triwulan: each cluster's target and realisation per quarter, the gap, a status by a stated colour
rule, cumulative progress toward the year-end target with a projection, by kabupaten for a province, and
target editing for an authorised officer."""
import datetime as dt
import os

import pandas as pd
import streamlit as st

from pke import charts, config, fmt, klaster, progres, ui

k = ui.konteks()
ui.kepala_halaman("Progres triwulan", k)
st.caption(progres.ATURAN)

data = ui.kueri("progres_triwulan", kode=k.kode, tahun=k.tahun)
# The year's pace: the latest realisation over the quarters elapsed by the data's date.
berlalu = progres.triwulan_berlalu(k.tahun, dt.date.fromisoformat(ui.meta()["tanggal_data"]))
ini = progres.per_klaster(data, k.triwulan, berlalu)
ini["tersisa"] = ini["klaster"].map(ui.kueri("kebutuhan_per_klaster", **k.params).set_index("klaster")["tersisa"])
warna = progres.WARNA_STATUS

st.subheader(f"Per klaster, {k.periode}")
if ini["target"].isna().all():
    st.info("Belum ada target untuk wilayah dan tahun ini. Target ditetapkan per kabupaten/kota; "
            "pilih kabupaten/kota (atau provinsi untuk jumlahnya).")
tabel = ini[["label", "target", "realisasi", "target_kumulatif", "realisasi_kumulatif", "selisih", "capaian",
             "status", "target_tahun", "proyeksi", "tersisa"]].rename(columns={
    "label": "Klaster", "target": "Target TW", "realisasi": "Realisasi TW", "target_kumulatif": "Target kumulatif",
    "realisasi_kumulatif": "Realisasi kumulatif", "selisih": "Selisih", "capaian": "Capaian",
    "status": "Status", "target_tahun": "Target setahun", "proyeksi": "Proyeksi akhir tahun",
    "tersisa": "Kebutuhan tersisa"})
gaya = tabel.style.format({c: fmt.angka for c in tabel.columns if c not in ("Klaster", "Status", "Capaian")}
                          | {"Capaian": fmt.persen}, na_rep="–").map(lambda v: f"background-color: {warna.get(v, '')}",
                                                         subset=["Status"])
st.dataframe(gaya, hide_index=True, width="stretch")

st.subheader(f"Realisasi / target per triwulan, {k.tahun}")
st.dataframe(progres.matriks_triwulan(data), width="stretch")
st.caption("Keluarga yang kebutuhannya tertutup dalam triwulan itu / target triwulan; – berarti belum ada data atau target.")

st.subheader("Kumulatif menuju target akhir tahun")
kunci = ui.pilih_url("Klaster", list(klaster.KUNCI), "klaster", format_func=klaster.label)
satu = data[data["klaster"] == kunci]
baris = ini.set_index("klaster").loc[kunci]
st.plotly_chart(charts.progres_kumulatif(satu, baris["proyeksi"]), width="stretch", config={"displayModeBar": False})
if pd.notna(baris["target_tahun"]) and baris["proyeksi"] is not None:
    kurang = baris["target_tahun"] - baris["proyeksi"]
    st.markdown(f"Dengan laju saat ini, **{klaster.label(kunci)}** diproyeksikan mencapai "
                f"**{fmt.angka(baris['proyeksi'])}** dari target **{fmt.angka(baris['target_tahun'])}** keluarga "
                f"pada akhir {k.tahun}" + (f" — kurang {fmt.angka(kurang)}." if kurang > 0 else " — target tercapai."))

if len(k.kode) <= 2:
    st.subheader(f"Per kabupaten/kota, kumulatif sampai {k.periode}")
    jumlah = progres.per_wilayah(ui.kueri("progres_per_subwilayah", **k.params))
    tampil = jumlah[
        ["nama", "target_kumulatif", "realisasi_kumulatif", "capaian", "status", "target_tahun"]].rename(columns={
            "nama": "Kabupaten/Kota", "target_kumulatif": "Target kumulatif", "realisasi_kumulatif": "Realisasi kumulatif",
            "capaian": "Capaian", "status": "Status", "target_tahun": "Target setahun"})
    st.dataframe(tampil.style.format({"Target kumulatif": fmt.angka, "Realisasi kumulatif": fmt.angka,
                                      "Capaian": fmt.persen, "Target setahun": fmt.angka}, na_rep="–")
                 .map(lambda v: f"background-color: {warna.get(v, '')}", subset=["Status"]),
                 hide_index=True, width="stretch")

if len(k.kode) == 5:
    with st.expander("Ubah target (petugas berwenang)"):
        pin_benar = os.environ.get("PKE_ADMIN_PIN")
        if not pin_benar:
            st.info("Pengubahan target dimatikan. Administrator dapat mengaktifkannya dengan variabel lingkungan "
                    "`PKE_ADMIN_PIN`.")
        else:
            with st.form("form_target"):
                petugas = st.text_input("Nama petugas")
                pin = st.text_input("PIN", type="password")
                target = ui.kueri("target_wilayah", kode=k.kode, tahun=k.tahun)
                st.caption("Satu baris per klaster dan triwulan; kosongkan untuk menghapus target.")
                diubah = st.data_editor(
                    target[["klaster", "label", "triwulan", "target_keluarga", "diubah_oleh", "diubah_pada"]],
                    hide_index=True, width="stretch", key="editor_target",
                    disabled=["klaster", "label", "triwulan", "diubah_oleh", "diubah_pada"],
                    column_config={"target_keluarga": st.column_config.NumberColumn("Target (keluarga)", min_value=0,
                                                                                     step=1, format="%d"),
                                   "label": "Klaster", "klaster": None, "triwulan": "Triwulan",
                                   "diubah_oleh": "Diubah oleh", "diubah_pada": "Diubah pada"})
                if st.form_submit_button("Simpan target"):
                    if pin != pin_benar:
                        st.error("PIN salah; target tidak disimpan.")
                    else:
                        try:
                            n = progres.simpan_target(config.db_path(), k.kode, k.tahun, diubah, petugas)
                        except progres.TargetError as e:
                            st.error(f"Target tidak disimpan: {e}")
                        else:
                            st.success(f"{n} target {k.nama} tahun {k.tahun} disimpan oleh {petugas}.")
