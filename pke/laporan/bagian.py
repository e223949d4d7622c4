"""Gathering the report's sections: one function per section, each reading the same named queries as the view it
stands for and carrying that view's key message (pke.pesan), so the wall, the slideshow and the report say the
same thing with the same numbers.

A section function takes a `Sumber` (the query function and the region and period) and returns a `Bagian`, or
None when the section has nothing at that level. `q` is any `q(nama, **params) -> DataFrame`: the report binds one
to its cursor and scope (`kueri_laporan`), a view could pass `ui.kueri`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

import pandas as pd

from pke import charts, db, fmt, klaster as _klaster, kualitas as _kualitas, maps, pesan as _pesan
from pke import progres as _progres
from pke.i18n import dalam_bahasa, t
from pke.laporan.model import Bagian, Laporan, tabel

Progres = Callable[[float, str], None]


@dataclass
class Sumber:
    """What every section reads: the query function, the region (its code and own name) and the period."""
    q: _pesan.Kueri
    kode: str
    tahun: int
    triwulan: int
    nama: str
    tanggal_data: dt.date | None = None
    gambar: bool = True

    @property
    def p(self) -> dict:
        return {"kode": self.kode, "tahun": self.tahun, "triwulan": self.triwulan}

    @property
    def periode(self) -> str:
        return fmt.triwulan(self.tahun, self.triwulan)

    def pesan(self, fungsi: Callable[..., str], **pilihan) -> str:
        return fungsi(self.q, self.kode, self.tahun, self.triwulan, self.nama, **pilihan)


def kueri_laporan(con, lingkup: str) -> _pesan.Kueri:
    """Named queries on `con` within scope `lingkup`, cluster labels in the language of the run; each query with
    the same parameters runs once per report (sections and key messages share them)."""
    simpanan: dict[tuple, pd.DataFrame] = {}

    def q(nama: str, **params) -> pd.DataFrame:
        kunci = (nama, tuple(sorted(params.items())))
        if kunci not in simpanan:
            simpanan[kunci] = _klaster.terjemahkan(db.jalankan(con, nama, lingkup=lingkup, **params))
        return simpanan[kunci].copy()

    return q


def png(spek: dict, lebar: int = 1000, tinggi: int | None = None) -> bytes:
    """A chart spec as PNG at twice the pixels (sharp on a projector and in print), drawn by vl-convert in
    this process: no browser, nothing downloaded."""
    import vl_convert

    spek = {**spek, "width": lebar, "autosize": {"type": "fit", "contains": "padding"}}
    if tinggi:
        spek["height"] = tinggi
    return vl_convert.vegalite_to_png(spek, scale=2)


# ---------- the sections -------------------------------------------------------------------------------------

def angka(s: Sumber) -> Bagian:
    """Headline figures (the Ringkasan view)."""
    kpi = s.q("ringkasan_kpi", **s.p).set_index("periode")
    ini, lalu = kpi.loc["ini"], kpi.loc["sebelumnya"]
    per_klaster = s.q("kebutuhan_per_klaster", **s.p)
    nilai = [
        (t("Keluarga P3KE"), fmt.angka(ini["keluarga"])),
        (t("Individu P3KE"), fmt.angka(ini["individu"])),
        (t("Keluarga desil 1"), fmt.angka(ini["keluarga_desil1"])),
        (t("Desa prioritas"), fmt.angka(ini["desa_prioritas"])),
        (t("Keluarga dengan kebutuhan tersisa"), fmt.angka(ini["keluarga_berkebutuhan"])),
        (t("Kebutuhan tertutup tahun ini"), fmt.persen(ini["persen_tertutup_tahun_ini"])),
    ]
    teks = []
    if lalu["keluarga"] > 0:
        teks.append(t("Dibanding {periode}: keluarga P3KE {kel}, keluarga dengan kebutuhan tersisa {sisa}.",
                      periode=fmt.triwulan_singkat(lalu["tahun"], lalu["triwulan"]),
                      kel=fmt.selisih(ini["keluarga"] - lalu["keluarga"]),
                      sisa=fmt.selisih(ini["keluarga_berkebutuhan"] - lalu["keluarga_berkebutuhan"])))
    teks.append(t("{tertutup} dari {awal} kebutuhan (keluarga × klaster) yang terbuka pada awal {tahun} telah "
                  "selesai diintervensi.", tertutup=fmt.angka(ini["tertutup_tahun_ini"]),
                  awal=fmt.angka(ini["kebutuhan_awal_tahun"]), tahun=s.tahun))
    if per_klaster["kebutuhan"].sum() > 0:
        terbesar = per_klaster.sort_values("tersisa", ascending=False, kind="stable").iloc[0]
        teks.append(t("**PR terbesar:** {klaster} — {n} keluarga belum tertangani ({p} sudah tertutup).",
                      klaster=terbesar["label"], n=fmt.angka(terbesar["tersisa"]),
                      p=fmt.persen(terbesar["persen_tertutup"])))
    return Bagian("angka", t("Angka utama"), teks=teks, angka=nilai, pesan=s.pesan(_pesan.ringkasan))


def tindak_lanjut_rakor(s: Sumber, daftar: pd.DataFrame) -> Bagian:
    """The meeting follow-ups (pke.tindak_lanjut.daftar): decision, OPD, due date, cluster, region and status.
    Columns other than `keputusan` may be missing."""
    b = Bagian("tindak_lanjut", t("Tindak lanjut rakor"), pesan=_pesan.tindak_lanjut(daftar, s.nama))
    if daftar is None or daftar.empty or "keputusan" not in daftar:
        return b
    d = daftar.reset_index(drop=True)
    status = _pesan.status_tindak_lanjut(d)
    label = d["label_status"] if "label_status" in d else status.astype(object)
    data = pd.DataFrame({"keputusan": d["keputusan"]})
    kolom = {"keputusan": t("Keputusan")}
    if "opd" in d:
        data["opd"], kolom["opd"] = d["opd"], "OPD"
    if "tenggat" in d:
        data["tenggat"] = [None if pd.isna(v) else pd.Timestamp(v).date() for v in d["tenggat"]]
        kolom["tenggat"] = t("Tenggat")
    if "klaster" in d:
        data["klaster"] = [_klaster.label_singkat(k) if k in _klaster.BY_KUNCI else "–" for k in d["klaster"]]
        kolom["klaster"] = t("Klaster")
    if "nama_wilayah" in d and d["nama_wilayah"].nunique() > 1:
        data["wilayah"], kolom["wilayah"] = d["nama_wilayah"], t("Wilayah")
    data["status"], kolom["status"] = label, t("Status")
    b.tabel = tabel(data, kolom, warna={lb: _warna_tindak_lanjut().get(st, "")
                                        for lb, st in zip(label, status) if _warna_tindak_lanjut().get(st)})
    if "tenggat" in kolom:
        b.tabel.tampil[t("Tenggat")] = [fmt.tanggal(v) for v in b.tabel.data[t("Tenggat")]]
    return b


def _warna_tindak_lanjut() -> dict[str, str]:
    """Status -> background colour, pke.tindak_lanjut's own (the same on its view)."""
    try:
        from pke.tindak_lanjut import WARNA
    except ImportError:
        return {"selesai": _progres.SESUAI.warna, "terlambat": _progres.JAUH.warna}
    return dict(WARNA)


def desa(s: Sumber) -> Bagian | None:
    """One village (Profil Desa): priority status, OPD pendamping, what has been done by OPD and funding source."""
    if len(s.kode) != 13:
        return None
    profil = s.q("profil_desa", kode=s.kode, tahun=s.tahun)
    if profil.empty:
        return None
    p = profil.iloc[0]
    if p["prioritas"]:
        teks = [t("**Desa prioritas PKE {tahun}** (sejak {sejak}). Dasar penetapan: {dasar}.", tahun=s.tahun,
                  sejak=p["prioritas_sejak"], dasar=p["dasar_penetapan"]) + " "
                + (t("OPD pendamping: **{opd}**.", opd=p["opd_pendamping"]) if p["opd_pendamping"]
                   else t("OPD pendamping belum ditetapkan."))]
    else:
        teks = [t("Bukan desa prioritas PKE pada {tahun}.", tahun=s.tahun)]
    b = Bagian("desa", t("Profil desa"), teks=teks, pesan=s.pesan(_pesan.desa))
    rinci = s.q("intervensi_per_sumber", **s.p)
    if rinci.empty:
        b.teks.append(t("Belum ada intervensi yang ditandai di desa ini."))
    else:
        b.teks.append(t("Intervensi menurut OPD dan sumber dana"))
        b.tabel = tabel(rinci, {"label_singkat": t("Klaster"), "opd": "OPD", "sumber_dana": t("Sumber dana"),
                                "rencana": t("Rencana"), "proses": t("Proses"), "selesai": t("Selesai"),
                                "nilai_rp_selesai": t("Nilai selesai")}, rupiah=("nilai_rp_selesai",))
    return b


def peta(s: Sumber) -> Bagian:
    """The map of the biggest remaining gap per 100 families (the Peta view on that cluster)."""
    ling = maps.lingkup_peta(s.kode)
    kunci = _pesan.klaster_terbesar(s.q, s.kode, s.tahun, s.triwulan)
    data = s.q("peta_wilayah", kode=ling.area, panjang=ling.panjang, klaster=kunci, tahun=s.tahun,
               triwulan=s.triwulan)
    judul_peta = t("{klaster}: tersisa per 100 keluarga", klaster=_klaster.label(kunci))
    b = Bagian("peta", t("Peta kebutuhan"), teks=[judul_peta], pesan=s.pesan(_pesan.peta, klaster=kunci))
    ada_batas = bool(data["geojson"].notna().any())
    if s.gambar and ada_batas:
        prio = s.q("peta_desa_prioritas", kode=ling.area, tahun=s.tahun) if ling.lapisan_prioritas else None
        b.gambar = png(charts.peta_statis(data, "tersisa_per_100", None, 1, prio), 1000, 560)
        b.keterangan_gambar = t("Warna: {judul} pada akhir {periode}. Garis biru muda bertepi hitam: desa prioritas "
                                "tahun {tahun}.", judul=judul_peta.lower(), periode=s.periode, tahun=s.tahun)
    elif not ada_batas:
        b.teks.append(t("Batas wilayah belum dimuat di basis data ini, jadi peta tidak dapat digambar; "
                        "tabel di bawah menggantikannya."))
    teratas = data.sort_values("tersisa_per_100", ascending=False, kind="stable").head(15)
    b.teks.append(t("Wilayah dengan {klaster} tersisa terbanyak per 100 keluarga:",
                    klaster=_klaster.label(kunci).lower()))
    b.tabel = tabel(teratas, {"nama": t("Wilayah"), "nama_induk": t("Induk"), "keluarga": t("Keluarga P3KE"),
                              "tersisa": t("Tersisa"), "tersisa_per_100": t("Tersisa per 100 keluarga")},
                    desimal={"tersisa_per_100": 1})
    return b


def sektor(s: Sumber) -> Bagian:
    """Needs per cluster and their interventions (the Sektor view)."""
    per_klaster = s.q("kebutuhan_per_klaster", **s.p)
    b = Bagian("sektor", t("Kebutuhan per sektor"), pesan=s.pesan(_pesan.sektor))
    if s.gambar and per_klaster["kebutuhan"].sum() > 0:
        b.gambar = png(charts.kebutuhan_tersisa_per_klaster(per_klaster), 1000)
    b.teks.append(t("Keluarga dengan kebutuhan per klaster dan status intervensinya pada akhir {periode}. "
                    "Tersisa = kebutuhan − selesai.", periode=s.periode))
    b.tabel = tabel(per_klaster, {"label": t("Klaster"), "opd": t("OPD penanggung jawab"),
                                  "kebutuhan": t("Kebutuhan"), "rencana": t("Rencana"), "proses": t("Proses"),
                                  "selesai": t("Selesai"), "tersisa": t("Tersisa"),
                                  "persen_tertutup": t("% tertutup")}, persen=("persen_tertutup",))
    return b


def progres(s: Sumber) -> Bagian:
    """Progress against targets (the Progres Triwulan view), with the biggest gap's cumulative chart."""
    data = s.q("progres_triwulan", kode=s.kode, tahun=s.tahun)
    berlalu = (_progres.triwulan_berlalu(s.tahun, s.tanggal_data) if s.tanggal_data else float(s.triwulan))
    # a quarter still running on the data's date is judged against its target pro-rated to that date, as on the view
    berjalan = _progres.triwulan_berjalan(s.tahun, s.triwulan, s.tanggal_data)
    pk = _progres.per_klaster(data, s.triwulan, berlalu, berjalan)
    b = Bagian("progres", t("Progres terhadap target"), teks=[_progres.aturan()], pesan=s.pesan(_pesan.progres))
    if berjalan is not None:
        b.teks.append(berjalan.keterangan())
    if pk["target"].isna().all():
        b.teks.append(t("Belum ada target untuk wilayah dan tahun ini. Target ditetapkan per kabupaten/kota, kecamatan "
                        "atau desa prioritas (provinsi: jumlah target kabupaten/kotanya)."))
    kolom = {"label": t("Klaster"), "target_kumulatif": t("Target kumulatif"),
             "realisasi_kumulatif": t("Realisasi kumulatif"), "capaian": t("Capaian"), "status": t("Status"),
             "target_tahun": t("Target setahun"), "proyeksi": t("Proyeksi akhir tahun")}
    persen = ("capaian",)
    if berjalan is not None and "capaian_penuh" in pk:
        kolom = {**dict(list(kolom.items())[:1]), "target_pro_rata": t("Target pro-rata"),
                 **dict(list(kolom.items())[1:4]), "capaian_penuh": t("Capaian thd target penuh"),
                 **dict(list(kolom.items())[4:])}
        persen = ("capaian", "capaian_penuh")
    b.tabel = tabel(pk, kolom, persen=persen)
    if s.gambar and pk["target"].notna().any():
        kunci = _pesan.klaster_terbesar(s.q, s.kode, s.tahun, s.triwulan)
        satu = data[data["klaster"] == kunci]
        baris = pk.set_index("klaster").loc[kunci]
        b.gambar = png(charts.progres_kumulatif(satu, baris["proyeksi"]), 1000, 420)
        b.keterangan_gambar = t("Kumulatif menuju target akhir tahun: {klaster}.", klaster=_klaster.label(kunci))
    return b


def peringkat(s: Sumber) -> Bagian | None:
    """The kabupaten of a province side by side (Evaluasi Provinsi), the remaining needs per sub-region of a
    kabupaten or kecamatan (Sektor), or a village among the villages of its kecamatan (Profil Desa)."""
    pesan = s.pesan(_pesan.peringkat)
    if len(s.kode) == 2:
        ev = s.q("evaluasi_kabupaten", kode=s.kode, tahun=s.tahun, triwulan=s.triwulan)
        # achievement and status as Evaluasi Provinsi shows them: pro-rated while the quarter runs
        ev["capaian_target"] = _pesan.capaian_kabupaten(ev, s.tahun, s.triwulan, s.tanggal_data)
        ev["status"] = [t(_progres.status_pro_rata(r, tk, tt, s.tahun, s.triwulan, s.tanggal_data).label)
                        for r, tk, tt in zip(ev["realisasi_kumulatif"], ev["target_kumulatif"], ev["target_triwulan"])]
        ev["nama"] = [("★ " if pr else "") + n for n, pr in zip(ev["nama"], ev["prioritas"])]
        ev["pr"] = [f"{pr} ({fmt.angka(n)})" if pr else "–" for pr, n in zip(ev["pr_terbesar"],
                                                                              ev["pr_terbesar_tersisa"])]
        b = Bagian("peringkat", t("Peringkat kabupaten/kota"), pesan=pesan, teks=[
            t("**{n} kabupaten/kota**, ★ = {prioritas} kabupaten/kota prioritas provinsi.", n=len(ev),
              prioritas=int(ev["prioritas"].sum())) + " " + t("Diurutkan menurut % kebutuhan tertutup.")])
        ev = ev.sort_values("persen_tertutup", ascending=False, kind="stable")
        b.tabel = tabel(ev, {"nama": t("Kabupaten/Kota"), "keluarga_desil1": t("Keluarga desil 1"),
                             "persen_tertutup": t("% kebutuhan tertutup"),
                             "capaian_target": t("Capaian target s.d. {tw}", tw=fmt.tw(s.triwulan)),
                             "status": t("Status"), "pr": t("PR terbesar (keluarga tersisa)")},
                        persen=("persen_tertutup", "capaian_target"))
        return b
    if len(s.kode) == 13:
        profil = s.q("profil_desa", kode=s.kode, tahun=s.tahun)
        banding = s.q("desa_sekecamatan", kode=s.kode[:8], tahun=s.tahun, triwulan=s.triwulan)
        if profil.empty or banding.empty:
            return None
        banding["nama"] = [("▶ " if kd == s.kode else "") + n + (" ★" if p else "")
                           for kd, n, p in zip(banding["kode"], banding["nama"], banding["prioritas"])]
        b = Bagian("peringkat", t("Dibanding desa lain di Kec. {nama}", nama=profil.iloc[0]["kecamatan"]),
                   pesan=pesan, teks=[t("Diurutkan menurut kebutuhan tersisa per 100 keluarga; ▶ desa ini, "
                                        "★ desa prioritas.")])
        b.tabel = tabel(banding, {"nama": t("Desa (★ prioritas)"), "keluarga": t("Keluarga"),
                                  "persen_desil1": t("% desil 1"), "tersisa": t("Tersisa"),
                                  "tersisa_per_100": t("Tersisa per 100 keluarga"),
                                  "persen_tertutup": t("% tertutup")},
                        persen=("persen_desil1", "persen_tertutup"), desimal={"tersisa_per_100": 1})
        return b
    anak = s.q("kebutuhan_per_subwilayah", **s.p)
    if anak.empty:
        return None
    tingkat = {0: t("Provinsi"), 5: t("Kecamatan"), 8: t("Desa/Kelurahan")}[len(s.kode)]
    urut = list(dict.fromkeys(anak["label_singkat"]))
    pivot = anak.pivot_table(index="nama", columns="label_singkat", values="tersisa", aggfunc="sum",
                             sort=False).reindex(columns=urut)
    total = _pesan.tersisa_per_subwilayah(anak)  # the order the key message names them in
    pivot = pivot.reindex(total.index).reset_index()
    pivot.insert(1, "total", total.to_numpy())
    b = Bagian("peringkat", t("Kebutuhan tersisa per {tingkat}", tingkat=tingkat.lower()), pesan=pesan, teks=[
        t("Keluarga dengan kebutuhan tersisa per klaster pada akhir {periode}, wilayah terberat di atas.",
          periode=s.periode)])
    b.tabel = tabel(pivot, {"nama": tingkat, "total": t("Jumlah"), **{u: u for u in urut}})
    return b


def kualitas(s: Sumber) -> Bagian | None:
    """The data-quality summary (the Kualitas Data view's counts; no lists, no personal data)."""
    q = s.q("kualitas_ringkas", kode=s.kode)
    if q.empty:
        return None
    rk = _kualitas.ringkasan(q.iloc[0])
    b = Bagian("kualitas", t("Ringkasan kualitas data"), pesan=s.pesan(_pesan.kualitas), teks=[
        t("Masalah data yang perlu ditindaklanjuti OPD dan desa; daftar rinci (NIK disamarkan) ada di halaman "
          "Kualitas Data dasbor.")])
    b.tabel = tabel(rk, {"label": t("Masalah"), "jumlah": t("Jumlah"), "persen": t("% dari total"),
                         "keterangan": t("Keterangan")}, persen=("persen",))
    return b


# ---------- the report ---------------------------------------------------------------------------------------

def susun(con, kode: str, tahun: int, triwulan: int, bahasa: str = "id", gambar: bool = True,
          progres_cb: Progres | None = None, *, lingkup: str, tindak_lanjut: pd.DataFrame | None = None) -> Laporan:
    """Gather every section of the quarterly report of region `kode` (a province, kabupaten, kecamatan or desa),
    with nothing from outside region scope `lingkup` (a code prefix; '' for all). `tindak_lanjut`: the meeting
    follow-ups (pke.tindak_lanjut.daftar), listed right after the headline figures when given."""
    lapor = progres_cb or (lambda f, pesan: None)
    with dalam_bahasa(bahasa):
        q = kueri_laporan(con, lingkup)
        meta = dict(q("meta").itertuples(index=False))
        jalur = q("wilayah_jalur", kode=kode)
        nama = str(jalur["nama"].iloc[-1]) if not jalur.empty else t("Semua wilayah")
        tanggal = meta.get("tanggal_data")
        s = Sumber(q, kode, tahun, triwulan, nama, dt.date.fromisoformat(tanggal) if tanggal else None, gambar)
        langkah: list[tuple[float, str, Callable[[Sumber], Bagian | None]]] = [
            (0.1, t("Angka utama"), angka)]
        if tindak_lanjut is not None:
            langkah.append((0.15, t("Tindak lanjut rakor"), lambda s_: tindak_lanjut_rakor(s_, tindak_lanjut)))
        langkah += [(0.2, t("Profil desa"), desa), (0.25, t("Peta"), peta), (0.45, t("Kebutuhan per sektor"), sektor),
                    (0.6, t("Progres terhadap target"), progres), (0.75, t("Peringkat wilayah"), peringkat),
                    (0.85, t("Kualitas data"), kualitas)]
        bagian = []
        for f, judul, fungsi in langkah:
            if fungsi is desa and len(kode) != 13:
                continue
            lapor(f, judul)
            b = fungsi(s)
            if b is not None:
                bagian.append(b)
        lapor(1.0, t("Selesai"))
        return Laporan(
            judul=t("Laporan Triwulan Penghapusan Kemiskinan Ekstrem"),
            wilayah=" › ".join(jalur["nama"]) or t("Semua wilayah"), periode=s.periode,
            dibuat=t("Data per {tanggal}; dibuat {dibuat}.", tanggal=fmt.tanggal(tanggal),
                     dibuat=fmt.tanggal(dt.date.today())),
            bahasa=bahasa, demo=meta.get("demo") == "ya",
            nama_berkas=f"laporan_pke_{(kode or 'semua').replace('.', '')}_{tahun}_tw{triwulan}_{bahasa}_"
                        f"{''.join(c for c in nama.lower() if c.isalnum())[:24]}",
            bagian=bagian)
