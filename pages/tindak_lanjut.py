"""Tindak Lanjut Rakor: the decisions of the coordination meetings — what, which OPD, by when, for which region and
cluster — and how far each has got (selesai / berjalan / terlambat). Analysts record them during or after a rakor;
the OPD concerned updates its own; the next rakor opens with this view as the slide "Tindak lanjut rakor lalu"
(pke.tindak_lanjut)."""
import datetime as dt

import streamlit as st

from pke import fmt, klaster, tindak_lanjut as tl
from pke.i18n import t
import ui
from ui import akses, dinding

u = ui.izinkan("tindak_lanjut")
k = ui.konteks()
con = akses.toko()
data = tl.daftar(con, k.kode, u.lingkup)
warna = tl.warna_status()
dinding_ = ui.presentasi()


def daftar_tabel(bagian):
    ui.tabel(bagian, gaya=lambda g: g.map(lambda v: f"background-color: {warna.get(v, '')}", subset=[t("Status")]))


if data.empty:
    slides = [dinding.Slide(lambda: st.info(t("Belum ada keputusan rakor yang dicatat untuk wilayah ini.")))]
else:
    # on the wall: no record numbers, no account names; a long list becomes several slides
    slides = dinding.slide_tabel(tl.tabel(data, dinding=dinding_), daftar_tabel)
# The counts "n selesai · n berjalan · n terlambat" are the view's key message.
dinding.tampilkan(t("Tindak lanjut rakor lalu") if dinding_ else t("Tindak lanjut rakor"), k,
                  tl.teks_ringkasan(data), slides, "tindak_lanjut")
if dinding_:
    st.stop()  # the wall gets the list only: no forms on a projector

st.caption(t("Keputusan rakor untuk wilayah ini dan wilayah di bawahnya. Selesai = ditandai selesai oleh OPD; "
             "terlambat = belum selesai dan tenggat sudah lewat; berjalan = belum selesai dan tenggat belum lewat."))
pesan = st.session_state.pop("_pesan_tindak_lanjut", None)
if pesan:
    st.success(pesan)


def pesan_lalu_ulang(teks: str) -> None:
    """Show `teks` after a rerun, so the list already shows the change."""
    st.session_state["_pesan_tindak_lanjut"] = teks
    st.rerun()


# ---------- an analyst records a decision ---------------------------------------------------------------------
if akses.boleh(u, tl.HAK_CATAT):
    st.subheader(t("Catat keputusan rakor"))
    hari_ini = tl.hari_ini_wib()
    anak = ui.kueri("wilayah_anak", induk=k.kode) if len(k.kode) < 13 else None
    nama_wilayah = {k.kode: k.nama}
    if anak is not None:
        nama_wilayah |= dict(zip(anak["kode"], anak["nama"]))
    with st.form("tl_catat", clear_on_submit=True):
        keputusan = st.text_area(t("Keputusan"), max_chars=tl.MAKS_KEPUTUSAN, key="tl_keputusan",
                                 placeholder=t("mis. Verifikasi ulang data jamban di desa prioritas"))
        a, b = st.columns(2)
        opd = a.selectbox("OPD", tl.daftar_opd(con, u.lingkup), key="tl_opd",
                          help=t("OPD yang melaksanakan; akun OPD itu dapat memperbarui statusnya."))
        kl = b.selectbox(t("Klaster"), ["", *klaster.KUNCI], key="tl_klaster",
                         format_func=lambda x: klaster.label(x) if x else t("— tidak khusus satu klaster —"))
        a, b, c = st.columns(3)
        kode = a.selectbox(t("Wilayah"), list(nama_wilayah), key="tl_wilayah", format_func=nama_wilayah.get)
        rakor = b.date_input(t("Tanggal rakor"), value=hari_ini, key="tl_rakor", format="DD/MM/YYYY")
        tenggat = c.date_input(t("Tenggat"), value=hari_ini + dt.timedelta(days=30), key="tl_tenggat",
                               format="DD/MM/YYYY")
        simpan = st.form_submit_button(t("Catat keputusan"), type="primary", key="tl_simpan")
    if simpan:
        try:
            id_ = tl.catat(con, u, kode, kl or None, keputusan, opd, tenggat, rakor)
        except tl.TindakLanjutError as e:
            st.error(fmt.aman(e))
        else:
            pesan_lalu_ulang(t("Keputusan #{id} dicatat.", id=id_))

# ---------- the OPD concerned (or an analyst) updates the status ------------------------------------------------
baris = data.to_dict("records")
bisa = {b["id"]: b for b in baris if tl.boleh_perbarui(u, b)}
if akses.boleh(u, tl.HAK_CATAT) or akses.boleh(u, tl.HAK_PERBARUI):
    st.subheader(t("Perbarui status"))
    if not bisa:
        if u.opd:
            st.info(t("Belum ada keputusan rakor untuk {opd} di wilayah ini.", opd=fmt.aman(u.opd)))
        else:
            st.info(t("Belum ada keputusan rakor untuk diperbarui di wilayah ini."))
    else:
        pilih = st.selectbox(t("Keputusan"), list(bisa), key="tl_pilih",
                             format_func=lambda i: tl.label_pilihan(bisa[i]))
        lama = bisa[pilih]
        with st.form(f"tl_perbarui_{pilih}"):
            status = st.radio(t("Status"), list(tl.STATUS_OPD), index=list(tl.STATUS_OPD).index(lama["status_opd"]),
                              format_func=tl.label_status, horizontal=True, key=f"tl_status_{pilih}")
            catatan = st.text_area(t("Catatan kemajuan"), value=lama["catatan"] or "", max_chars=tl.MAKS_CATATAN,
                                   key=f"tl_catatan_{pilih}",
                                   help=t("Tampil di layar rapat: tulis kemajuan, tanpa nama atau NIK warga."))
            kirim = st.form_submit_button(t("Simpan pembaruan"), type="primary", key="tl_kirim")
        if kirim:
            try:
                tl.perbarui(con, u, pilih, status, catatan)
            except tl.TindakLanjutError as e:
                st.error(fmt.aman(e))
            else:
                pesan_lalu_ulang(t("Tindak lanjut #{id} diperbarui.", id=pilih))
        with st.expander(t("Riwayat #{id}", id=pilih)):
            ui.tabel(tl.tabel_riwayat(tl.riwayat(con, pilih)))
        if akses.boleh(u, tl.HAK_CATAT):
            with st.expander(t("Batalkan keputusan #{id}", id=pilih)):
                with st.form(f"tl_batal_{pilih}"):
                    alasan = st.text_input(t("Alasan pembatalan"), max_chars=tl.MAKS_CATATAN, key=f"tl_alasan_{pilih}")
                    batal = st.form_submit_button(t("Batalkan"), key="tl_batal")
                if batal:
                    try:
                        tl.batalkan(con, u, pilih, alasan)
                    except tl.TindakLanjutError as e:
                        st.error(fmt.aman(e))
                    else:
                        pesan_lalu_ulang(t("Keputusan #{id} dibatalkan.", id=pilih))
