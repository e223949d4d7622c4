"""Peta: the villages of the selected region coloured by a cluster's remaining gap, priority villages
outlined, with the chosen village's figures beside the map."""
import streamlit as st

from pke import charts, fmt, klaster, maps, ui

k = ui.konteks()
ui.kepala_halaman("Peta kebutuhan", k)

kol1, kol2 = st.columns([2, 2])
with kol1:
    kunci = ui.pilih_url("Klaster", list(klaster.KUNCI), "klaster", format_func=klaster.label)
with kol2:
    ukuran = ui.pilih_url("Ukuran", ["per100", "jumlah"], "ukuran", radio=True,
                          format_func={"per100": "Per 100 keluarga", "jumlah": "Jumlah keluarga"}.get)

ling = maps.lingkup_peta(k.kode)
data = ui.kueri("peta_wilayah", kode=ling.area, panjang=ling.panjang, klaster=kunci, tahun=k.tahun,
                 triwulan=k.triwulan)
nilai = "tersisa_per_100" if ukuran == "per100" else "tersisa"
judul_nilai = (f"{klaster.label(kunci)}: tersisa per 100 keluarga" if ukuran == "per100"
               else f"{klaster.label(kunci)}: keluarga tersisa")

if data.empty:
    st.info("Tidak ada data keluarga untuk wilayah ini.")
    st.stop()

kiri, kanan = st.columns([3, 1.2])
terpilih = k.kode if len(k.kode) == 13 else st.session_state.get("peta_desa")
if data["geojson"].isna().all():
    with kiri:
        st.warning("Batas wilayah belum dimuat, jadi peta ditampilkan sebagai treemap. Untuk peta, bangun ulang "
                   "basis data dengan folder batas: `python -m pke demo --batas ../shared/boundaries` "
                   "(atau atur variabel lingkungan `PKE_BOUNDARIES`).")
        st.plotly_chart(charts.treemap_wilayah(data, "tersisa", judul_nilai), width="stretch")
else:
    garis = ui.kueri("peta_garis", kode=ling.area, panjang=ling.panjang_garis)
    prioritas = ui.kueri("peta_desa_prioritas", kode=ling.area, tahun=k.tahun) if ling.lapisan_prioritas else None
    deck, leg = maps.peta_wilayah(data, nilai, judul_nilai, garis=garis, prioritas=prioritas,
                                  terpilih=terpilih, desimal=1 if ukuran == "per100" else 0)
    with kiri:
        event = st.pydeck_chart(deck, height=600, on_select="rerun", selection_mode="single-object",
                                key="peta_pdk")
        pilihan = (event.selection.objects or {}).get("wilayah", []) if event else []
        if pilihan:
            fitur = pilihan[0]
            terpilih = fitur.get("kode") or fitur.get("properties", {}).get("kode")
            st.session_state["peta_desa"] = terpilih
        tanpa_batas = int(data["geojson"].isna().sum())
        if tanpa_batas:
            st.caption(f"{fmt.angka(tanpa_batas)} wilayah tanpa batas tidak tergambar.")
    with kanan:
        st.markdown(maps.legenda_html(leg), unsafe_allow_html=True)

with kanan:
    st.markdown("---")
    nama_opsi = dict(zip(data["kode"], data["nama"]))
    opsi = [""] + list(data["kode"])
    if terpilih not in opsi:
        terpilih = ""
    terpilih = st.selectbox("Lihat wilayah", opsi, index=opsi.index(terpilih),
                            format_func=lambda x: nama_opsi[x] if x else "— pilih di peta atau di sini —")
    if terpilih:
        baris = data.set_index("kode").loc[terpilih]
        st.markdown(f"#### {baris['nama']}")
        if len(terpilih) == 13:
            st.caption(f"Kec. {baris['nama_induk']}")
            if st.button("Buka profil desa", icon=":material/home_pin:"):
                ui.buka_wilayah(terpilih, "views/profil_desa.py")
            if baris["desa_prioritas"]:
                st.markdown("**Desa prioritas PKE**" + (f" · OPD pendamping: {baris['opd_pendamping']}"
                                                         if baris["opd_pendamping"] else ""))
        else:
            st.markdown(f"{fmt.angka(baris['desa_prioritas'])} desa prioritas")
        st.markdown(f"Keluarga P3KE: **{fmt.angka(baris['keluarga'])}** · desil 1: "
                    f"**{fmt.angka(baris['keluarga_desil1'])}**")
        rinci = ui.kueri("kebutuhan_per_klaster", kode=terpilih, tahun=k.tahun, triwulan=k.triwulan)
        ui.tabel(rinci[["label_singkat", "kebutuhan", "selesai", "tersisa"]].rename(columns={
            "label_singkat": "Klaster", "kebutuhan": "Kebutuhan", "selesai": "Selesai", "tersisa": "Tersisa"}))

st.caption(f"Warna: {judul_nilai.lower()} pada akhir {k.periode}. Garis biru tua: desa prioritas tahun {k.tahun}."
           + (" Garis abu-abu: batas kecamatan." if ling.panjang == 13 else " Garis abu-abu: batas kabupaten/kota."))
