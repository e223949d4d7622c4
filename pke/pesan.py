"""The key message of each view and report section: one sentence computed from the data, in the language of the
run, that stands under the header of a view on the wall, of a slide and of a report section, e.g.

    Kab. Grobogan: 51 desa prioritas; PR terbesar Tidak bekerja (16.654 keluarga); TW IV: 81,5% dari target.

One definition per section: the views pass their cached query function (`ui.kueri`), the report a function over
its cursor (pke.laporan.bagian), and both get the same sentence from the same queries with the same formatting
(pke.fmt) as the figures the view shows.

Every function has the same signature,

    fungsi(q, kode, tahun, triwulan, wilayah=None, **pilihan) -> str

- `q(nama, **params) -> DataFrame` runs the named query of queries/ (region scope added by the caller: `ui.kueri`
  adds the signed-in user's; the report binds its own);
- `kode` the region (Kemendagri code; '' for all), `tahun`, `triwulan` the period;
- `wilayah` the name to start the sentence with (the page has it: `k.nama`); None looks it up (wilayah_jalur);
- keyword-only options where a view has a choice on screen (`peta(klaster=...)`, `kolaborasi(...)`).

The sentence is plain text, never Markdown: escape it with fmt.aman before st.markdown, fmt.html_aman inside HTML.
It never raises on empty data (no targets, no needs, a village without boundaries): it says so.

`klaster_terbesar(q, kode, tahun, triwulan)` is the cluster with the most remaining families: the one the report's
map and progress chart show, and the one views in presentation mode open on. `tindak_lanjut(daftar, wilayah)`
summarises the meeting follow-ups (pke.tindak_lanjut.daftar) and takes their table instead of a query function.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable

import pandas as pd

from pke import fmt, klaster as _klaster, progres as _progres
from pke.i18n import t

Kueri = Callable[..., pd.DataFrame]

# The Peluang Kolaborasi view's assumptions in presentation mode (pages/kolaborasi.py BAWAAN).
KOLABORASI_KLASTER = ("rtlh", "jamban", "air", "listrik")
KOLABORASI_DASAR = "belum"
KOLABORASI_ANGGARAN = 5_000 * 1_000_000


def _kalimat(awal: str, bagian: Iterable[str]) -> str:
    isi = "; ".join(b for b in bagian if b)
    return f"{awal}: {isi}." if isi else f"{awal}."


def _nol(x) -> bool:
    return x is None or pd.isna(x) or x == 0


def nama_wilayah(q: Kueri, kode: str) -> str:
    """The region's own name (Kab. Grobogan; a village's name), or "Semua wilayah" for ''."""
    jalur = q("wilayah_jalur", kode=kode) if kode else pd.DataFrame()
    return str(jalur["nama"].iloc[-1]) if not jalur.empty else t("Semua wilayah")


def _urut_tersisa(per_klaster: pd.DataFrame) -> pd.DataFrame:
    # stable: among equal gaps the programme's order decides, the same in every view and in the report
    return per_klaster.sort_values("tersisa", ascending=False, kind="stable")


def klaster_terbesar(q: Kueri, kode: str, tahun: int, triwulan: int) -> str:
    """The key of the cluster with the most families still in need at the end of the quarter (the first cluster
    when there are none)."""
    per_klaster = q("kebutuhan_per_klaster", kode=kode, tahun=tahun, triwulan=triwulan)
    if per_klaster.empty:
        return _klaster.KUNCI[0]
    return str(_urut_tersisa(per_klaster).iloc[0]["klaster"])


def capaian_total(data: pd.DataFrame, triwulan: int) -> tuple[float | None, float | None, float | None]:
    """All clusters together, from the progres_triwulan rows: (realisation, target, achievement) cumulated to
    `triwulan` — the sums the Evaluasi view and Progres Triwulan's per-kabupaten table use. None where there is no
    target or no data yet."""
    baris = data[data["triwulan"] == triwulan]
    target = baris["target_kumulatif"].sum(min_count=1)
    realisasi = baris["realisasi_kumulatif"].sum(min_count=1)
    target = None if pd.isna(target) else float(target)
    realisasi = None if pd.isna(realisasi) else float(realisasi)
    return realisasi, target, _progres.capaian(realisasi, target)


# ---------- the views ----------------------------------------------------------------------------------------

def ringkasan(q: Kueri, kode: str, tahun: int, triwulan: int, wilayah: str | None = None) -> str:
    """Ringkasan (and the report's headline figures): priority villages, the biggest remaining gap, the quarter
    against target."""
    wilayah = wilayah or nama_wilayah(q, kode)
    kpi = q("ringkasan_kpi", kode=kode, tahun=tahun, triwulan=triwulan).set_index("periode")
    n_prioritas = kpi.loc["ini", "desa_prioritas"] if "ini" in kpi.index else 0
    if len(kode) == 13:
        bagian = [t("desa prioritas") if n_prioritas else t("bukan desa prioritas")]
    else:
        bagian = [t("{n} desa prioritas", n=fmt.angka(n_prioritas))]
    bagian.append(_pr_terbesar(q("kebutuhan_per_klaster", kode=kode, tahun=tahun, triwulan=triwulan)))
    bagian.append(_terhadap_target(q, kode, tahun, triwulan))
    return _kalimat(wilayah, bagian)


def _pr_terbesar(per_klaster: pd.DataFrame) -> str:
    if per_klaster.empty or _nol(per_klaster["kebutuhan"].sum()):
        return t("tidak ada kebutuhan tercatat")
    terbesar = _urut_tersisa(per_klaster).iloc[0]
    if _nol(terbesar["tersisa"]):
        return t("semua kebutuhan tertutup")
    return t("PR terbesar {klaster} ({n} keluarga)", klaster=_klaster.label(terbesar["klaster"]),
             n=fmt.angka(terbesar["tersisa"]))


def _terhadap_target(q: Kueri, kode: str, tahun: int, triwulan: int) -> str:
    realisasi, target, c = capaian_total(q("progres_triwulan", kode=kode, tahun=tahun), triwulan)
    if target is None or target <= 0:
        return t("{tw}: belum ada target", tw=fmt.tw(triwulan))
    if c is None:
        return t("{tw}: belum ada data", tw=fmt.tw(triwulan))
    return t("{tw}: {p} dari target", tw=fmt.tw(triwulan), p=fmt.persen(c))


def peta(q: Kueri, kode: str, tahun: int, triwulan: int, wilayah: str | None = None, *,
         klaster: str | None = None) -> str:
    """Peta: the cluster shown (default: the biggest remaining gap), its remaining families in the region, and
    the heaviest region on the map per 100 families — for one village, its rank within its kecamatan."""
    from pke import maps

    wilayah = wilayah or nama_wilayah(q, kode)
    kunci = klaster if klaster in _klaster.BY_KUNCI else klaster_terbesar(q, kode, tahun, triwulan)
    awal = f"{wilayah} · {_klaster.label(kunci)}"
    ling = maps.lingkup_peta(kode)
    data = q("peta_wilayah", kode=ling.area, panjang=ling.panjang, klaster=kunci, tahun=tahun, triwulan=triwulan)
    if data.empty:
        return _kalimat(wilayah, [t("tidak ada data keluarga")])
    per_klaster = q("kebutuhan_per_klaster", kode=kode, tahun=tahun, triwulan=triwulan).set_index("klaster")
    tersisa = per_klaster["tersisa"].get(kunci, 0)
    if len(kode) == 13:
        urut = data.sort_values("tersisa_per_100", ascending=False, kind="stable").reset_index(drop=True)
        sini = urut.index[urut["kode"] == kode]
        if sini.empty:
            return _kalimat(awal, [t("{n} keluarga tersisa", n=fmt.angka(tersisa))])
        baris = urut.loc[sini[0]]
        return _kalimat(awal, [
            t("{n} keluarga tersisa ({x} per 100 keluarga)", n=fmt.angka(baris["tersisa"]),
              x=fmt.angka(baris["tersisa_per_100"], 1)),
            t("peringkat {urutan} dari {n} desa di kecamatannya", urutan=int(sini[0]) + 1, n=len(urut))])
    if _nol(tersisa):
        return _kalimat(awal, [t("tidak ada keluarga tersisa")])
    terberat = data.sort_values("tersisa_per_100", ascending=False, kind="stable").iloc[0]
    return _kalimat(awal, [t("{n} keluarga tersisa", n=fmt.angka(tersisa)),
                           t("terberat {nama} ({x} per 100 keluarga)", nama=terberat["nama"],
                             x=fmt.angka(terberat["tersisa_per_100"], 1))])


def sektor(q: Kueri, kode: str, tahun: int, triwulan: int, wilayah: str | None = None) -> str:
    """Sektor: the cluster with the most remaining families, its share closed and the OPD answering for it; the
    share of all needs closed."""
    wilayah = wilayah or nama_wilayah(q, kode)
    per_klaster = q("kebutuhan_per_klaster", kode=kode, tahun=tahun, triwulan=triwulan)
    kebutuhan = per_klaster["kebutuhan"].sum() if not per_klaster.empty else 0
    if _nol(kebutuhan):
        return _kalimat(wilayah, [t("tidak ada kebutuhan tercatat")])
    terbesar = _urut_tersisa(per_klaster).iloc[0]
    bagian = []
    if _nol(terbesar["tersisa"]):
        bagian.append(t("semua kebutuhan tertutup"))
    else:
        bagian.append(t("PR terbesar {klaster}: {n} keluarga tersisa, {p} tertutup (OPD {opd})",
                        klaster=_klaster.label(terbesar["klaster"]), n=fmt.angka(terbesar["tersisa"]),
                        p=fmt.persen(terbesar["persen_tertutup"]), opd=terbesar["opd"]))
    bagian.append(t("{p} dari seluruh kebutuhan tertutup", p=fmt.persen(per_klaster["selesai"].sum() / kebutuhan)))
    return _kalimat(wilayah, bagian)


def progres(q: Kueri, kode: str, tahun: int, triwulan: int, wilayah: str | None = None) -> str:
    """Progres Triwulan: realisation against the cumulative target to this quarter — for a quarter still running on
    the data's date, against its target pro-rated to that date, saying so, with the full-quarter share beside —,
    how many clusters are on track, and the cluster furthest behind."""
    wilayah = wilayah or nama_wilayah(q, kode)
    data = q("progres_triwulan", kode=kode, tahun=tahun)
    realisasi, target, c = capaian_total(data, triwulan)
    tw = fmt.tw(triwulan)
    if target is None or target <= 0:
        bagian = [t("belum ada target tahun {tahun}", tahun=tahun)]
        if realisasi is not None:
            bagian.append(t("{n} kebutuhan tertutup sampai {tw}", n=fmt.angka(realisasi), tw=tw))
        return _kalimat(wilayah, bagian)
    if c is None:
        return _kalimat(wilayah, [t("{tw}: belum ada data", tw=tw)])
    meta = q("meta")
    tanggal = dict(zip(meta["kunci"], meta["nilai"])).get("tanggal_data")
    tanggal_data = dt.date.fromisoformat(tanggal) if tanggal else None
    berlalu = _progres.triwulan_berlalu(tahun, tanggal_data) if tanggal_data else float(triwulan)
    berjalan = _progres.triwulan_berjalan(tahun, triwulan, tanggal_data)
    pk = _progres.per_klaster(data, triwulan, berlalu, berjalan)
    target_pr = pk["target_pro_rata"].sum(min_count=1)
    c_pr = _progres.capaian(realisasi, target_pr)
    if berjalan is not None and c_pr is not None:
        bagian = [t("{tw} berjalan (data s.d. {tanggal}, {hari} dari {total} hari): {p} dari target pro-rata "
                    "({r} dari {tg} keluarga), {penuh} dari target penuh", tw=tw,
                    tanggal=fmt.tanggal(berjalan.tanggal), hari=berjalan.hari, total=berjalan.hari_total,
                    p=fmt.persen(c_pr), r=fmt.angka(realisasi), tg=fmt.angka(target_pr), penuh=fmt.persen(c))]
    else:
        bagian = [t("{tw}: {p} dari target ({r} dari {tg} keluarga)", tw=tw, p=fmt.persen(c),
                    r=fmt.angka(realisasi), tg=fmt.angka(target))]
    dinilai = pk[pk["capaian"].notna()]
    sesuai = int((dinilai["capaian"] >= _progres.BATAS_SESUAI).sum())
    bagian.append(t("{a} dari {b} klaster sesuai target", a=sesuai, b=len(dinilai)))
    if sesuai < len(dinilai):
        paling = dinilai.sort_values("capaian", kind="stable").iloc[0]
        bagian.append(t("paling tertinggal {klaster} ({p}, {status})", klaster=_klaster.label(paling["klaster"]),
                        p=fmt.persen(paling["capaian"]), status=paling["status"]))
    return _kalimat(wilayah, bagian)


def evaluasi(q: Kueri, kode: str, tahun: int, triwulan: int, wilayah: str | None = None, *,
             prioritas: bool = False) -> str:
    """Evaluasi Provinsi: of the province's kabupaten/kota, how many are on track to this quarter — a quarter still
    running on the data's date against its target pro-rated to that date, saying so (pke.progres, as Progres
    Triwulan) —, the one furthest behind, and the priority ones; with `prioritas` (the view's "priority only"
    switch) of the priority kabupaten/kota alone. `wilayah`: the province's name (None looks it up)."""
    provinsi = kode[:2]
    wilayah = wilayah or nama_wilayah(q, provinsi)
    if not provinsi:
        return _kalimat(wilayah, [t("pilih provinsi")])
    ev = q("evaluasi_kabupaten", kode=provinsi, tahun=tahun, triwulan=triwulan)
    if prioritas and ev["prioritas"].any():
        ev = ev[ev["prioritas"].astype(bool)].reset_index(drop=True)
    if ev.empty:
        return _kalimat(wilayah, [t("tidak ada data kabupaten/kota")])
    tw = fmt.tw(triwulan)
    tanggal_data = tanggal_data_dari(q)
    berjalan = _progres.triwulan_berjalan(tahun, triwulan, tanggal_data)
    capaian = capaian_kabupaten(ev, tahun, triwulan, tanggal_data)
    sesuai = capaian >= _progres.BATAS_SESUAI
    prioritas_saja = ev["prioritas"].astype(bool)
    if capaian.isna().all():
        bagian = [t("belum ada target tahun {tahun}", tahun=tahun)]
        terendah = ev.sort_values("persen_tertutup", kind="stable").iloc[0]
        if pd.notna(terendah["persen_tertutup"]):
            bagian.append(t("kebutuhan tertutup terendah {nama} ({p})", nama=terendah["nama"],
                            p=fmt.persen(terendah["persen_tertutup"])))
    else:
        a, b = int(sesuai.sum()), len(ev)
        if berjalan is not None:
            tanggal = fmt.tanggal(berjalan.tanggal)
            bagian = [t("{a} dari {b} kabupaten/kota prioritas sesuai target pro-rata {tw} berjalan (data s.d. "
                        "{tanggal})", a=a, b=b, tw=tw, tanggal=tanggal) if prioritas and prioritas_saja.all() else
                      t("{a} dari {b} kabupaten/kota sesuai target pro-rata {tw} berjalan (data s.d. {tanggal})",
                        a=a, b=b, tw=tw, tanggal=tanggal)]
        else:
            bagian = [t("{a} dari {b} kabupaten/kota prioritas sesuai target sampai {tw}", a=a, b=b, tw=tw)
                      if prioritas and prioritas_saja.all() else
                      t("{a} dari {b} kabupaten/kota sesuai target sampai {tw}", a=a, b=b, tw=tw)]
        if not sesuai[capaian.notna()].all():
            paling = ev.loc[capaian.idxmin()]
            bagian.append(t("paling tertinggal {nama} ({p})", nama=paling["nama"], p=fmt.persen(capaian.min())))
    if prioritas_saja.any() and not prioritas:  # with the switch on, the first part already speaks of them
        bagian.append(t("{n} kabupaten/kota prioritas, {a} di antaranya sesuai target", n=int(prioritas_saja.sum()),
                        a=int((sesuai & prioritas_saja).sum())))
    return _kalimat(wilayah, bagian)


def tanggal_data_dari(q: Kueri) -> dt.date | None:
    """The date the data runs to (meta tanggal_data), or None."""
    meta = q("meta")
    tanggal = dict(zip(meta["kunci"], meta["nilai"])).get("tanggal_data")
    return dt.date.fromisoformat(tanggal) if tanggal else None


def capaian_kabupaten(ev: pd.DataFrame, tahun: int, triwulan: int, tanggal_data: dt.date | None) -> pd.Series:
    """Each evaluasi_kabupaten row's achievement against its target to quarter `triwulan`, pro-rated to the data's
    date while that quarter runs (pke.progres.capaian_pro_rata): the figure Evaluasi Provinsi shows, ranks and
    colours by."""
    return pd.Series([_progres.capaian_pro_rata(r, tk, tt, tahun, triwulan, tanggal_data) for r, tk, tt in
                      zip(ev["realisasi_kumulatif"], ev["target_kumulatif"], ev["target_triwulan"])],
                     index=ev.index, dtype="float64")


def peringkat(q: Kueri, kode: str, tahun: int, triwulan: int, wilayah: str | None = None) -> str:
    """The report's ranking section: for a province the Evaluasi message; for a kabupaten or kecamatan (or '' for
    all, per province) the sub-regions with the most remaining families (Sektor's per-region table); for a village
    its rank among the villages of its kecamatan (Profil Desa)."""
    if len(kode) == 2:
        return evaluasi(q, kode, tahun, triwulan, wilayah)
    wilayah = wilayah or nama_wilayah(q, kode)
    if len(kode) == 13:
        banding = q("desa_sekecamatan", kode=kode[:8], tahun=tahun, triwulan=triwulan)
        kode_desa = list(banding["kode"])
        if kode not in kode_desa:
            return _kalimat(wilayah, [t("tidak ada data desa ini")])
        return _kalimat(wilayah, [t("peringkat {urutan} dari {n} desa di kecamatannya menurut kebutuhan tersisa per "
                                    "100 keluarga (1 = paling berat)", urutan=kode_desa.index(kode) + 1,
                                    n=len(kode_desa))])
    total = tersisa_per_subwilayah(q("kebutuhan_per_subwilayah", kode=kode, tahun=tahun, triwulan=triwulan))
    if total.empty or _nol(total.iloc[0]):
        return _kalimat(wilayah, [t("tidak ada kebutuhan tersisa")])
    teratas = ", ".join(f"{nama} ({fmt.angka(n)})" for nama, n in total.head(3).items() if n > 0)
    return _kalimat(wilayah, [t("kebutuhan tersisa terbanyak di {daftar}", daftar=teratas)])


def tersisa_per_subwilayah(anak: pd.DataFrame) -> pd.Series:
    """Remaining families per child region (kebutuhan_per_subwilayah rows), all clusters, heaviest first: the
    order of the report's ranking table."""
    if anak.empty:
        return pd.Series(dtype="int64")
    total = anak.groupby("nama", sort=False)["tersisa"].sum()
    return total.sort_values(ascending=False, kind="stable")


def desa(q: Kueri, kode: str, tahun: int, triwulan: int, wilayah: str | None = None) -> str:
    """Profil Desa: priority status and OPD pendamping, the biggest remaining gaps. For a region that is not a
    village: the Ringkasan message."""
    if len(kode) != 13:
        return ringkasan(q, kode, tahun, triwulan, wilayah)
    profil = q("profil_desa", kode=kode, tahun=tahun)
    if profil.empty:
        return _kalimat(wilayah or nama_wilayah(q, kode), [t("tidak ada data desa ini")])
    p = profil.iloc[0]
    wilayah = wilayah or f"{t('Kelurahan') if p['is_kelurahan'] else t('Desa')} {p['nama']}"
    if p["prioritas"]:
        bagian = [t("desa prioritas PKE {tahun}", tahun=tahun),
                  t("OPD pendamping {opd}", opd=p["opd_pendamping"]) if p["opd_pendamping"]
                  else t("OPD pendamping belum ditetapkan")]
    else:
        bagian = [t("bukan desa prioritas PKE {tahun}", tahun=tahun)]
    per_klaster = q("kebutuhan_per_klaster", kode=kode, tahun=tahun, triwulan=triwulan)
    ada = _urut_tersisa(per_klaster[per_klaster["tersisa"] > 0]) if not per_klaster.empty else per_klaster
    if ada.empty:
        bagian.append(t("tidak ada kebutuhan tersisa"))
    else:
        bagian.append(t("kebutuhan tersisa terbesar {daftar}", daftar=", ".join(
            f"{_klaster.label(r.klaster)} ({fmt.angka(r.tersisa)})" for r in ada.head(2).itertuples())))
    return _kalimat(wilayah, bagian)


def kolaborasi(q: Kueri, kode: str, tahun: int, triwulan: int, wilayah: str | None = None, *,
               klaster: Iterable[str] = KOLABORASI_KLASTER, dasar: str = KOLABORASI_DASAR,
               anggaran: float = KOLABORASI_ANGGARAN, biaya: pd.DataFrame | None = None) -> str:
    """Peluang Kolaborasi: the estimated cost of the chosen clusters' unmet needs, and how many villages and
    families a partner's budget reaches — with the view's choices (`klaster`, `dasar` 'belum'/'tersisa',
    `anggaran` in rupiah, the unit-cost table `biaya`; defaults: the view's presentation-mode assumptions)."""
    from pke import kolaborasi as _kolaborasi

    wilayah = wilayah or nama_wilayah(q, kode)
    if len(kode) < 5:
        return _kalimat(wilayah, [t("peluang kolaborasi dihitung per kabupaten/kota, kecamatan atau desa")])
    pilih = list(klaster)
    kebutuhan = q("kebutuhan_desa_klaster", kode=kode, tahun=tahun, triwulan=triwulan)
    kebutuhan = kebutuhan[kebutuhan["klaster"].isin(pilih)]
    biaya = _kolaborasi.tabel_biaya() if biaya is None else biaya
    per_desa = (_kolaborasi.jangkauan(_kolaborasi.hitung(kebutuhan, biaya, dasar), anggaran)
                if not kebutuhan.empty else pd.DataFrame())
    if per_desa.empty:
        return _kalimat(wilayah, [t("tidak ada kebutuhan terbuka untuk klaster terpilih")])
    terjangkau = per_desa[per_desa["terjangkau"]]
    return _kalimat(wilayah, [
        t("perkiraan biaya {biaya} untuk {k} keluarga di {d} desa", biaya=fmt.rupiah(per_desa["biaya"].sum()),
          k=fmt.angka(per_desa["keluarga_dibantu"].sum()), d=fmt.angka(len(per_desa))),
        t("anggaran {a} menjangkau {d} desa ({k} keluarga)", a=fmt.rupiah(anggaran), d=fmt.angka(len(terjangkau)),
          k=fmt.angka(terjangkau["keluarga_dibantu"].sum()))])


def kualitas(q: Kueri, kode: str, tahun: int, triwulan: int, wilayah: str | None = None) -> str:
    """Kualitas Data: the data problems with the most records (pke.kualitas), with their share where it has
    one."""
    from pke import kualitas as _kualitas

    wilayah = wilayah or nama_wilayah(q, kode)
    ringkas = q("kualitas_ringkas", kode=kode)
    if ringkas.empty:
        return _kalimat(wilayah, [t("tidak ada data")])
    rk = _kualitas.ringkasan(ringkas.iloc[0]).sort_values("jumlah", ascending=False, kind="stable")
    rk = rk[rk["jumlah"] > 0]
    if rk.empty:
        return _kalimat(wilayah, [t("tidak ada masalah data tercatat")])

    def masalah(r) -> str:
        jumlah = fmt.angka(r.jumlah)
        if pd.notna(r.persen):
            jumlah += "; " + t("{p} dari total", p=fmt.persen(r.persen))
        return f"{r.label} ({jumlah})"

    baris = list(rk.head(2).itertuples())
    bagian = [t("masalah data terbesar {masalah}", masalah=masalah(baris[0]))]
    if len(baris) > 1:
        bagian.append(t("lalu {masalah}", masalah=masalah(baris[1])))
    return _kalimat(wilayah, bagian)


def padan(q: Kueri, kode: str, tahun: int, triwulan: int, wilayah: str | None = None, *,
          urut: str = "dukcapil") -> str:
    """Kualitas Data's matching slide: the region's member records matched with Dukcapil and families found in
    DTKS, and the sub-region with the lowest rate of `urut` ('dukcapil' or 'dtks'; padan_per_wilayah query)."""
    from pke import kualitas as _kualitas

    wilayah = wilayah or nama_wilayah(q, kode)
    df = q("padan_per_wilayah", kode=kode)
    ini = df[df["wilayah_ini"].astype(bool)]
    if ini.empty or not ini.iloc[0]["individu"]:
        return _kalimat(wilayah, [t("tidak ada data")])
    r = ini.iloc[0]
    bagian = [t("{p} individu padan Dukcapil ({a} dari {b})", p=fmt.persen(r["persen_padan"]),
                a=fmt.angka(r["individu_padan"]), b=fmt.angka(r["individu"])),
              t("{p} keluarga ada di DTKS ({a} dari {b})", p=fmt.persen(r["persen_dtks"]),
                a=fmt.angka(r["keluarga_dtks"]), b=fmt.angka(r["keluarga"]))]
    anak = _kualitas.padan_urut(df, urut)
    if len(anak) > 1:
        kolom = _kualitas.URUT_PADAN[urut][1]
        terendah = anak.iloc[0]
        nama, p = terendah["nama"], fmt.persen(terendah[kolom])
        bagian.append(t("padan Dukcapil terendah di {nama} ({p})", nama=nama, p=p) if urut == "dukcapil"
                      else t("DTKS terendah di {nama} ({p})", nama=nama, p=p))
    return _kalimat(wilayah, bagian)


def tindak_lanjut(daftar: pd.DataFrame | None, wilayah: str, hari_ini: dt.date | None = None) -> str:
    """The meeting follow-ups (pke.tindak_lanjut.daftar: keputusan, opd, tenggat, status 'berjalan' / 'selesai' /
    'terlambat'): how many, done, past their due date."""
    if daftar is None or daftar.empty:
        return _kalimat(wilayah, [t("belum ada keputusan rakor yang tercatat")])
    hari_ini = hari_ini or dt.date.today()
    status = status_tindak_lanjut(daftar, hari_ini)
    return _kalimat(wilayah, [t("{n} keputusan rakor: {s} selesai, {l} lewat tenggat", n=fmt.angka(len(daftar)),
                                s=fmt.angka((status == "selesai").sum()), l=fmt.angka((status == "terlambat").sum()))])


def status_tindak_lanjut(daftar: pd.DataFrame, hari_ini: dt.date | None = None) -> pd.Series:
    """'selesai', 'terlambat' (not done, past its due date) or 'berjalan' per follow-up: its `status` column when
    it has one, else from `status_opd` (or nothing) and `tenggat` on `hari_ini` (default today)."""
    if "status" in daftar:  # as pke.tindak_lanjut.daftar computed it for its day
        return daftar["status"].astype("string").str.lower().fillna("berjalan")
    hari_ini = hari_ini or dt.date.today()
    status = (daftar["status_opd"].astype("string").str.lower().fillna("berjalan") if "status_opd" in daftar
              else pd.Series("berjalan", index=daftar.index, dtype="string"))
    if "tenggat" in daftar:
        tenggat = pd.to_datetime(daftar["tenggat"], errors="coerce").dt.date
        lewat = pd.Series([tg is not None and not pd.isna(tg) and tg < hari_ini for tg in tenggat],
                          index=daftar.index)
        status = status.where(~(lewat & (status != "selesai")), "terlambat")
    return status


def peringkat_desa(q: Kueri, kode: str, tahun: int, triwulan: int, wilayah: str | None = None, *,
                   klaster: str | None = None, ukuran: str = "jumlah", naik: bool = False,
                   hanya_prioritas: bool | None = None) -> str:
    """Peringkat Desa: for the cluster ranked (default: the biggest remaining gap), the villages with the gap
    (priority villages only with `hanya_prioritas`; None: the view's default, pke.peringkat.prioritas_bawaan), the
    families remaining, the first-ranked village by measure `ukuran` and the OPD answering for the cluster. A village
    is ranked among the villages of its kecamatan: its own rank."""
    from pke import peringkat as _peringkat

    wilayah = wilayah or nama_wilayah(q, kode)
    area = _peringkat.area(kode)
    kunci = klaster if klaster in _klaster.BY_KUNCI else klaster_terbesar(q, area, tahun, triwulan)
    ukuran = ukuran if ukuran in _peringkat.UKURAN else "jumlah"
    if hanya_prioritas is None:
        hanya_prioritas = _peringkat.prioritas_bawaan(q, area, tahun, triwulan)
    awal = f"{wilayah} · {_klaster.label(kunci)}"
    data = q("peringkat_desa", kode=area, tahun=tahun, triwulan=triwulan, klaster=kunci, ukuran=ukuran, naik=naik,
             hanya_prioritas=hanya_prioritas)
    if data.empty:
        return _kalimat(awal, [t("tidak ada desa prioritas dengan kebutuhan ini") if hanya_prioritas
                               else t("tidak ada desa dengan kebutuhan ini")])
    opd = t("OPD penanggung jawab {opd}", opd=data["opd_klaster"].iloc[0])
    if len(kode) == 13:
        sini = data.index[data["kode"] == kode]
        if sini.empty:
            return _kalimat(awal, [t("desa ini tidak memiliki kebutuhan ini"), opd])
        baris = data.loc[sini[0]]
        return _kalimat(awal, [_nilai_peringkat(baris, ukuran, tahun, triwulan),
                               t("peringkat {urutan} dari {n} desa di kecamatannya", urutan=int(baris["peringkat"]),
                                 n=len(data)), opd])
    pertama = data.iloc[0]
    jumlah = (t("{n} desa prioritas dengan kebutuhan ini", n=fmt.angka(len(data))) if hanya_prioritas
              else t("{n} desa dengan kebutuhan ini", n=fmt.angka(len(data))))
    return _kalimat(awal, [
        jumlah + ", " + t("{n} keluarga tersisa", n=fmt.angka(data["tersisa"].sum())),
        t("peringkat 1 {desa} ({nilai})", desa=pertama["desa"],
          nilai=_nilai_peringkat(pertama, ukuran, tahun, triwulan)),
        opd])


def _nilai_peringkat(baris, ukuran: str, tahun: int, triwulan: int) -> str:
    """A village's value of ranking measure `ukuran`, with its unit."""
    if ukuran == "per100":
        return t("{x} per 100 keluarga", x=fmt.angka(baris["per_100"], 1))
    if ukuran == "perubahan":
        qi = tahun * 4 + triwulan - 2
        return t("{x} sejak {periode}", x=fmt.selisih(baris["perubahan"]),
                 periode=fmt.triwulan_singkat(qi // 4, qi % 4 + 1))
    return t("{n} keluarga tersisa", n=fmt.angka(baris["tersisa"]))


def register_desa_prioritas(q: Kueri, kode: str, tahun: int, triwulan: int, wilayah: str | None = None) -> str:
    """Register Desa Prioritas: the priority villages of the year and their OPD pendamping (or how many have
    none), the interventions done in them by the end of the quarter and the share the OPD pendamping did itself,
    the needs remaining, and the villages on track against targets of their own where any are set."""
    from pke import peringkat as _peringkat

    wilayah = wilayah or nama_wilayah(q, kode)
    reg = q("register_desa_prioritas", kode=_peringkat.area(kode), tahun=tahun, triwulan=triwulan, urut="wilayah",
            **_peringkat.parameter_register(q, tahun, triwulan))
    if len(kode) == 13:  # a village: its own row of its kecamatan's register
        sini = reg[reg["kode"] == kode]
        if sini.empty:
            return _kalimat(wilayah, [t("bukan desa prioritas PKE {tahun}", tahun=tahun),
                                      t("{n} desa prioritas di kecamatannya", n=fmt.angka(len(reg)))])
        reg = sini
    if reg.empty:
        return _kalimat(wilayah, [t("tidak ada desa prioritas tahun {tahun}", tahun=tahun)])
    if len(kode) == 13:
        opd = reg["opd_pendamping"].iloc[0]
        bagian = [t("desa prioritas PKE {tahun}", tahun=tahun),
                  t("OPD pendamping {opd}", opd=opd) if pd.notna(opd) else t("OPD pendamping belum ditetapkan")]
    else:
        bagian = [t("{n} desa prioritas", n=fmt.angka(len(reg)))]
    ada_opd = reg["opd_pendamping"].notna()
    if ada_opd.any() and len(kode) != 13:
        bagian[0] += ", " + t("{n} OPD pendamping", n=fmt.angka(reg.loc[ada_opd, "opd_pendamping"].nunique()))
    if not ada_opd.all() and len(kode) != 13:
        bagian.append(t("{n} desa belum punya OPD pendamping", n=fmt.angka((~ada_opd).sum())))
    selesai = reg["pendamping_selesai"].sum() + reg["lain_selesai"].sum()
    if ada_opd.any() and selesai:
        bagian.append(t("{n} intervensi selesai, {p} oleh OPD pendamping sendiri", n=fmt.angka(selesai),
                        p=fmt.persen(reg["pendamping_selesai"].sum() / selesai)))
    else:
        bagian.append(t("{n} intervensi selesai", n=fmt.angka(selesai)))
    bagian.append(t("{n} kebutuhan tersisa", n=fmt.angka(reg["tersisa"].sum())))
    dinilai = reg["capaian"].dropna()
    if not dinilai.empty:
        bagian.append(t("{a} dari {b} desa bertarget sesuai target", a=fmt.angka((dinilai >= _progres.BATAS_SESUAI)
                                                                                .sum()),
                        b=fmt.angka(len(dinilai))))
    return _kalimat(wilayah, bagian)


# The key message of each view of the dashboard, by its url path (ui.halaman).
PER_HALAMAN: dict[str, Callable[..., str]] = {
    "ringkasan": ringkasan, "peta": peta, "sektor": sektor, "progres": progres, "evaluasi": evaluasi,
    "desa": desa, "kolaborasi": kolaborasi, "kualitas": kualitas,
}
