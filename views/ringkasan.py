"""Ringkasan: the headline numbers of a region and the eight clusters' remaining gaps."""
import streamlit as st

from pke import charts, fmt, ui

k = ui.konteks()
ui.kepala_halaman("Ringkasan", k)

kpi = ui.kueri("ringkasan_kpi", **k.params).set_index("periode")
ini, lalu = kpi.loc["ini"], kpi.loc["sebelumnya"]
banding = f"dibanding {fmt.triwulan_singkat(lalu['tahun'], lalu['triwulan'])}"


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


baris1 = st.columns(3)
metrik(baris1[0], "Keluarga P3KE", fmt.angka(ini["keluarga"]), fmt.selisih(ini["keluarga"] - lalu["keluarga"]),
       "Keluarga dalam data P3KE aktif (desil 1–4).", "off")
metrik(baris1[1], "Individu P3KE", fmt.angka(ini["individu"]), fmt.selisih(ini["individu"] - lalu["individu"]),
       "Anggota keluarga P3KE, tanpa yang tercatat meninggal atau pindah.", "off")
metrik(baris1[2], "Keluarga desil 1", fmt.angka(ini["keluarga_desil1"]),
       fmt.selisih(ini["keluarga_desil1"] - lalu["keluarga_desil1"]),
       "Keluarga pada desil kesejahteraan 1 (paling miskin).", "inverse")
baris2 = st.columns(3)
metrik(baris2[0], "Desa prioritas", fmt.angka(ini["desa_prioritas"]),
       fmt.selisih(ini["desa_prioritas"] - lalu["desa_prioritas"]),
       f"Desa/kelurahan lokus prioritas PKE tahun {k.tahun}.", "off")
metrik(baris2[1], "Keluarga dengan kebutuhan tersisa", fmt.angka(ini["keluarga_berkebutuhan"]),
       fmt.selisih(ini["keluarga_berkebutuhan"] - lalu["keluarga_berkebutuhan"]),
       "Keluarga yang masih punya sedikitnya satu kebutuhan layanan dasar yang belum tertutup "
       "pada akhir triwulan.", "inverse")
metrik(baris2[2], "Kebutuhan tertutup tahun ini", fmt.persen(ini["persen_tertutup_tahun_ini"]),
       fmt.selisih_poin((ini["persen_tertutup_tahun_ini"] or 0) - (lalu["persen_tertutup_tahun_ini"] or 0))
       if lalu["tahun"] == ini["tahun"] else None,
       f"{fmt.angka(ini['tertutup_tahun_ini'])} dari {fmt.angka(ini['kebutuhan_awal_tahun'])} kebutuhan "
       f"(keluarga × klaster) yang terbuka pada awal {k.tahun} telah selesai diintervensi.")

st.subheader("Kebutuhan tersisa per klaster")
per_klaster = ui.kueri("kebutuhan_per_klaster", **k.params)
if per_klaster["kebutuhan"].sum() == 0:
    st.info("Tidak ada kebutuhan tercatat untuk wilayah ini.")
else:
    st.plotly_chart(charts.kebutuhan_tersisa_per_klaster(per_klaster), width="stretch",
                    config={"displayModeBar": False})
    terbesar = per_klaster.sort_values("tersisa", ascending=False).iloc[0]
    st.markdown(f"**PR terbesar:** {terbesar['label']} — {fmt.angka(terbesar['tersisa'])} keluarga belum "
                f"tertangani ({fmt.persen(terbesar['persen_tertutup'])} sudah tertutup).")
