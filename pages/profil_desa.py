"""Profil Desa: one village — on a small map within its kecamatan, priority status and basis, OPD pendamping,
households by desil, gaps per cluster and what has been done (by OPD and funding source), data-quality flags,
and how it compares with the other villages of its kecamatan."""
import pandas as pd
import streamlit as st

from pke import fmt, klaster, maps
from pke.i18n import t
import ui
from ui import dinding

u = ui.izinkan("desa")
k = ui.konteks()
if len(k.kode) != 13:
    ui.kepala_halaman(t("Profil desa"), k)
    if ui.presentasi():  # the side panel is hidden on the wall: the presenter picks the village here
        desa = ui.kueri("desa_pilihan", kode=k.kode, tahun=k.tahun)
        label = {kd: f"{'★ ' if p else ''}{n} · {t('Kec. {nama}', nama=kc)}"
                 for kd, n, kc, p in desa[["kode", "nama", "kecamatan", "prioritas"]].itertuples(index=False)}
        pilih = st.selectbox(t("Pilih desa (★ desa prioritas)"), [""] + list(label),
                             format_func=lambda x: label[x] if x else t("— pilih desa —"), key="desa_dinding")
        if pilih:
            ui.buka_wilayah(pilih, "pages/profil_desa.py")
        st.stop()
    st.info(t("Pilih satu desa/kelurahan di panel kiri (atau dari peta atau tabel desa) untuk melihat profilnya."))
    if len(k.kode) == 8:
        desa = ui.kueri("desa_sekecamatan", kode=k.kode, tahun=k.tahun, triwulan=k.triwulan)
        ui.tautan_profil_desa(dict(zip(desa["kode"], desa["nama"])), t("Desa/Kelurahan"))
    st.stop()

profil = ui.kueri("profil_desa", kode=k.kode, tahun=k.tahun).iloc[0]
jenis = t("Kelurahan") if profil["is_kelurahan"] else t("Desa")
dinding_ = ui.presentasi()
per_klaster = ui.kueri("kebutuhan_per_klaster", **k.params)
terbesar = ui.klaster_terbesar(k)  # the same cluster the key message and the report name


def status_prioritas():
    if profil["prioritas"]:
        st.success(t("**Desa prioritas PKE {tahun}** (sejak {sejak}). Dasar penetapan: {dasar}.", tahun=k.tahun,
                     sejak=profil["prioritas_sejak"], dasar=fmt.aman(profil["dasar_penetapan"])) + " "
                   + (t("OPD pendamping: **{opd}**.", opd=fmt.aman(profil["opd_pendamping"]))
                      if profil["opd_pendamping"] else t("OPD pendamping belum ditetapkan.")))
    else:
        st.info(t("Bukan desa prioritas PKE pada {tahun}.", tahun=k.tahun))


def angka(kolom):
    kolom[0].metric(t("Keluarga P3KE"), fmt.angka(profil["keluarga"]), border=True)
    kolom[1].metric(t("Individu P3KE"), fmt.angka(profil["individu"]), border=True)
    kolom[2].metric(t("Kebutuhan tersisa"), fmt.angka(per_klaster["tersisa"].sum()), border=True,
                    help=t("Keluarga × klaster yang belum selesai diintervensi pada akhir triwulan."))
    kolom[3].metric(t("Kebutuhan tertutup"),
                    fmt.persen(per_klaster["selesai"].sum() / max(per_klaster["kebutuhan"].sum(), 1)), border=True)


def peta_desa():
    sekitar = ui.kueri("peta_wilayah", kode=profil["kode_kecamatan"], panjang=13, klaster=terbesar,
                       tahun=k.tahun, triwulan=k.triwulan)
    if not profil["ada_batas"]:
        st.warning(t("Batas wilayah desa ini tidak tersedia, jadi letaknya tidak dapat digambar."))
        return
    deck, leg = maps.peta_wilayah(sekitar, "tersisa_per_100",
                                  t("{klaster} per 100 keluarga", klaster=klaster.label(terbesar)),
                                  terpilih=k.kode, desimal=1, ukuran=(480, 360))
    # A click on another village opens its profile (on the wall too); the map's key changes after each click, so
    # the next village's map starts with nothing selected.
    n_klik = st.session_state.get("_peta_klik", 0)
    event = st.pydeck_chart(deck, height="stretch" if dinding_ else 380, on_select="rerun",
                            selection_mode="single-object", key=f"desa_pdk_{n_klik}")
    dipilih = (event.selection.objects or {}).get("wilayah", []) if event else []
    kode_klik = dipilih[0].get("kode") if dipilih else None
    if kode_klik in set(sekitar["kode"]) and kode_klik != k.kode:
        st.session_state["_peta_klik"] = n_klik + 1
        ui.buka_wilayah(kode_klik, "pages/profil_desa.py")  # keeps the language, the wall and a slideshow
    if not dinding_:
        st.caption(t("Warna: {klaster} (PR terbesar desa ini) tersisa per 100 keluarga. Garis putih bertepi hitam: "
                     "desa ini; biru muda bertepi hitam: desa prioritas. Klik desa lain untuk membuka profilnya.",
                     klaster=klaster.label(terbesar).lower()))


def sekilas():
    """On the wall: the village on its kecamatan's map beside its status and figures."""
    kiri, kanan = st.columns([1.5, 1], gap="medium")
    with kiri:
        peta_desa()
    with kanan:
        status_prioritas()
        a, b = st.columns(2)
        c, d = st.columns(2)
        angka([a, b, c, d])


def desil_dan_masalah():
    kiri, kanan = st.columns([1, 1.4])
    with kiri:
        st.markdown("**" + t("Keluarga per desil") + "**")
        desil = ui.kueri("keluarga_per_desil", kode=k.kode)
        ui.tabel(desil.rename(columns={"desil": t("Desil"), "keluarga": t("Keluarga"), "individu": t("Individu")}))
    with kanan:
        st.markdown("**" + t("Masalah data") + "**")
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


def kebutuhan():
    label = "label_singkat" if dinding_ else "label"
    ui.tabel(per_klaster[[label, "kebutuhan", "rencana", "proses", "selesai", "tersisa", "persen_tertutup"]].rename(
        columns={label: t("Klaster"), "kebutuhan": t("Kebutuhan"), "rencana": t("Rencana"), "proses": t("Proses"),
                 "selesai": t("Selesai"), "tersisa": t("Tersisa"), "persen_tertutup": t("% tertutup")}),
        persen=(t("% tertutup"),))


rinci = ui.kueri("intervensi_per_sumber", **k.params)
tabel_rinci = rinci.rename(columns={"label_singkat": t("Klaster"), "opd": "OPD", "sumber_dana": t("Sumber dana"),
                                    "rencana": t("Rencana"), "proses": t("Proses"), "selesai": t("Selesai"),
                                    "nilai_rp_selesai": t("Nilai selesai")})


def intervensi(bagian):
    if bagian.empty:
        st.info(t("Belum ada intervensi yang ditandai di desa ini."))
    else:
        ui.tabel(bagian, rupiah=(t("Nilai selesai"),))


banding = ui.kueri("desa_sekecamatan", kode=profil["kode_kecamatan"], tahun=k.tahun, triwulan=k.triwulan)
urutan = list(banding["kode"]).index(k.kode) + 1 if k.kode in set(banding["kode"]) else None
tampil = banding.assign(nama=[("▶ " if kd == k.kode else "") + n + (" ★" if p else "")
                              for kd, n, p in zip(banding["kode"], banding["nama"], banding["prioritas"])])
tampil = tampil[["nama", "keluarga", "persen_desil1", "tersisa", "tersisa_per_100", "persen_tertutup"]].rename(
    columns={"nama": t("Desa (★ prioritas)"), "keluarga": t("Keluarga"), "persen_desil1": t("% desil 1"),
             "tersisa": t("Tersisa"), "tersisa_per_100": t("Tersisa per 100 keluarga"),
             "persen_tertutup": t("% tertutup")})
pesan_banding = (t("Peringkat {urutan} dari {n} desa menurut kebutuhan tersisa per 100 keluarga (1 = paling berat).",
                   urutan=urutan, n=len(banding)) if urutan else None)


def banding_tabel(bagian):
    if pesan_banding and not dinding_:
        st.markdown(pesan_banding)
    ui.tabel(bagian, persen=(t("% desil 1"), t("% tertutup")))
    if not dinding_:
        ui.tautan_profil_desa({kd: n for kd, n in zip(banding["kode"], banding["nama"]) if kd != k.kode},
                              t("Buka profil desa lain"), kunci="profil_lain")


def normal():
    """Outside presentation mode: the whole profile on one page."""
    status_prioritas()
    angka(st.columns(4))
    kiri, kanan = st.columns([1.1, 1])
    with kiri:
        st.subheader(t("Letak di kecamatan"))
        peta_desa()
    with kanan:
        desil_dan_masalah()
    st.subheader(t("Kebutuhan per klaster dan penanganannya"))
    kebutuhan()
    st.markdown("**" + t("Intervensi menurut OPD dan sumber dana") + "**")
    intervensi(tabel_rinci)
    st.subheader(t("Dibanding desa lain di Kec. {nama}", nama=fmt.aman(profil["kecamatan"])))
    banding_tabel(tampil)


judul = f"{jenis} {profil['nama']}"
if not dinding_:
    st.title(f"{jenis} {fmt.aman(profil['nama'])}")
    st.markdown(t("Kec. {nama}", nama=fmt.aman(profil["kecamatan"]))
                + f" · {fmt.aman(profil['kabupaten'])} · {fmt.aman(profil['provinsi'])} · {k.periode}")
    ui.label_demo()
    st.markdown(f'<div class="pke-pesan">{fmt.html_aman(ui.pesan("desa", k))}</div>', unsafe_allow_html=True)
    normal()
else:
    dinding.tampilkan(judul, k, ui.pesan("desa", k), [
        dinding.Slide(sekilas, t("Letak di kecamatan")),
        dinding.Slide(kebutuhan, t("Kebutuhan per klaster dan penanganannya")),
        *dinding.slide_tabel(tabel_rinci, intervensi, t("Intervensi menurut OPD dan sumber dana")),
        *dinding.slide_tabel(tampil, banding_tabel, t("Dibanding desa lain di Kec. {nama}", nama=profil["kecamatan"]),
                             pesan=pesan_banding),
        dinding.Slide(desil_dan_masalah, t("Keluarga per desil") + " · " + t("Masalah data")),
    ], "desa")
