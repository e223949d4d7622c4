"""Kualitas Data: for a region, the data problems the source documents describe, each counted and listed,
with an export for follow-up (NIK and names masked unless asked for)."""
import streamlit as st

from pke import ekspor, fmt, privasi, ui

k = ui.konteks()
ui.kepala_halaman("Kualitas data", k)

q = ui.kueri("kualitas_ringkas", kode=k.kode)
if q.empty:
    st.info("Tidak ada data untuk wilayah ini.")
    st.stop()
q = q.iloc[0]
# (key, label, count, denominator, query, explanation)
MASALAH = [
    ("tidak_padan", "Individu belum padan Dukcapil", q["individu_tidak_padan"], q["individu"], "kualitas_individu",
     "NIK anggota belum cocok dengan data kependudukan (Dukcapil)."),
    ("nik_ganda_individu", "Individu dengan NIK ganda", q["individu_nik_ganda"], q["individu"], "kualitas_individu",
     "NIK yang sama tercatat pada lebih dari satu anggota: kemungkinan orang yang sama terdata dua kali."),
    ("nik_ganda", "Keluarga dengan NIK kepala ganda", q["keluarga_nik_ganda"], q["keluarga"], "kualitas_keluarga",
     "NIK kepala keluarga juga tercatat di keluarga lain: kemungkinan data ganda."),
    ("meninggal", "Anggota tercatat meninggal", q["individu_meninggal"], q["individu"], "kualitas_individu",
     "Perlu dikeluarkan dari sasaran pada pemutakhiran berikutnya."),
    ("pindah", "Anggota tercatat pindah", q["individu_pindah"], q["individu"], "kualitas_individu",
     "Perlu diverifikasi: pindah ke desa lain atau keluar daerah."),
    ("tidak_di_dtks", "Keluarga P3KE yang tidak ada di DTKS", q["p3ke_tidak_di_dtks"], q["keluarga"],
     "kualitas_keluarga", "Belum terdaftar di DTKS Kemensos: tidak dapat menerima bansos pusat."),
    ("dtks_tidak_di_p3ke", "Keluarga DTKS yang tidak ada di P3KE", q["dtks_tidak_di_p3ke"], None, "kualitas_sektor",
     "Ada di DTKS tetapi tidak di P3KE: periksa apakah layak masuk sasaran."),
    ("rtlh_tidak_di_daftar", "RTLH di P3KE, tidak di daftar Disperakim", q["rtlh_tidak_di_daftar"], None,
     "kualitas_keluarga", "Status RTLH berbeda antar sumber: rekonsiliasi agar tidak salah sasaran."),
    ("daftar_bukan_rtlh", "Di daftar RTLH Disperakim, bukan RTLH di P3KE", q["daftar_bukan_rtlh"], None,
     "kualitas_sektor", "Status RTLH berbeda antar sumber: rekonsiliasi agar tidak salah sasaran."),
    ("tanpa_intervensi", "Kebutuhan tanpa intervensi ditandai", q["kebutuhan_tanpa_intervensi"], None,
     "kualitas_keluarga", "Keluarga × klaster dengan kebutuhan yang belum ditandai intervensi apa pun (SIKS-DJ)."),
]

kolom = st.columns(3)
for i, (kunci, label, n, penyebut, _, ket) in enumerate(MASALAH):
    nilai = fmt.angka(n)
    kolom[i % 3].metric(label, nilai, delta=(f"{fmt.persen(n / penyebut)} dari total" if penyebut else None),
                        delta_color="off", delta_arrow="off", help=ket, border=True)

st.subheader("Daftar untuk ditindaklanjuti")
label = {m[0]: m[1] for m in MASALAH}
pilih = ui.pilih_url("Masalah", [m[0] for m in MASALAH], "masalah", format_func=label.get)
kunci, _, n, _, kueri, ket = next(m for m in MASALAH if m[0] == pilih)
st.caption(ket)
BATAS = 1000
if len(k.kode) < 5:
    st.info("Pilih kabupaten/kota (atau kecamatan, desa) untuk daftar tindak lanjut; di tingkat provinsi hanya "
            "jumlahnya yang ditampilkan.")
elif n == 0:
    st.success("Tidak ada masalah ini di wilayah terpilih.")
elif ui.presentasi():
    st.info("Daftar nama tidak ditampilkan dalam mode presentasi karena memuat data pribadi; jumlahnya ada di atas.")
else:
    daftar = ui.kueri(kueri, kode=k.kode, masalah=kunci, batas=BATAS)
    st.markdown(f"**{fmt.angka(n)}** baris" + (f"; ditampilkan {fmt.angka(BATAS)} pertama." if n > BATAS else "."))
    lengkap = False if ui.presentasi() else st.toggle("Tampilkan NIK dan nama lengkap", key="kualitas_lengkap")
    tampil = daftar if lengkap else privasi.samarkan(daftar, kolom_nama=("nama",))
    ui.tabel(tampil, tinggi=420)
    st.download_button("Unduh daftar (Excel)", lambda: ekspor.tabel_excel({label[kunci][:31]: tampil}),
                       file_name=f"kualitas_{kunci}_{k.kode or 'semua'}.xlsx", icon=":material/download:",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

if len(k.kode) < 13:
    st.subheader("Desa dengan banyak anggota pindah")
    pindah = ui.kueri("desa_banyak_pindah", kode=k.kode)
    ui.tabel(pindah.rename(columns={"desa": "Desa", "kecamatan": "Kecamatan", "individu_pindah": "Anggota pindah",
                                    "persen_pindah": "% anggota"}), persen=("% anggota",))

st.subheader("Progres verval desa")
ronde = ui.kueri("ronde_verval", kode=k.kode)
if ronde.empty:
    st.info("Belum ada ronde verval untuk wilayah ini.")
else:
    nama_ronde = {r.id: f"{r.nama} ({r.mulai:%d-%m-%Y} s.d. {r.tenggat:%d-%m-%Y})" for r in ronde.itertuples()}
    pilih_ronde = st.selectbox("Ronde verval", list(nama_ronde), format_func=nama_ronde.get)
    progres_verval = ui.kueri("verval_progres", kode=k.kode, ronde=int(pilih_ronde))
    if progres_verval.empty:
        st.info("Ronde ini tidak mencakup wilayah terpilih.")
    else:
        lewat = progres_verval[progres_verval["persen_tepat_waktu"] < 0.9]
        kol = st.columns(3)
        kol[0].metric("Keluarga diverval tepat waktu", fmt.persen(progres_verval["tepat_waktu"].sum()
                                                                  / progres_verval["keluarga"].sum()), border=True)
        kol[1].metric("Desa tepat waktu (≥ 90 % keluarga)", f"{fmt.angka(len(progres_verval) - len(lewat))} dari "
                      f"{fmt.angka(len(progres_verval))}", border=True)
        kol[2].metric("Desa tertinggal dari tenggat", fmt.angka(len(lewat)), border=True)
        tabel = progres_verval.assign(desa=[d + (" ★" if p else "") for d, p in
                                            zip(progres_verval["desa"], progres_verval["prioritas"])])
        gaya = (tabel[["desa", "kecamatan", "keluarga", "tepat_waktu", "diverval", "persen_tepat_waktu",
                       "persen_diverval"]]
                .rename(columns={"desa": "Desa (★ prioritas)", "kecamatan": "Kecamatan", "keluarga": "Keluarga",
                                 "tepat_waktu": "Diverval s.d. tenggat", "diverval": "Diverval seluruhnya",
                                 "persen_tepat_waktu": "% tepat waktu", "persen_diverval": "% seluruhnya"})
                .style.format({"Keluarga": fmt.angka, "Diverval s.d. tenggat": fmt.angka,
                               "Diverval seluruhnya": fmt.angka, "% tepat waktu": fmt.persen,
                               "% seluruhnya": fmt.persen}, na_rep="–")
                .map(lambda v: "background-color: #f4a3a3" if isinstance(v, float) and v < 0.7 else
                     ("background-color: #ffd98a" if isinstance(v, float) and v < 0.9 else ""),
                     subset=["% tepat waktu"]))
        st.dataframe(gaya, hide_index=True, width="stretch", height=420)
        st.caption("Merah: < 70 % keluarga diverval sebelum tenggat; kuning: 70–90 %. Desa paling tertinggal di atas.")
