"""Log Audit (administrators): who saw, exported, imported or changed what, and when — filtered by user, action
and period (what a breach notice under UU PDP Pasal 46 needs within 3×24 hours) — and a check of the hash
chain that shows whether any entry was changed or removed."""
import datetime as dt
import json

import pandas as pd
import streamlit as st

from pke import audit, fmt
from pke.i18n import t
import ui
from ui import akses

u = ui.izinkan("audit")
st.title(t("Log audit"))
ui.tolak_data_pribadi_saat_presentasi(t("Log audit"))
con = akses.toko()
st.markdown(t("Setiap masuk (berhasil dan gagal), keluar, tampilan dan pembukaan data nama, ekspor, impor, "
              "perubahan target dan akun tercatat di sini. Setiap entri memuat hash entri sebelumnya, sehingga "
              "perubahan atau penghapusan terdeteksi. NIK tidak pernah tercatat utuh."))

a, b, c, d = st.columns(4)
pengguna = a.text_input(t("Pengguna"), max_chars=64).strip().lower()
aksi = b.selectbox(t("Aksi"), [""] + list(audit.LABEL_AKSI),
                   format_func=lambda x: t(audit.LABEL_AKSI[x]) if x else t("— semua aksi —"))
hari_ini = dt.datetime.now(dt.timezone.utc).date()
dari = c.date_input(t("Dari tanggal (UTC)"), value=hari_ini - dt.timedelta(days=7), format="DD/MM/YYYY")
sampai = d.date_input(t("Sampai tanggal (UTC)"), value=hari_ini, format="DD/MM/YYYY")
BATAS = 2000
# An administrator of a region sees the entries about its region and those of its region's accounts.
entri = audit.daftar(con, pengguna or None, aksi or None, dari.isoformat(), sampai.isoformat(), batas=BATAS,
                     lingkup=u.lingkup)
st.markdown(t("**{n}** entri", n=fmt.angka(len(entri))) + (t(" (dibatasi {n} terbaru)", n=fmt.angka(BATAS))
                                                          if len(entri) >= BATAS else ""))
if entri:
    ui.tabel(pd.DataFrame({
        t("No"): [e["id"] for e in entri], t("Waktu (UTC)"): [e["waktu"] for e in entri],
        t("Pengguna"): [e["pengguna"] or "" for e in entri],
        t("Aksi"): [t(audit.LABEL_AKSI.get(e["aksi"], e["aksi"])) for e in entri],
        t("Wilayah"): [e["lingkup"] or "" for e in entri],
        t("Rincian"): [json.dumps(e["rincian"], ensure_ascii=False, sort_keys=True) if e["rincian"] else ""
                       for e in entri],
    }), tinggi=480)

st.subheader(t("Keutuhan rantai"))
if st.button(t("Periksa rantai audit"), icon=":material/verified:"):
    utuh, rusak, n = audit.periksa(con)
    if utuh:
        st.success(t("Rantai audit utuh: {n} entri.", n=fmt.angka(n)))
    else:
        st.error(t("Rantai audit rusak mulai entri #{id}: ada entri yang diubah atau dihapus.", id=rusak))
