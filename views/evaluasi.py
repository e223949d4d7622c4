"""Evaluasi Provinsi: the governor's view — every kabupaten/kota of the province ranked side by side, the
priority ones marked, each one's biggest remaining gap, the trend per quarter; a row opens that kabupaten."""
import streamlit as st

from pke import charts, fmt, progres, ui

k = ui.konteks()
ui.kepala_halaman("Evaluasi provinsi", k)

provinsi = k.kode[:2]
if not provinsi:
    st.info("Pilih provinsi di panel kiri.")
    st.stop()
if len(k.kode) > 2:
    st.caption(f"Menampilkan seluruh kabupaten/kota di {k.jalur[0][1]}; kabupaten terpilih ditandai.")

data = ui.kueri("evaluasi_kabupaten", kode=provinsi, tahun=k.tahun, triwulan=k.triwulan)
data["status"] = [progres.status(r, t).label for r, t in zip(data["realisasi_kumulatif"], data["target_kumulatif"])]
tabel = data.assign(
    nama=[("★ " if p else "") + n for n, p in zip(data["nama"], data["prioritas"])],
    pr=[f"{p} ({fmt.angka(n)})" if p else "–" for p, n in zip(data["pr_terbesar"], data["pr_terbesar_tersisa"])],
)[["nama", "keluarga_desil1", "persen_tertutup", "capaian_target", "status", "persen_tertandai", "pr"]].rename(
    columns={"nama": "Kabupaten/Kota", "keluarga_desil1": "Keluarga desil 1", "persen_tertutup": "% kebutuhan tertutup",
             "capaian_target": f"Capaian target s.d. TW {fmt.ROMAWI[k.triwulan]}", "status": "Status",
             "persen_tertandai": "% keluarga bertanda intervensi", "pr": "PR terbesar (keluarga tersisa)"})
st.markdown(f"**{len(data)} kabupaten/kota**, ★ = {int(data['prioritas'].sum())} kabupaten/kota prioritas provinsi. "
            "Klik kepala kolom untuk mengurutkan; pilih satu baris untuk membuka kabupaten itu.")
persen = ("% kebutuhan tertutup", f"Capaian target s.d. TW {fmt.ROMAWI[k.triwulan]}", "% keluarga bertanda intervensi")
gaya = (tabel.style.format({c: fmt.persen for c in persen} | {"Keluarga desil 1": fmt.angka}, na_rep="–")
        .map(lambda v: f"background-color: {progres.WARNA_STATUS.get(v, '')}", subset=["Status"]))
pilih = st.dataframe(gaya, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                     key="tabel_evaluasi", height=min(38 * (len(tabel) + 1) + 3, 720))
baris = pilih.selection.rows if pilih else []
if baris:
    ui.buka_wilayah(data.iloc[baris[0]]["kode"], "views/ringkasan.py")

st.subheader("Tren kebutuhan tertutup per triwulan")
tren = ui.kueri("tren_subwilayah", kode=provinsi)
prioritas = set(data.loc[data["prioritas"], "kode"])
st.plotly_chart(charts.tren_wilayah(tren, sorot=prioritas or None), width="stretch", config={"displayModeBar": False})
st.caption("Garis tebal berwarna: kabupaten/kota prioritas; klik nama di legenda untuk menyembunyikan atau menampilkan.")
