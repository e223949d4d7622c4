"""Profil Desa: one village — on a small map within its kecamatan, priority status and basis, OPD pendamping,
households by desil, gaps per cluster and what has been done (by OPD and funding source), data-quality flags,
and how it compares with the other villages of its kecamatan."""
import pandas as pd
import streamlit as st

from pke import fmt, klaster, maps
from pke.i18n import t
import ui

u = ui.izinkan("desa")
k = ui.konteks()
if len(k.kode) != 13:
    ui.kepala_halaman(t("Profil desa"), k)
    st.info(t("Pilih satu desa/kelurahan di panel kiri (atau dari peta atau tabel desa) untuk melihat profilnya."))
    if len(k.kode) == 8:
        desa = ui.kueri("desa_sekecamatan", kode=k.kode, tahun=k.tahun, triwulan=k.triwulan)
        ui.tautan_profil_desa(dict(zip(desa["kode"], desa["nama"])), t("Desa/Kelurahan"))
    st.stop()

profil = ui.kueri("profil_desa", kode=k.kode, tahun=k.tahun).iloc[0]
jenis = t("Kelurahan") if profil["is_kelurahan"] else t("Desa")
st.title(f"{jenis} {fmt.aman(profil['nama'])}")
st.markdown(t("Kec. {nama}", nama=fmt.aman(profil["kecamatan"]))
            + f" · {fmt.aman(profil['kabupaten'])} · {fmt.aman(profil['provinsi'])} · {k.periode}")
ui.label_demo()

if profil["prioritas"]:
    st.success(t("**Desa prioritas PKE {tahun}** (sejak {sejak}). Dasar penetapan: {dasar}.", tahun=k.tahun,
                 sejak=profil["prioritas_sejak"], dasar=fmt.aman(profil["dasar_penetapan"])) + " "
               + (t("OPD pendamping: **{opd}**.", opd=fmt.aman(profil["opd_pendamping"])) if profil["opd_pendamping"]
                  else t("OPD pendamping belum ditetapkan.")))
else:
    st.info(t("Bukan desa prioritas PKE pada {tahun}.", tahun=k.tahun))

per_klaster = ui.kueri("kebutuhan_per_klaster", **k.params)
kol = st.columns(4)
kol[0].metric(t("Keluarga P3KE"), fmt.angka(profil["keluarga"]), border=True)
kol[1].metric(t("Individu P3KE"), fmt.angka(profil["individu"]), border=True)
kol[2].metric(t("Kebutuhan tersisa"), fmt.angka(per_klaster["tersisa"].sum()), border=True,
              help=t("Keluarga × klaster yang belum selesai diintervensi pada akhir triwulan."))
kol[3].metric(t("Kebutuhan tertutup"), fmt.persen(per_klaster["selesai"].sum() / max(per_klaster["kebutuhan"].sum(), 1)),
              border=True)

kiri, kanan = st.columns([1.1, 1])
with kiri:
    st.subheader(t("Letak di kecamatan"))
    terbesar = per_klaster.sort_values("tersisa", ascending=False).iloc[0]["klaster"]
    sekitar = ui.kueri("peta_wilayah", kode=profil["kode_kecamatan"], panjang=13, klaster=terbesar,
                       tahun=k.tahun, triwulan=k.triwulan)
    if profil["ada_batas"]:
        deck, leg = maps.peta_wilayah(sekitar, "tersisa_per_100",
                                      t("{klaster} per 100 keluarga", klaster=klaster.label(terbesar)),
                                      terpilih=k.kode, desimal=1, ukuran=(480, 360))
        st.pydeck_chart(deck, height=380)
        st.caption(t("Warna: {klaster} (PR terbesar desa ini) tersisa per 100 keluarga. Garis hitam: desa ini; "
                     "biru tua: desa prioritas.", klaster=klaster.label(terbesar).lower()))
    else:
        st.warning(t("Batas wilayah desa ini tidak tersedia, jadi letaknya tidak dapat digambar."))
with kanan:
    st.subheader(t("Keluarga per desil"))
    desil = ui.kueri("keluarga_per_desil", kode=k.kode)
    ui.tabel(desil.rename(columns={"desil": t("Desil"), "keluarga": t("Keluarga"), "individu": t("Individu")}))
    st.subheader(t("Masalah data"))
    masalah = {
        t("Individu belum padan Dukcapil"): profil["individu_tidak_padan"],
        t("Anggota tercatat meninggal"): profil["individu_meninggal"],
        t("Anggota tercatat pindah"): profil["individu_pindah"],
        t("Keluarga dengan NIK kepala ganda"): profil["keluarga_nik_ganda"],
        t("RTLH di P3KE, tidak ada di daftar Disperakim"): profil["rtlh_tidak_di_daftar"],
        t("Di daftar RTLH Disperakim, bukan RTLH di P3KE"): profil["daftar_bukan_rtlh"],
        t("Kebutuhan belum ditandai intervensi"): profil["kebutuhan_tanpa_intervensi"],
    }
    ui.tabel(pd.DataFrame({t("Masalah"): list(masalah), t("Jumlah"): list(masalah.values())}))

st.subheader(t("Kebutuhan per klaster dan penanganannya"))
ui.tabel(per_klaster[["label", "kebutuhan", "rencana", "proses", "selesai", "tersisa", "persen_tertutup"]].rename(
    columns={"label": t("Klaster"), "kebutuhan": t("Kebutuhan"), "rencana": t("Rencana"), "proses": t("Proses"),
             "selesai": t("Selesai"), "tersisa": t("Tersisa"), "persen_tertutup": t("% tertutup")}),
    persen=(t("% tertutup"),))
rinci = ui.kueri("intervensi_per_sumber", **k.params)
st.markdown("**" + t("Intervensi menurut OPD dan sumber dana") + "**")
if rinci.empty:
    st.info(t("Belum ada intervensi yang ditandai di desa ini."))
else:
    ui.tabel(rinci.rename(columns={"label_singkat": t("Klaster"), "opd": "OPD", "sumber_dana": t("Sumber dana"),
                                   "rencana": t("Rencana"), "proses": t("Proses"), "selesai": t("Selesai"),
                                   "nilai_rp_selesai": t("Nilai selesai")}), rupiah=(t("Nilai selesai"),))

st.subheader(t("Dibanding desa lain di Kec. {nama}", nama=fmt.aman(profil["kecamatan"])))
banding = ui.kueri("desa_sekecamatan", kode=profil["kode_kecamatan"], tahun=k.tahun, triwulan=k.triwulan)
urutan = list(banding["kode"]).index(k.kode) + 1 if k.kode in set(banding["kode"]) else None
if urutan:
    st.markdown(t("Peringkat **{urutan} dari {n}** desa menurut kebutuhan tersisa per 100 keluarga (1 = paling berat).",
                  urutan=urutan, n=len(banding)))
tampil = banding.assign(nama=[("▶ " if kd == k.kode else "") + n + (" ★" if p else "")
                              for kd, n, p in zip(banding["kode"], banding["nama"], banding["prioritas"])])
ui.tabel(tampil[["nama", "keluarga", "persen_desil1", "tersisa", "tersisa_per_100", "persen_tertutup"]].rename(
    columns={"nama": t("Desa (★ prioritas)"), "keluarga": t("Keluarga"), "persen_desil1": t("% desil 1"),
             "tersisa": t("Tersisa"), "tersisa_per_100": t("Tersisa per 100 keluarga"),
             "persen_tertutup": t("% tertutup")}),
    persen=(t("% desil 1"), t("% tertutup")))
ui.tautan_profil_desa({kd: n for kd, n in zip(banding["kode"], banding["nama"]) if kd != k.kode},
                      t("Buka profil desa lain"), kunci="profil_lain")
