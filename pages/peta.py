"""Peta: the villages of the selected region coloured by a cluster's remaining gap, priority villages
outlined, with the chosen village's figures beside the map."""
import streamlit as st

from pke import charts, fmt, klaster, maps
from pke.i18n import t
import ui

u = ui.izinkan("peta")
k = ui.konteks()
ui.kepala_halaman(t("Peta kebutuhan"), k)

kol1, kol2 = st.columns([2, 2])
with kol1:
    kunci = ui.pilih_url(t("Klaster"), list(klaster.KUNCI), "klaster", format_func=klaster.label)
with kol2:
    ukuran = ui.pilih_url(t("Ukuran"), ["per100", "jumlah"], "ukuran", radio=True,
                          format_func={"per100": t("Per 100 keluarga"), "jumlah": t("Jumlah keluarga")}.get)

ling = maps.lingkup_peta(k.kode)
data = ui.kueri("peta_wilayah", kode=ling.area, panjang=ling.panjang, klaster=kunci, tahun=k.tahun,
                 triwulan=k.triwulan)
nilai = "tersisa_per_100" if ukuran == "per100" else "tersisa"
judul_nilai = (t("{klaster}: tersisa per 100 keluarga", klaster=klaster.label(kunci)) if ukuran == "per100"
               else t("{klaster}: keluarga tersisa", klaster=klaster.label(kunci)))

if data.empty:
    st.info(t("Tidak ada data keluarga untuk wilayah ini."))
    st.stop()

kiri, kanan = st.columns([3, 1.2])
terpilih = k.kode if len(k.kode) == 13 else st.session_state.get("peta_desa")
if data["geojson"].isna().all():
    with kiri:
        st.warning(t("Batas wilayah belum dimuat, jadi peta diganti grafik wilayah dengan nilai tertinggi. Untuk peta, bangun ulang "
                     "basis data dengan folder batas: `python -m pke demo --batas ../shared/boundaries` "
                     "(atau atur variabel lingkungan `PKE_BOUNDARIES`)."))
        st.vega_lite_chart(charts.peringkat_wilayah(data, nilai, judul_nilai), width="stretch")
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
            st.caption(t("{n} wilayah tanpa batas tidak tergambar.", n=fmt.angka(tanpa_batas)))
    with kanan:
        st.markdown(maps.legenda_html(leg), unsafe_allow_html=True)

with kanan:
    st.markdown("---")
    nama_opsi = dict(zip(data["kode"], data["nama"]))
    opsi = [""] + list(data["kode"])
    if terpilih not in opsi:
        terpilih = ""
    if not ui.presentasi():
        terpilih = st.selectbox(t("Lihat wilayah"), opsi, index=opsi.index(terpilih),
                                format_func=lambda x: nama_opsi[x] if x else t("— pilih di peta atau di sini —"))
    if terpilih:
        baris = data.set_index("kode").loc[terpilih]
        st.markdown(f"#### {fmt.aman(baris['nama'])}")
        if len(terpilih) == 13:
            st.caption(t("Kec. {nama}", nama=fmt.aman(baris["nama_induk"])))
            if not ui.presentasi() and st.button(t("Buka profil desa"), icon=":material/home_pin:"):
                ui.buka_wilayah(terpilih, "pages/profil_desa.py")
            if baris["desa_prioritas"]:
                st.markdown("**" + t("Desa prioritas PKE") + "**"
                            + (" · " + t("OPD pendamping: {opd}", opd=fmt.aman(baris["opd_pendamping"]))
                               if baris["opd_pendamping"] else ""))
        else:
            st.markdown(t("{n} desa prioritas", n=fmt.angka(baris["desa_prioritas"])))
        st.markdown(t("Keluarga P3KE: **{keluarga}** · desil 1: **{desil1}**", keluarga=fmt.angka(baris["keluarga"]),
                      desil1=fmt.angka(baris["keluarga_desil1"])))
        rinci = ui.kueri("kebutuhan_per_klaster", kode=terpilih, tahun=k.tahun, triwulan=k.triwulan)
        ui.tabel(rinci[["label_singkat", "kebutuhan", "selesai", "tersisa"]].rename(columns={
            "label_singkat": t("Klaster"), "kebutuhan": t("Kebutuhan"), "selesai": t("Selesai"),
            "tersisa": t("Tersisa")}))

st.caption(t("Warna: {judul} pada akhir {periode}. Garis biru tua: desa prioritas tahun {tahun}.",
             judul=judul_nilai.lower(), periode=k.periode, tahun=k.tahun) + " "
           + (t("Garis abu-abu: batas kecamatan.") if ling.panjang == 13 else t("Garis abu-abu: batas kabupaten/kota.")))
