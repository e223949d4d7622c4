"""Kualitas Data: for a region, the data problems the source documents describe, each counted and listed,
with an export for follow-up (NIK and names masked unless asked for)."""
import pandas as pd
import streamlit as st

from pke import audit, ekspor, fmt, kualitas, privasi
from pke.i18n import t
import ui
from ui import dinding

u = ui.izinkan("kualitas")
k = ui.konteks()
JUDUL = t("Kualitas data")
dinding_ = ui.presentasi()

q = ui.kueri("kualitas_ringkas", kode=k.kode)
if q.empty:
    ui.kepala_halaman(JUDUL, k)
    st.info(t("Tidak ada data untuk wilayah ini."))
    st.stop()
q = q.iloc[0]
ringkas = kualitas.ringkasan(q)


def angka():
    lebar = 4 if dinding_ else 3  # on the wall: rows of four tiles, so ten fit one screen
    baris = [st.columns(lebar) for _ in range((len(ringkas) + lebar - 1) // lebar)] if dinding_ else [st.columns(3)]
    for i, m in enumerate(ringkas.itertuples()):
        kolom = baris[i // lebar] if dinding_ else baris[0]
        kolom[i % lebar].metric(m.label, fmt.angka(m.jumlah),
                            delta=(t("{p} dari total", p=fmt.persen(m.persen)) if pd.notna(m.persen) else None),
                            delta_color="off", delta_arrow="off", help=m.keterangan, border=True)


# Data matching per sub-region (kecamatan of a kabupaten, villages of a kecamatan, kabupaten of a province): member
# records matched with Dukcapil and families found in DTKS, counts and rates, the worst rate first — as the
# Kotawaringin Timur evaluation ranked its kecamatan.
tingkat_padan = kualitas.tingkat_anak(k.kode)
padan = ui.kueri("padan_per_wilayah", kode=k.kode) if tingkat_padan else None
ada_padan = padan is not None and (~padan["wilayah_ini"].astype(bool)).any()
if ada_padan:
    urut_padan = ui.pilih_url(t("Urutkan menurut"), list(kualitas.URUT_PADAN), "urut_padan", radio=True,
                              format_func=lambda x: t(kualitas.URUT_PADAN[x][0])) if dinding_ else None
    judul_padan = t("Padan data per {tingkat}", tingkat=tingkat_padan)
    kolom_persen_padan = tuple(t(x) for x in kualitas.KOLOM_PERSEN_PADAN)


def gaya_padan(g):
    # a rate below the region's own as shown (to 0.1 %) is shaded: light red, the text stays legible on it
    ini = padan[padan["wilayah_ini"].astype(bool)]
    if ini.empty:
        return g
    acuan = dict(zip(kolom_persen_padan, (ini.iloc[0]["persen_padan"], ini.iloc[0]["persen_dtks"])))
    return g.apply(lambda kol: ["background-color: #f4d3d3" if isinstance(v, float) and round(v, 3) < round(
        acuan[kol.name], 3) else "" for v in kol], subset=list(kolom_persen_padan))


def tabel_padan(bagian):
    ui.tabel(bagian, persen=kolom_persen_padan, gaya=gaya_padan)


def bagian_padan():
    """Normal mode: the section with its ranking choice, the region's totals, the table and the export."""
    urut = ui.pilih_url(t("Urutkan menurut"), list(kualitas.URUT_PADAN), "urut_padan", radio=True,
                        format_func=lambda x: t(kualitas.URUT_PADAN[x][0]))
    ini = padan[padan["wilayah_ini"].astype(bool)]
    if not ini.empty:
        r = ini.iloc[0]
        st.markdown(t("**{wilayah}**: {a} dari {b} individu padan Dukcapil (**{p}**); {c} dari {d} keluarga ada di "
                      "DTKS (**{q}**).", wilayah=fmt.aman(r["nama"]), a=fmt.angka(r["individu_padan"]),
                      b=fmt.angka(r["individu"]), p=fmt.persen(r["persen_padan"]), c=fmt.angka(r["keluarga_dtks"]),
                      d=fmt.angka(r["keluarga"]), q=fmt.persen(r["persen_dtks"])))
    anak = kualitas.padan_urut(padan, urut)
    tampil = kualitas.padan_tampil(anak, k.kode)
    st.caption(t("Diurutkan dari {ukuran} terendah; merah muda: di bawah angka seluruh wilayah. Individu: semua "
                 "anggota keluarga P3KE aktif, termasuk yang tercatat meninggal atau pindah; keluarga di DTKS: ID "
                 "keluarga P3KE ada di daftar DTKS.", ukuran=t(kualitas.URUT_PADAN[urut][0])))
    ui.tabel(tampil, persen=kolom_persen_padan, gaya=gaya_padan, tinggi=min(35 * (len(tampil) + 1) + 3, 460))
    if ui.akses.boleh(u, "ekspor_agregat"):
        def berkas_padan() -> bytes:
            # built only when the button is clicked, after its audit entry (ui.akses.unduhan)
            keterangan = {t("Wilayah"): k.judul_wilayah(), t("Urutkan menurut"): t(kualitas.URUT_PADAN[urut][0]),
                          t("Data per"): ui.meta().get("tanggal_data") or "–"}
            if not ini.empty:
                keterangan |= {t(v): r[c] for c, v in kualitas.KOLOM_PADAN.items()}
            return ekspor.tabel_excel({t("padan data"): tampil, t("Keterangan"): pd.DataFrame(
                {t("Rincian"): list(keterangan), t("Nilai"): list(keterangan.values())})})

        st.download_button(t("Unduh (Excel)"), ui.akses.unduhan(audit.EKSPOR, k.kode, {
                               "berkas": "padan_per_wilayah", "urut": urut, "baris": len(tampil)}, berkas_padan),
                           file_name=f"padan_{k.kode.replace('.', '') or 'semua'}.xlsx", icon=":material/download:",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           key="unduh_padan")


if dinding_:
    # The wall: the counts, the matching per sub-region, the villages with many members moved away (the lists by
    # name and the verification rounds stay off it).
    slides = [dinding.Slide(angka, t("Ringkasan masalah data"))]
    if ada_padan:
        slides += dinding.slide_tabel(
            kualitas.padan_tampil(kualitas.padan_urut(padan, urut_padan), k.kode), tabel_padan, judul_padan,
            pesan=ui.pesan("padan", k, urut=urut_padan))
    if len(k.kode) < 13:
        pindah = ui.kueri("desa_banyak_pindah", kode=k.kode).head(2 * dinding.BARIS_SLIDE)
        slides += dinding.slide_tabel(
            pindah.rename(columns={"desa": t("Desa"), "kecamatan": t("Kecamatan"),
                                   "individu_pindah": t("Anggota pindah"), "persen_pindah": t("% anggota")}),
            lambda bagian: ui.tabel(bagian, persen=(t("% anggota"),)), t("Desa dengan banyak anggota pindah"))
    dinding.tampilkan(JUDUL, k, ui.pesan("kualitas", k), slides, "kualitas")
    st.stop()

ui.kepala_halaman(JUDUL, k)
st.markdown(f'<div class="pke-pesan">{fmt.html_aman(ui.pesan("kualitas", k))}</div>', unsafe_allow_html=True)
angka()

st.subheader(t("Daftar untuk ditindaklanjuti"))
label = dict(zip(ringkas["kunci"], ringkas["label"]))
pilih = ui.pilih_url(t("Masalah"), list(ringkas["kunci"]), "masalah", format_func=label.get)
kunci, n, kueri = pilih, int(q[kualitas.BY_KUNCI[pilih].kolom]), kualitas.BY_KUNCI[pilih].kueri
st.caption(t(kualitas.BY_KUNCI[pilih].keterangan))
BATAS = 1000
if len(k.kode) < 5:
    st.info(t("Pilih kabupaten/kota (atau kecamatan, desa) untuk daftar tindak lanjut; di tingkat provinsi hanya "
              "jumlahnya yang ditampilkan."))
elif n == 0:
    st.success(t("Tidak ada masalah ini di wilayah terpilih."))
elif not ui.akses.boleh(u, "daftar_nama"):
    st.info(t("Daftar nama hanya untuk akun yang berhak melihat data nama (analis, operator wilayah); jumlahnya ada "
              "di atas."))
else:
    daftar = ui.kueri(kueri, kode=k.kode, masalah=kunci, batas=BATAS)
    st.markdown(t("**{n}** baris", n=fmt.angka(n))
                + (t("; ditampilkan {n} pertama.", n=fmt.angka(BATAS)) if n > BATAS else "."))
    tujuan = ui.akses.tujuan_akses("kualitas")
    lengkap = tujuan is not None
    ui.akses.catat(audit.LIHAT_NAMA, k.kode, {"daftar": kunci, "baris": len(daftar)}, sekali=True)
    if lengkap:
        ui.akses.catat(audit.BUKA_NAMA, k.kode, {"daftar": kunci, "baris": len(daftar), "tujuan": tujuan}, sekali=True)
    tampil = kualitas.daftar_tampil(daftar if lengkap else privasi.samarkan(daftar, kolom_nama=("nama",)), kunci)
    ui.tabel(tampil, tinggi=420, format_lain={c: str for c in tampil.columns if c.startswith("ID")})
    if ui.akses.boleh(u, "ekspor_nama"):
        berkas_daftar = ui.akses.unduhan(
            audit.EKSPOR_NAMA, k.kode, {"berkas": f"kualitas_{kunci}", "baris": len(tampil), "lengkap": lengkap,
                                        "tujuan": tujuan}, lambda: ekspor.tabel_excel({label[kunci][:31]: tampil}))
        st.download_button(t("Unduh daftar (Excel)"), berkas_daftar,
                           file_name=f"kualitas_{kunci}_{k.kode or 'semua'}.xlsx", icon=":material/download:",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

if len(k.kode) < 13:
    st.subheader(t("Desa dengan banyak anggota pindah"))
    pindah = ui.kueri("desa_banyak_pindah", kode=k.kode)
    ui.tabel(pindah.rename(columns={"desa": t("Desa"), "kecamatan": t("Kecamatan"),
                                    "individu_pindah": t("Anggota pindah"), "persen_pindah": t("% anggota")}),
             persen=(t("% anggota"),))

if ada_padan:
    st.subheader(judul_padan)
    bagian_padan()

st.subheader(t("Progres verval desa"))
ronde = ui.kueri("ronde_verval", kode=k.kode)
if ronde.empty:
    st.info(t("Belum ada ronde verval untuk wilayah ini."))
else:
    nama_ronde = {r.id: t("{nama} ({mulai} s.d. {tenggat})", nama=r.nama, mulai=fmt.tanggal(r.mulai),
                          tenggat=fmt.tanggal(r.tenggat)) for r in ronde.itertuples()}
    pilih_ronde = st.selectbox(t("Ronde verval"), list(nama_ronde), format_func=nama_ronde.get)
    progres_verval = ui.kueri("verval_progres", kode=k.kode, ronde=int(pilih_ronde))
    if progres_verval.empty:
        st.info(t("Ronde ini tidak mencakup wilayah terpilih."))
    else:
        lewat = progres_verval[progres_verval["persen_tepat_waktu"] < 0.9]
        kol = st.columns(3)
        kol[0].metric(t("Keluarga diverval tepat waktu"), fmt.persen(progres_verval["tepat_waktu"].sum()
                                                                  / progres_verval["keluarga"].sum()), border=True)
        kol[1].metric(t("Desa tepat waktu (≥ 90 % keluarga)"), t("{a} dari {b}", a=fmt.angka(len(progres_verval) - len(lewat)),
                                                                 b=fmt.angka(len(progres_verval))), border=True)
        kol[2].metric(t("Desa tertinggal dari tenggat"), fmt.angka(len(lewat)), border=True)
        tabel = progres_verval.assign(desa=[d + (" ★" if p else "") for d, p in
                                            zip(progres_verval["desa"], progres_verval["prioritas"])])
        ui.tabel(tabel[["desa", "kecamatan", "keluarga", "tepat_waktu", "diverval", "persen_tepat_waktu",
                        "persen_diverval"]]
                 .rename(columns={"desa": t("Desa (★ prioritas)"), "kecamatan": t("Kecamatan"),
                                  "keluarga": t("Keluarga"), "tepat_waktu": t("Diverval s.d. tenggat"),
                                  "diverval": t("Diverval seluruhnya"), "persen_tepat_waktu": t("% tepat waktu"),
                                  "persen_diverval": t("% seluruhnya")}),
                 persen=(t("% tepat waktu"), t("% seluruhnya")), tinggi=420,
                 gaya=lambda g: g.map(lambda v: "background-color: #f4a3a3" if isinstance(v, float) and v < 0.7 else
                                      ("background-color: #ffd98a" if isinstance(v, float) and v < 0.9 else ""),
                                      subset=[t("% tepat waktu")]))
        st.caption(t("Merah: < 70 % keluarga diverval sebelum tenggat; kuning: 70–90 %. Desa paling tertinggal di atas."))
