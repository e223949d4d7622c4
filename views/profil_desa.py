"""Profil Desa: one village — on a small map within its kecamatan, priority status and basis, OPD pendamping,
households by desil, gaps per cluster and what has been done (by OPD and funding source), data-quality flags,
and how it compares with the other villages of its kecamatan."""
import streamlit as st

from pke import fmt, klaster, maps, ui

k = ui.konteks()
if len(k.kode) != 13:
    ui.kepala_halaman("Profil desa", k)
    st.info("Pilih satu desa/kelurahan di panel kiri (atau dari peta atau tabel desa) untuk melihat profilnya.")
    if len(k.kode) == 8:
        desa = ui.kueri("desa_sekecamatan", kode=k.kode, tahun=k.tahun, triwulan=k.triwulan)
        ui.tautan_profil_desa(dict(zip(desa["kode"], desa["nama"])), "Desa/kelurahan")
    st.stop()

profil = ui.kueri("profil_desa", kode=k.kode, tahun=k.tahun).iloc[0]
jenis = "Kelurahan" if profil["is_kelurahan"] else "Desa"
st.title(f"{jenis} {profil['nama']}")
st.markdown(f"Kec. {profil['kecamatan']} · {profil['kabupaten']} · {profil['provinsi']} · {k.periode}")
ui.label_demo()

if profil["prioritas"]:
    st.success(f"**Desa prioritas PKE {k.tahun}** (sejak {profil['prioritas_sejak']}). Dasar penetapan: "
               f"{profil['dasar_penetapan']}." + (f" OPD pendamping: **{profil['opd_pendamping']}**."
                                                  if profil["opd_pendamping"] else " OPD pendamping belum ditetapkan."))
else:
    st.info(f"Bukan desa prioritas PKE pada {k.tahun}.")

per_klaster = ui.kueri("kebutuhan_per_klaster", **k.params)
kol = st.columns(4)
kol[0].metric("Keluarga P3KE", fmt.angka(profil["keluarga"]), border=True)
kol[1].metric("Individu P3KE", fmt.angka(profil["individu"]), border=True)
kol[2].metric("Kebutuhan tersisa", fmt.angka(per_klaster["tersisa"].sum()), border=True,
              help="Keluarga × klaster yang belum selesai diintervensi pada akhir triwulan.")
kol[3].metric("Kebutuhan tertutup", fmt.persen(per_klaster["selesai"].sum() / max(per_klaster["kebutuhan"].sum(), 1)),
              border=True)

kiri, kanan = st.columns([1.1, 1])
with kiri:
    st.subheader("Letak di kecamatan")
    terbesar = per_klaster.sort_values("tersisa", ascending=False).iloc[0]["klaster"]
    sekitar = ui.kueri("peta_wilayah", kode=profil["kode_kecamatan"], panjang=13, klaster=terbesar,
                       tahun=k.tahun, triwulan=k.triwulan)
    if profil["ada_batas"]:
        deck, leg = maps.peta_wilayah(sekitar, "tersisa_per_100", f"{klaster.label(terbesar)} per 100 keluarga",
                                      terpilih=k.kode, desimal=1, ukuran=(480, 360))
        st.pydeck_chart(deck, height=380)
        st.caption(f"Warna: {klaster.label(terbesar).lower()} (PR terbesar desa ini) tersisa per 100 keluarga. "
                   "Garis hitam: desa ini; biru tua: desa prioritas.")
    else:
        st.warning("Batas wilayah desa ini tidak tersedia, jadi letaknya tidak dapat digambar.")
with kanan:
    st.subheader("Keluarga per desil")
    desil = ui.kueri("keluarga_per_desil", kode=k.kode)
    ui.tabel(desil.rename(columns={"desil": "Desil", "keluarga": "Keluarga", "individu": "Individu"}))
    st.subheader("Masalah data")
    masalah = {
        "Individu belum padan Dukcapil": profil["individu_tidak_padan"],
        "Anggota tercatat meninggal": profil["individu_meninggal"],
        "Anggota tercatat pindah": profil["individu_pindah"],
        "Keluarga dengan NIK kepala ganda": profil["keluarga_nik_ganda"],
        "RTLH di P3KE, tidak ada di daftar Disperakim": profil["rtlh_tidak_di_daftar"],
        "Di daftar RTLH Disperakim, bukan RTLH di P3KE": profil["daftar_bukan_rtlh"],
        "Kebutuhan belum ditandai intervensi": profil["kebutuhan_tanpa_intervensi"],
    }
    ui.tabel(__import__("pandas").DataFrame({"Masalah": list(masalah), "Jumlah": list(masalah.values())}))

st.subheader("Kebutuhan per klaster dan penanganannya")
ui.tabel(per_klaster[["label", "kebutuhan", "rencana", "proses", "selesai", "tersisa", "persen_tertutup"]].rename(
    columns={"label": "Klaster", "kebutuhan": "Kebutuhan", "rencana": "Rencana", "proses": "Proses",
             "selesai": "Selesai", "tersisa": "Tersisa", "persen_tertutup": "% tertutup"}), persen=("% tertutup",))
rinci = ui.kueri("intervensi_per_sumber", **k.params)
st.markdown("**Intervensi menurut OPD dan sumber dana**")
if rinci.empty:
    st.info("Belum ada intervensi yang ditandai di desa ini.")
else:
    ui.tabel(rinci.rename(columns={"klaster": "Klaster", "opd": "OPD", "sumber_dana": "Sumber dana",
                                   "rencana": "Rencana", "proses": "Proses", "selesai": "Selesai",
                                   "nilai_rp_selesai": "Nilai selesai"}), rupiah=("Nilai selesai",))

st.subheader(f"Dibanding desa lain di Kec. {profil['kecamatan']}")
banding = ui.kueri("desa_sekecamatan", kode=profil["kode_kecamatan"], tahun=k.tahun, triwulan=k.triwulan)
urutan = list(banding["kode"]).index(k.kode) + 1 if k.kode in set(banding["kode"]) else None
if urutan:
    st.markdown(f"Peringkat **{urutan} dari {len(banding)}** desa menurut kebutuhan tersisa per 100 keluarga "
                "(1 = paling berat).")
tampil = banding.assign(nama=[("▶ " if kd == k.kode else "") + n + (" ★" if p else "")
                              for kd, n, p in zip(banding["kode"], banding["nama"], banding["prioritas"])])
ui.tabel(tampil[["nama", "keluarga", "persen_desil1", "tersisa", "tersisa_per_100", "persen_tertutup"]].rename(
    columns={"nama": "Desa (★ prioritas)", "keluarga": "Keluarga", "persen_desil1": "% desil 1", "tersisa": "Tersisa",
             "tersisa_per_100": "Tersisa per 100 keluarga", "persen_tertutup": "% tertutup"}),
    persen=("% desil 1", "% tertutup"))
ui.tautan_profil_desa({kd: n for kd, n in zip(banding["kode"], banding["nama"]) if kd != k.kode},
                      "Buka profil desa lain")
