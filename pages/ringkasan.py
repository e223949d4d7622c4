"""Ringkasan: the headline numbers of a region and the eight clusters' remaining gaps."""
import streamlit as st

from pke import charts, fmt
from pke.i18n import t
import ui
from ui import dinding

u = ui.izinkan("ringkasan")
k = ui.konteks()

kpi = ui.kueri("ringkasan_kpi", **k.params).set_index("periode")
ini, lalu = kpi.loc["ini"], kpi.loc["sebelumnya"]
banding = t("dibanding {periode}", periode=fmt.triwulan_singkat(lalu["tahun"], lalu["triwulan"]))


ada_lalu = lalu["keluarga"] > 0  # no snapshot before the first one: nothing to compare with


def metrik(kolom, label, nilai, delta, bantuan, delta_color="normal"):
    if not ada_lalu:
        delta = None
    arah = "auto"
    if delta is not None:
        if delta.startswith("±"):
            delta_color, arah = "off", "off"
        delta = f"{delta} {banding}"
    kolom.metric(label, nilai, delta=delta, delta_color=delta_color, delta_arrow=arah, help=bantuan, border=True)


def angka_utama():
    baris1 = st.columns(3)
    metrik(baris1[0], t("Keluarga P3KE"), fmt.angka(ini["keluarga"]), fmt.selisih(ini["keluarga"] - lalu["keluarga"]),
           t("Keluarga dalam data P3KE aktif (desil 1–4)."), "off")
    metrik(baris1[1], t("Individu P3KE"), fmt.angka(ini["individu"]), fmt.selisih(ini["individu"] - lalu["individu"]),
           t("Anggota keluarga P3KE, tanpa yang tercatat meninggal atau pindah."), "off")
    metrik(baris1[2], t("Keluarga desil 1"), fmt.angka(ini["keluarga_desil1"]),
           fmt.selisih(ini["keluarga_desil1"] - lalu["keluarga_desil1"]),
           t("Keluarga pada desil kesejahteraan 1 (paling miskin)."), "inverse")
    baris2 = st.columns(3)
    metrik(baris2[0], t("Desa prioritas"), fmt.angka(ini["desa_prioritas"]),
           fmt.selisih(ini["desa_prioritas"] - lalu["desa_prioritas"]),
           t("Desa/kelurahan lokus prioritas PKE tahun {tahun}.", tahun=k.tahun), "off")
    metrik(baris2[1], t("Keluarga dengan kebutuhan tersisa"), fmt.angka(ini["keluarga_berkebutuhan"]),
           fmt.selisih(ini["keluarga_berkebutuhan"] - lalu["keluarga_berkebutuhan"]),
           t("Keluarga yang masih punya sedikitnya satu kebutuhan layanan dasar yang belum tertutup pada akhir triwulan."),
           "inverse")
    metrik(baris2[2], t("Kebutuhan tertutup tahun ini"), fmt.persen(ini["persen_tertutup_tahun_ini"]),
           fmt.selisih_poin((ini["persen_tertutup_tahun_ini"] or 0) - (lalu["persen_tertutup_tahun_ini"] or 0))
           if lalu["tahun"] == ini["tahun"] else None,
           t("{tertutup} dari {awal} kebutuhan (keluarga × klaster) yang terbuka pada awal {tahun} telah selesai "
             "diintervensi.", tertutup=fmt.angka(ini["tertutup_tahun_ini"]), awal=fmt.angka(ini["kebutuhan_awal_tahun"]),
             tahun=k.tahun))

per_klaster = ui.kueri("kebutuhan_per_klaster", **k.params)


def per_klaster_grafik():
    if per_klaster["kebutuhan"].sum() == 0:
        st.info(t("Tidak ada kebutuhan tercatat untuk wilayah ini."))
        return
    dinding.grafik(charts.kebutuhan_tersisa_per_klaster(per_klaster))
    if not ui.presentasi():
        terbesar = per_klaster.sort_values("tersisa", ascending=False).iloc[0]
        st.markdown(t("**PR terbesar:** {klaster} — {n} keluarga belum tertangani ({p} sudah tertutup).",
                      klaster=terbesar["label"], n=fmt.angka(terbesar["tersisa"]),
                      p=fmt.persen(terbesar["persen_tertutup"])))


dinding.tampilkan(t("Ringkasan"), k, ui.pesan("ringkasan", k), [
    dinding.Slide(angka_utama, t("Angka utama") if ui.presentasi() else ""),
    dinding.Slide(per_klaster_grafik, t("Kebutuhan tersisa per klaster")),
], "ringkasan")
