"""Masuk: the login form (user name, password, "Masuk"), single sign-on when configured, and on the labelled demo
database the demo accounts, one per role, with their passwords."""
import pandas as pd
import streamlit as st

from pke import akun
from pke.i18n import t
import ui
from ui import akses

akses.lewat_app("masuk")  # open to everyone, but like every page it runs through app.py
st.title(t("Masuk ke Dasbor PKE"))
pesan = st.session_state.pop("_pesan_sesi", None)
if pesan:
    st.info(pesan)
db_demo = st.session_state.get("_db_demo", False)
# Before the form is handled: a sign-in submitted while the first run was still drawing finds the demo accounts.
daftar_demo = akses.akun_demo_tersedia() if db_demo else []
if akses.pengguna() is None:
    st.markdown(t("Dasbor ini memuat data pribadi keluarga miskin ekstrem (UU 27/2022 tentang Pelindungan Data "
                  "Pribadi). Masuk dengan akun yang diberikan administrator."))
else:
    st.markdown(t("Tampilan agregat terbuka tanpa masuk. Data nama, impor, target dan administrasi memerlukan akun."))

kiri, kanan = st.columns([1, 1.4], gap="large")
with kiri:
    with st.form("form_masuk"):
        nama = st.text_input(t("Nama pengguna"), key="masuk_nama", max_chars=64, autocomplete="username")
        sandi = st.text_input(t("Kata sandi"), type="password", key="masuk_sandi", max_chars=akun.SANDI_MAKS,
                              autocomplete="current-password")
        kirim = st.form_submit_button(t("Masuk"), type="primary", width="stretch")
    if kirim:
        if akses.masuk(nama, sandi, db_demo):
            st.rerun()
        st.error(t(akun.PESAN_GAGAL))
    if akses.sso_aktif():
        if st.button(t("Masuk dengan akun kantor (SSO)"), icon=":material/key:"):
            st.login()
    st.caption(t("Setelah 5 kali gagal dalam 15 menit, akun dikunci 15 menit. Sesi berakhir setelah 30 menit tanpa "
                 "aktivitas atau 8 jam."))

if db_demo:
    with kanan:
        st.subheader(t("Akun demo"))
        st.markdown(t("Basis data ini adalah **data demo** (sintetis). Coba setiap peran dengan akun berikut; akun "
                      "demo tidak dapat dipakai pada data sebenarnya."))
        ui.tabel(pd.DataFrame({
            t("Nama pengguna"): [a["nama"] for a in daftar_demo],
            t("Kata sandi"): [a["sandi"] for a in daftar_demo],
            t("Peran"): [t(akun.LABEL_PERAN[a["peran"]]) for a in daftar_demo],
            t("Wilayah"): [t("Nasional") if a["wilayah"] == akun.NASIONAL else a["wilayah"] for a in daftar_demo],
        }))
        st.caption(t("Tanpa masuk, tampilan agregat data demo tetap terbuka."))
    st.markdown("\n".join(f"- **{a['nama']}** — {t(a['keterangan'])}" for a in daftar_demo))
