"""Peluang Kolaborasi: unmet needs per village and cluster, priced with an editable unit-cost table, so a
Bappeda head can show a company (CSR), Baznas or a village (APBDes) which villages its money would reach."""
import streamlit as st

from pke import audit, ekspor, fmt, klaster, kolaborasi
from pke.i18n import t
import ui
from ui import dinding

u = ui.izinkan("kolaborasi")
k = ui.konteks()
JUDUL = t("Peluang kolaborasi")
dinding_ = ui.presentasi()
if not dinding_:
    ui.kepala_halaman(JUDUL, k)
if len(k.kode) < 5:
    if dinding_:
        ui.kepala_halaman(JUDUL, k)
    st.info(t("Pilih kabupaten/kota (atau kecamatan, desa) di panel kiri untuk melihat kebutuhan per desa."))
    st.stop()

BAWAAN = {"klaster": ["rtlh", "jamban", "air", "listrik"], "dasar": "belum", "anggaran_juta": 5_000}
LABEL_DASAR = {"belum": t("Belum direncanakan siapa pun"), "tersisa": t("Semua yang tersisa")}
if dinding_:
    # No editors on the wall: the default assumptions, stated, and the unit costs as a table.
    biaya = kolaborasi.tabel_biaya()
    pilih, dasar, anggaran = BAWAAN["klaster"], BAWAAN["dasar"], BAWAAN["anggaran_juta"] * 1_000_000
    asumsi = t("**Asumsi:** klaster {klaster}; kebutuhan yang dihitung: {dasar}; anggaran mitra {anggaran}.",
               klaster=", ".join(klaster.label(x) for x in pilih), dasar=LABEL_DASAR[dasar].lower(),
               anggaran=fmt.rupiah(anggaran))
else:
    st.markdown(t("**Biaya satuan** — ubah sesuai harga setempat; perhitungan di bawah ikut berubah."))
    biaya = st.data_editor(kolaborasi.tabel_biaya(), hide_index=True, width="stretch", key="biaya_satuan",
                           disabled=["klaster", "label"], column_config={
                               "klaster": None, "label": t("Klaster"), "satuan": t("Satuan"),
                               "biaya": st.column_config.NumberColumn(t("Biaya satuan (Rp)"), min_value=0,
                                                                      step=50_000, format=fmt.format_sel())})
    a, b, c = st.columns([2, 1.3, 1.2])
    pilih = a.multiselect(t("Klaster yang akan didanai"), list(klaster.KUNCI), default=BAWAAN["klaster"],
                          format_func=klaster.label, placeholder=t("Pilih klaster"))
    dasar = b.radio(t("Kebutuhan yang dihitung"), ["belum", "tersisa"], format_func=LABEL_DASAR.get)
    anggaran = c.number_input(t("Anggaran mitra (Rp juta)"), min_value=0, value=BAWAAN["anggaran_juta"],
                              step=250) * 1_000_000
    c.caption(f"= {fmt.rupiah(anggaran)}")

kebutuhan = ui.kueri("kebutuhan_desa_klaster", **k.params)
kebutuhan = kebutuhan[kebutuhan["klaster"].isin(pilih)]
if kebutuhan.empty:
    st.info(t("Tidak ada kebutuhan terbuka untuk klaster terpilih di wilayah ini."))
    st.stop()
per_desa = kolaborasi.jangkauan(kolaborasi.hitung(kebutuhan, biaya, dasar), anggaran)

terjangkau = per_desa[per_desa["terjangkau"]]


def angka():
    kol = st.columns(3)
    kol[0].metric(t("Perkiraan biaya seluruh kebutuhan"), fmt.rupiah(per_desa["biaya"].sum()), border=True)
    kol[1].metric(t("Desa terjangkau anggaran"), t("{a} dari {b}", a=fmt.angka(len(terjangkau)),
                                                   b=fmt.angka(len(per_desa))), border=True)
    kol[2].metric(t("Keluarga terbantu"), fmt.angka(terjangkau["keluarga_dibantu"].sum()), border=True)
    if dinding_:
        st.markdown(asumsi)
    else:
        st.caption(t("Urutan: desa prioritas dulu, lalu kebutuhan terberat per 100 keluarga. Sebuah desa dihitung "
                     "terjangkau bila seluruh kebutuhannya (klaster terpilih) tertutup sisa anggaran; desa yang tidak "
                     "muat dilewati."))


# On the wall: the villages the budget reaches, at most three slides of them (the full list is outside it).
daftar = per_desa[per_desa["terjangkau"]].head(3 * dinding.BARIS_SLIDE) if dinding_ else per_desa
tabel = daftar.assign(
    desa=[d + (" ★" if p else "") for d, p in zip(daftar["desa"], daftar["prioritas"])],
    terjangkau=daftar["terjangkau"].map({True: t("ya"), False: ""}))[
    ["desa", "kecamatan", "keluarga_dibantu", "per_100", "biaya", "kumulatif", "terjangkau"]].rename(columns={
        "desa": t("Desa (★ prioritas)"), "kecamatan": t("Kecamatan"), "keluarga_dibantu": t("Keluarga"),
        "per_100": t("Per 100 keluarga"), "biaya": t("Perkiraan biaya"), "kumulatif": t("Anggaran terpakai"),
        "terjangkau": t("Terjangkau anggaran")})
if dinding_:
    tabel = tabel.drop(columns=[t("Terjangkau anggaran")])


def per_desa_tabel(bagian):
    ui.tabel(bagian, rupiah=(t("Perkiraan biaya"), t("Anggaran terpakai")), tinggi=460)
    ui.tautan_profil_desa(dict(zip(per_desa["kode"], per_desa["desa"])))


def biaya_tabel():
    ui.tabel(biaya.drop(columns=["klaster"]).rename(columns={"label": t("Klaster"), "satuan": t("Satuan"),
                                                             "biaya": t("Biaya satuan (Rp)")}),
             rupiah=(t("Biaya satuan (Rp)"),))


dinding.tampilkan(JUDUL, k, ui.pesan("kolaborasi", k, klaster=pilih, dasar=dasar, anggaran=anggaran, biaya=biaya), [
    dinding.Slide(angka, t("Biaya dan jangkauan") if dinding_ else ""),
    *dinding.slide_tabel(tabel, per_desa_tabel, t("Desa terjangkau anggaran") if dinding_ else ""),
    *([dinding.Slide(biaya_tabel, t("Biaya satuan"))] if dinding_ else []),
], "kolaborasi")


def berkas_kolaborasi() -> bytes:
    # Built only when the button is clicked, not on every rerun of the page; audited first (ui.akses.unduhan).
    rinci = kebutuhan.merge(biaya[["klaster", "biaya"]].rename(columns={"biaya": "biaya_satuan_rp"}), on="klaster")
    rinci["perkiraan_biaya_rp"] = rinci[dasar] * rinci["biaya_satuan_rp"]
    return ekspor.tabel_excel({
        t("per desa"): per_desa.rename(columns={"biaya": "perkiraan_biaya_rp", "kumulatif": "anggaran_terpakai_rp"}),
        t("per desa dan klaster"): rinci.drop(columns=["klaster"]),
        t("biaya satuan"): biaya.drop(columns=["klaster"]).rename(columns={"biaya": "biaya_satuan_rp"}),
    })


if not ui.presentasi() and ui.akses.boleh(u, "ekspor_agregat"):
    st.download_button(t("Unduh (Excel)"), ui.akses.unduhan(audit.EKSPOR, k.kode, {
                           "berkas": "peluang_kolaborasi", "tahun": k.tahun, "triwulan": k.triwulan},
                           berkas_kolaborasi),
                       file_name=f"peluang_kolaborasi_{k.kode}_{k.tahun}_tw{k.triwulan}.xlsx", icon=":material/download:",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
