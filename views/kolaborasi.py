"""Peluang Kolaborasi: unmet needs per village and cluster, priced with an editable unit-cost table, so a
Bappeda head can show a company (CSR), Baznas or a village (APBDes) which villages its money would reach."""
import streamlit as st

from pke import ekspor, fmt, klaster, kolaborasi, ui

k = ui.konteks()
ui.kepala_halaman("Peluang kolaborasi", k)
if len(k.kode) < 5:
    st.info("Pilih kabupaten/kota (atau kecamatan, desa) di panel kiri untuk melihat kebutuhan per desa.")
    st.stop()

st.markdown("**Biaya satuan** — ubah sesuai harga setempat; perhitungan di bawah ikut berubah.")
biaya = st.data_editor(kolaborasi.tabel_biaya(), hide_index=True, width="stretch", key="biaya_satuan",
                       disabled=["klaster", "Klaster"], column_config={
                           "klaster": None,
                           "Biaya satuan (Rp)": st.column_config.NumberColumn(min_value=0, step=50_000, format="%d")})

a, b, c = st.columns([2, 1.3, 1.2])
pilih = a.multiselect("Klaster yang akan didanai", list(klaster.KUNCI), default=["rtlh", "jamban", "air", "listrik"],
                      format_func=klaster.label, placeholder="Pilih klaster")
dasar = b.radio("Kebutuhan yang dihitung", ["belum", "tersisa"], format_func={
    "belum": "Belum direncanakan siapa pun", "tersisa": "Semua yang tersisa"}.get)
anggaran = c.number_input("Anggaran mitra (Rp juta)", min_value=0, value=5_000, step=250) * 1_000_000
c.caption(f"= {fmt.rupiah(anggaran)}")

kebutuhan = ui.kueri("kebutuhan_desa_klaster", **k.params)
kebutuhan = kebutuhan[kebutuhan["klaster"].isin(pilih)]
if kebutuhan.empty:
    st.info("Tidak ada kebutuhan terbuka untuk klaster terpilih di wilayah ini.")
    st.stop()
per_desa = kolaborasi.jangkauan(kolaborasi.hitung(kebutuhan, biaya, dasar), anggaran)

terjangkau = per_desa[per_desa["terjangkau"]]
kol = st.columns(3)
kol[0].metric("Perkiraan biaya seluruh kebutuhan", fmt.rupiah(per_desa["biaya"].sum()), border=True)
kol[1].metric("Desa terjangkau anggaran", f"{fmt.angka(len(terjangkau))} dari {fmt.angka(len(per_desa))}", border=True)
kol[2].metric("Keluarga terbantu", fmt.angka(terjangkau["keluarga_dibantu"].sum()), border=True)
st.caption("Urutan: desa prioritas dulu, lalu kebutuhan terberat per 100 keluarga. Sebuah desa dihitung terjangkau "
           "bila seluruh kebutuhannya (klaster terpilih) tertutup sisa anggaran; desa yang tidak muat dilewati.")

tabel = per_desa.assign(
    desa=[d + (" ★" if p else "") for d, p in zip(per_desa["desa"], per_desa["prioritas"])],
    terjangkau=per_desa["terjangkau"].map({True: "ya", False: ""}))[
    ["desa", "kecamatan", "keluarga_dibantu", "per_100", "biaya", "kumulatif", "terjangkau"]].rename(columns={
        "desa": "Desa (★ prioritas)", "kecamatan": "Kecamatan", "keluarga_dibantu": "Keluarga",
        "per_100": "Per 100 keluarga", "biaya": "Perkiraan biaya", "kumulatif": "Anggaran terpakai",
        "terjangkau": "Terjangkau anggaran"})
ui.tabel(tabel, rupiah=("Perkiraan biaya", "Anggaran terpakai"), tinggi=460)
ui.tautan_profil_desa(dict(zip(per_desa["kode"], per_desa["desa"])))


def berkas_kolaborasi() -> bytes:
    # Built only when the button is clicked, not on every rerun of the page.
    rinci = kebutuhan.merge(biaya[["klaster", "Biaya satuan (Rp)"]], on="klaster")
    rinci["Perkiraan biaya (Rp)"] = rinci[dasar] * rinci["Biaya satuan (Rp)"]
    return ekspor.tabel_excel({
        "per desa": per_desa.rename(columns={"biaya": "perkiraan_biaya_rp", "kumulatif": "anggaran_terpakai_rp"}),
        "per desa dan klaster": rinci.drop(columns=["klaster"]),
        "biaya satuan": biaya.drop(columns=["klaster"]),
    })


st.download_button("Unduh (Excel)", berkas_kolaborasi, file_name=f"peluang_kolaborasi_{k.kode}_{k.tahun}_tw{k.triwulan}.xlsx",
                   icon=":material/download:",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
