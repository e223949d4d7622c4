"""Sektor: for each cluster, households with the gap, intervened (planned / in progress / done), remaining
and % closed — in total, by sub-region (table and heatmap) and by the OPD that intervened."""
import streamlit as st

from pke import charts, ui

k = ui.konteks()
ui.kepala_halaman("Kebutuhan per sektor", k)

KOLOM = {"kebutuhan": "Kebutuhan", "rencana": "Rencana", "proses": "Proses", "selesai": "Selesai",
         "tersisa": "Tersisa", "persen_tertutup": "% tertutup"}

per_klaster = ui.kueri("kebutuhan_per_klaster", **k.params)
st.subheader("Per klaster")
st.caption(f"Keluarga dengan kebutuhan per klaster dan status intervensinya pada akhir {k.periode}. "
           "Tersisa = kebutuhan − selesai.")
ui.tabel(per_klaster[["label", "opd", *KOLOM]].rename(columns={"label": "Klaster", "opd": "OPD penanggung jawab",
                                                               **KOLOM}),
         persen=("% tertutup",))

anak = ui.kueri("kebutuhan_per_subwilayah", **k.params)
if len(k.kode) < 13 and not anak.empty:
    label_anak = {0: "provinsi", 2: "kabupaten/kota", 5: "kecamatan", 8: "desa/kelurahan"}[len(k.kode)]
    st.subheader(f"Per {label_anak}")
    ukuran = ui.pilih_url("Tampilkan", ["tersisa", "persen_tertutup"], "nilai", radio=True,
                          format_func={"tersisa": "Keluarga tersisa", "persen_tertutup": "% tertutup"}.get)
    tab_peta, tab_tabel = st.tabs(["Peta panas", "Tabel"])
    with tab_peta:
        st.plotly_chart(charts.heatmap_subwilayah(anak, ukuran), width="stretch", config={"displayModeBar": False})
    with tab_tabel:
        ui.tabel(anak[["nama", "label_singkat", *KOLOM]].rename(columns={
            "nama": label_anak.capitalize(), "label_singkat": "Klaster", **KOLOM}), persen=("% tertutup",),
            tinggi=500)
    if len(k.kode) == 8:
        ui.tautan_profil_desa(dict(zip(anak["kode"], anak["nama"])))

st.subheader("Per OPD")
opd = ui.kueri("intervensi_per_opd", **k.params)
if opd.empty:
    st.info("Belum ada intervensi yang ditandai untuk wilayah dan periode ini.")
else:
    st.caption("Intervensi yang ditandai per OPD pelaksana, status pada akhir triwulan, dan nilai intervensi "
               "yang telah selesai.")
    ui.tabel(opd[["opd", "label_singkat", "rencana", "proses", "selesai", "nilai_rp_selesai"]].rename(columns={
        "opd": "OPD", "label_singkat": "Klaster", "rencana": "Rencana", "proses": "Proses", "selesai": "Selesai",
        "nilai_rp_selesai": "Nilai selesai"}), rupiah=("Nilai selesai",))
