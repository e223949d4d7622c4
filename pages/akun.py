"""Akun Pengguna (administrators): the accounts inside the administrator's region, adding one (only inside that
region), deactivating one, setting a new password, and whether aggregate views open without login."""
import pandas as pd
import streamlit as st

from pke import akun, fmt, operasional
from pke.i18n import t
import ui
from ui import akses

u = ui.izinkan("akun")
st.title(t("Akun pengguna"))
ui.tolak_data_pribadi_saat_presentasi(t("Akun pengguna"))
con = akses.toko()

daftar = pd.DataFrame(akun.daftar(con, u.lingkup))
st.markdown(t("Akun di wilayah kerja Anda ({wilayah}). Administrator hanya dapat membuat akun di dalam wilayahnya.",
              wilayah=t("Nasional") if u.wilayah == akun.NASIONAL else u.wilayah))
if not daftar.empty:
    ui.tabel(pd.DataFrame({
        t("Nama pengguna"): daftar["nama"], t("Peran"): [t(akun.LABEL_PERAN.get(p, p)) for p in daftar["peran"]],
        t("Wilayah"): daftar["wilayah"], "OPD": daftar["opd"].fillna(""), "E-mail": daftar["email"].fillna(""),
        t("Aktif"): [t("ya") if a else t("tidak") for a in daftar["aktif"]],
        t("Demo"): [t("ya") if d else "" for d in daftar["demo"]],
        t("Dibuat pada"): daftar["dibuat_pada"], t("Dibuat oleh"): daftar["dibuat_oleh"].fillna(""),
    }))

tambah, ubah, atur = st.tabs([t("Tambah akun"), t("Nonaktifkan / ganti kata sandi"), t("Akses publik")])
with tambah, st.form("akun_tambah", clear_on_submit=True):
    a, b = st.columns(2)
    nama = a.text_input(t("Nama pengguna"), max_chars=32, help=t("3–32 huruf kecil, angka, titik, garis bawah atau "
                                                                  "tanda hubung."))
    peran = b.selectbox(t("Peran"), list(akun.PERAN), format_func=lambda p: t(akun.LABEL_PERAN[p]))
    wilayah = a.text_input(t("Kode wilayah"), value=u.wilayah if u.wilayah != akun.NASIONAL else "",
                           max_chars=13, help=t("Kode Kemendagri, mis. 33.15 (kabupaten) atau 33.15.01 "
                                               "(kecamatan); \"nasional\" untuk seluruh Indonesia."))
    opd = b.text_input(t("OPD (untuk peran OPD)"), max_chars=80)
    email = a.text_input(t("E-mail (untuk SSO, opsional)"), max_chars=120)
    sandi = b.text_input(t("Kata sandi awal"), type="password", max_chars=akun.SANDI_MAKS,
                         help=t("Minimal {n} karakter; sampaikan kepada pemilik akun lewat jalur aman.",
                                n=akun.SANDI_MIN))
    if st.form_submit_button(t("Tambah akun"), type="primary"):
        wilayah = wilayah.strip()
        if not akun.boleh_kelola(u, peran, wilayah):
            st.error(t("Anda hanya dapat membuat akun di dalam wilayah kerja Anda."))
        else:
            try:
                akun.tambah(con, nama, sandi, peran, wilayah, opd, email, oleh=u.nama)
            except akun.AkunError as e:
                st.error(fmt.aman(e))
            else:
                st.success(t("Akun {nama} dibuat.", nama=fmt.aman(nama.strip().lower())))

with ubah:
    aktif = daftar[daftar["aktif"] == 1]["nama"].tolist() if not daftar.empty else []
    aktif = [n for n in aktif if n != u.nama]
    if not aktif:
        st.info(t("Tidak ada akun lain yang aktif di wilayah Anda."))
    else:
        with st.form("akun_ubah"):
            pilih = st.selectbox(t("Akun"), aktif)
            sandi_baru = st.text_input(t("Kata sandi baru (kosongkan bila hanya menonaktifkan)"), type="password",
                                       max_chars=akun.SANDI_MAKS)
            a, b = st.columns(2)
            ganti = a.form_submit_button(t("Ganti kata sandi"))
            mati = b.form_submit_button(t("Nonaktifkan akun"))
        sasaran = akun.ambil(con, pilih)
        if (ganti or mati) and (sasaran is None or not akun.boleh_kelola(u, sasaran.peran, sasaran.wilayah)):
            st.error(t("Akun ini di luar wilayah kerja Anda."))
        elif ganti:
            try:
                akun.ubah_sandi(con, pilih, sandi_baru, oleh=u.nama)
            except akun.AkunError as e:
                st.error(fmt.aman(e))
            else:
                st.success(t("Kata sandi {nama} diganti; sesi-sesinya diakhiri.", nama=fmt.aman(pilih)))
        elif mati:
            try:
                akun.nonaktifkan(con, pilih, oleh=u.nama)
            except akun.AkunError as e:
                st.error(fmt.aman(e))
            else:
                st.success(t("Akun {nama} dinonaktifkan; sesi-sesinya diakhiri.", nama=fmt.aman(pilih)))

with atur:
    publik = operasional.pengaturan(con, "agregat_publik", "0") == "1"
    st.markdown(t("Bila aktif, tampilan agregat (tanpa data nama) dapat dibuka tanpa masuk. Pada data demo selalu "
                  "terbuka."))
    if u.lingkup != "":
        st.info(t("Hanya administrator nasional yang dapat mengubah pengaturan ini."))
    else:
        baru = st.toggle(t("Tampilan agregat terbuka untuk umum"), value=publik)
        if baru != publik:
            operasional.atur_pengaturan(con, "agregat_publik", "1" if baru else "0", oleh=u.nama)
            st.rerun()
