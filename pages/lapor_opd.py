"""Laporan OPD: each quarter an OPD reports, per village and cluster, the households its programmes reached (with
programme, funding source and value): it saves a draft, edits it, submits it; a Bappeda analyst approves it or
returns it with a comment. Only approved reports count in the dashboard's figures. Everyone who may open the view
sees which OPDs have reported the selected quarter, against the deadline (pke.lapor)."""
import pandas as pd
import streamlit as st

from pke import fmt, klaster, lapor
from pke.i18n import t
import ui
from ui import akses

u = ui.izinkan("lapor_opd")
k = ui.konteks()
ui.kepala_halaman(t("Laporan OPD"), k)
con = akses.toko()

pesan = st.session_state.pop("_pesan_lapor", None)
if pesan:
    st.success(pesan)

# ---------- who has reported the selected quarter --------------------------------------------------------------
st.subheader(t("Status pelaporan {periode}", periode=k.periode))
batas = lapor.tenggat(k.tahun, k.triwulan)
status = lapor.status_lapor(con, k.kode, k.tahun, k.triwulan)
wajib = status[status["wajib"]]
st.markdown(t("Tenggat {periode}: **{tanggal}**", periode=k.periode, tanggal=fmt.tanggal(batas)))
st.caption(lapor.aturan_tenggat())
a, b = st.columns(2)
a.metric(t("OPD sudah lapor"), t("{n} dari {total}", n=fmt.angka(int(wajib["sudah"].sum())),
                                  total=fmt.angka(len(wajib))))
b.metric(t("Keluarga terjangkau (laporan disetujui)"), fmt.angka(int(status["keluarga_disetujui"].sum())))
warna = lapor.warna_status()
ui.tabel(lapor.tabel_status(status),
         gaya=lambda g: g.map(lambda v: f"background-color: {warna.get(v, '')}", subset=[t("Status")]))

if ui.presentasi():
    st.stop()  # the wall gets the status only: no forms on a projector


def pesan_lalu_ulang(teks: str) -> None:
    """Show `teks` after a rerun, so every table on the page already shows the change."""
    st.session_state["_pesan_lapor"] = teks
    st.rerun()


def pilih_desa(kunci: str, awal: str | None = None) -> str | None:
    """Kecamatan then desa (or further down from a wider scope), limited to the user's region, through the same
    query as the sidebar. `awal` preselects a village (when editing a report)."""
    induk = u.lingkup or ""
    kolom = st.columns(max(1, sum(1 for panjang in (2, 5, 8, 13) if panjang > len(induk))))
    i = 0
    while len(induk) < 13:
        opsi = ui.kueri("wilayah_anak", induk=induk)
        if opsi.empty:
            return None
        nama = dict(zip(opsi["kode"], opsi["nama"]))
        kunci_tingkat = f"{kunci}_{len(induk)}"
        pilihan = list(opsi["kode"])
        if awal:
            calon = awal[:len(pilihan[0])]
            if calon in pilihan and st.session_state.get(f"{kunci}_awal_{len(induk)}") != awal:
                st.session_state[kunci_tingkat] = calon
                st.session_state[f"{kunci}_awal_{len(induk)}"] = awal
        if st.session_state.get(kunci_tingkat) not in pilihan:
            st.session_state[kunci_tingkat] = pilihan[0]
        tingkat = opsi["tingkat"].iloc[0]
        induk = kolom[min(i, len(kolom) - 1)].selectbox(t(ui.TINGKAT_LABEL[tingkat]), pilihan, key=kunci_tingkat,
                                                         format_func=lambda x, n=nama: n.get(x, x))
        i += 1
    return induk


def isian(kunci: str, lama=None) -> dict:
    """The report's fields other than the village, inside a form; `lama` (a report row) fills them in."""
    tahun_opsi = sorted(set(ui.kueri("periode")["tahun"].tolist()) | {k.tahun}, reverse=True)
    a, b, c = st.columns(3)
    kl = a.selectbox(t("Klaster"), list(klaster.KUNCI), key=f"{kunci}_klaster", format_func=klaster.label,
                     index=list(klaster.KUNCI).index(lama["klaster"]) if lama is not None else 0)
    tahun = b.selectbox(t("Tahun"), tahun_opsi, key=f"{kunci}_tahun",
                        index=tahun_opsi.index(lama["tahun"] if lama is not None and lama["tahun"] in tahun_opsi
                                               else k.tahun))
    tw = c.selectbox(t("Triwulan"), [1, 2, 3, 4], key=f"{kunci}_tw",
                     index=(int(lama["triwulan"]) if lama is not None else k.triwulan) - 1,
                     format_func=lambda x: t("Triwulan {tw}", tw=fmt.ROMAWI[x]))
    a, b, c = st.columns(3)
    keluarga = a.number_input(t("Keluarga terjangkau"), min_value=0, max_value=lapor.MAKS_KELUARGA, step=1,
                              value=int(lama["keluarga_terjangkau"]) if lama is not None else None,
                              key=f"{kunci}_keluarga", help=t("Keluarga yang dijangkau program dalam triwulan ini."))
    sumber_opsi = ["", *lapor.SUMBER_DANA]
    sumber = b.selectbox(t("Sumber dana"), sumber_opsi, key=f"{kunci}_sumber",
                         index=sumber_opsi.index(lama["sumber_dana"]) if lama is not None
                         and lama["sumber_dana"] in sumber_opsi else 0,
                         format_func=lambda x: x or t("— tidak disebut —"))
    nilai = c.number_input(t("Nilai (Rp)"), min_value=0, step=1_000_000, key=f"{kunci}_nilai",
                           value=int(lama["nilai_rp"]) if lama is not None and not pd.isna(lama["nilai_rp"]) else None,
                           help=t("Opsional: nilai bantuan atau kegiatan dalam rupiah."))
    program = st.text_input(t("Program"), max_chars=lapor.MAKS_TEKS, key=f"{kunci}_program",
                            value=lama["program"] if lama is not None and not pd.isna(lama["program"]) else "",
                            placeholder=", ".join(p[0] for p in klaster.PROGRAM["rtlh"][:2]))
    return {"klaster": kl, "tahun": tahun, "triwulan": tw, "keluarga_terjangkau": keluarga, "program": program,
            "sumber_dana": sumber or None, "nilai_rp": nilai}


# ---------- an OPD: write, edit and submit its own reports -------------------------------------------------------
if akses.boleh(u, lapor.HAK_LAPOR):
    st.subheader(t("Laporan {opd}", opd=fmt.aman(u.opd or "–")))
    if not u.opd:
        st.warning(t("Akun Anda belum mencantumkan nama OPD; minta administrator melengkapinya."))
    else:
        with st.expander(t("Buat laporan baru"), expanded=True):
            desa = pilih_desa("baru")
            with st.form("lapor_baru", clear_on_submit=True):
                isi = isian("baru")
                simpan = st.form_submit_button(t("Simpan draf"), type="primary", key="lapor_simpan")
            if simpan:
                try:
                    id_ = lapor.buat_draf(con, u, desa, **isi)
                except lapor.LaporError as e:
                    st.error(fmt.aman(e))
                else:
                    pesan_lalu_ulang(t("Draf laporan #{id} disimpan. Periksa lagi, lalu ajukan.", id=id_))

        milik = lapor.daftar(con, u.lingkup, opd=u.opd)
        if milik.empty:
            st.info(t("Belum ada laporan {opd}.", opd=fmt.aman(u.opd)))
        else:
            st.markdown(t("**Semua laporan {opd}**, terbaru di atas.", opd=fmt.aman(u.opd)))
            ui.tabel(lapor.tabel_laporan(milik), rupiah=(t("Nilai (Rp)"),))
            terbuka = milik[milik["status"].isin(lapor.DAPAT_DIUBAH)].set_index("id", drop=False)
            if terbuka.empty:
                st.caption(t("Tidak ada draf atau laporan yang dikembalikan untuk diubah atau diajukan."))
            else:
                pilih = st.selectbox(t("Draf atau laporan yang dikembalikan"), list(terbuka.index), key="lapor_pilih",
                                     format_func=lambda i: lapor.label_laporan(terbuka.loc[i]))
                lama = terbuka.loc[pilih]
                if lama["status"] == lapor.DIKEMBALIKAN:
                    st.warning(t("Dikembalikan oleh {oleh}: {komentar}", oleh=fmt.aman(lama["diputus_oleh"]),
                                 komentar=fmt.aman(lama["komentar"])))
                if st.button(t("Ajukan laporan #{id}", id=pilih), type="primary", key="lapor_ajukan"):
                    try:
                        lapor.ajukan(con, u, pilih)
                    except lapor.LaporError as e:
                        st.error(fmt.aman(e))
                    else:
                        pesan_lalu_ulang(t("Laporan #{id} diajukan ke analis Bappeda.", id=pilih))
                with st.expander(t("Ubah laporan #{id}", id=pilih)):
                    desa_ubah = pilih_desa(f"ubah{pilih}", awal=lama["kode_desa"])
                    with st.form(f"lapor_ubah_{pilih}"):
                        isi = isian(f"ubah{pilih}", lama)
                        ubah = st.form_submit_button(t("Simpan perubahan"), key="lapor_simpan_ubah")
                    if ubah:
                        try:
                            lapor.ubah_draf(con, u, pilih, kode_desa=desa_ubah, **isi)
                        except lapor.LaporError as e:
                            st.error(fmt.aman(e))
                        else:
                            pesan_lalu_ulang(t("Laporan #{id} diubah.", id=pilih))

# ---------- an analyst: approve or return what was submitted ----------------------------------------------------
if akses.boleh(u, lapor.HAK_SETUJUI):
    st.subheader(t("Menunggu persetujuan"))
    menunggu = lapor.daftar(con, u.lingkup, status=lapor.DIAJUKAN).set_index("id", drop=False)
    if menunggu.empty:
        st.info(t("Tidak ada laporan yang menunggu persetujuan di wilayah kerja Anda."))
    else:
        st.caption(t("Laporan yang diajukan OPD di wilayah kerja Anda, semua triwulan. Hanya laporan yang disetujui "
                     "yang dihitung dalam angka dasbor; laporan yang dikembalikan wajib diberi alasan."))
        ui.tabel(lapor.tabel_laporan(menunggu), rupiah=(t("Nilai (Rp)"),))
        with st.form("lapor_putus", clear_on_submit=True):
            pilih = st.selectbox(t("Laporan"), list(menunggu.index), key="putus_pilih",
                                 format_func=lambda i: lapor.label_laporan(menunggu.loc[i]))
            komentar = st.text_area(t("Komentar (wajib bila dikembalikan)"), max_chars=lapor.MAKS_KOMENTAR,
                                    key="putus_komentar")
            a, b = st.columns(2)
            setuju = a.form_submit_button(t("Setujui"), type="primary", key="putus_setujui")
            kembali = b.form_submit_button(t("Kembalikan"), key="putus_kembalikan")
        if setuju or kembali:
            try:
                if setuju:
                    lapor.setujui(con, u, pilih, komentar)
                else:
                    lapor.kembalikan(con, u, pilih, komentar)
            except lapor.LaporError as e:
                st.error(fmt.aman(e))
            else:
                pesan_lalu_ulang(t("Laporan #{id} disetujui.", id=pilih) if setuju
                                 else t("Laporan #{id} dikembalikan ke OPD.", id=pilih))

    st.subheader(t("Laporan {periode}", periode=k.periode))
    semua = lapor.daftar(con, k.kode, tahun=k.tahun, triwulan=k.triwulan,
                         status=(lapor.DIAJUKAN, lapor.DISETUJUI, lapor.DIKEMBALIKAN))
    if semua.empty:
        st.info(t("Belum ada laporan yang diajukan untuk wilayah dan triwulan ini."))
    else:
        ui.tabel(lapor.tabel_laporan(semua), rupiah=(t("Nilai (Rp)"),))
