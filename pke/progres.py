"""Progress against targets: the colour rule, the projection at the current pace, and saving targets.

The rule, shown to users on the Progres Triwulan view: cumulative realisation divided by cumulative target
from the first quarter of the year up to the selected quarter — at least 90 % is on track (hijau), 70–90 %
is behind (kuning), under 70 % is far behind (merah); no target set means the status cannot be judged.

A quarter still running on the data's date ("triwulan berjalan") is judged against its target pro-rated to that
date: the earlier quarters' targets in full plus the running quarter's target × days elapsed / days in the
quarter (`triwulan_berjalan`, `target_pro_rata`, `capaian_pro_rata`); the full-quarter achievement is shown beside.

Targets are set per kabupaten/kota, kecamatan or priority village (× cluster × quarter). A region's target is its
own: a kabupaten's is never the sum of its kecamatan's (the sum is shown beside it, so differences are visible);
only a province's is the sum of its kabupaten's.
"""
from __future__ import annotations

import datetime as dt
import math
import sqlite3
from dataclasses import dataclass

import pandas as pd

from pke import config, fmt, klaster
from pke.i18n import N_, t

BATAS_SESUAI = 0.9
BATAS_TERTINGGAL = 0.7


@dataclass(frozen=True)
class Status:
    kunci: str
    label: str
    warna: str  # background colour, colour-blind safe, AA contrast with dark text


SESUAI = Status("sesuai", N_("Sesuai target"), "#9be3c5")
TERTINGGAL = Status("tertinggal", N_("Tertinggal"), "#ffd98a")
JAUH = Status("jauh", N_("Jauh tertinggal"), "#f4a3a3")
TANPA_TARGET = Status("tanpa_target", N_("Tanpa target"), "#e4e7eb")
SEMUA_STATUS = (SESUAI, TERTINGGAL, JAUH, TANPA_TARGET)


def aturan() -> str:
    """The colour rule, as shown to users."""
    return t("Capaian = realisasi kumulatif ÷ target kumulatif sejak triwulan I. ≥ {sesuai} **{l_sesuai}**, "
             "{tertinggal}–{sesuai} **{l_tertinggal}**, < {tertinggal} **{l_jauh}**.",
             sesuai=fmt.persen(BATAS_SESUAI, 0), tertinggal=fmt.persen(BATAS_TERTINGGAL, 0),
             l_sesuai=t(SESUAI.label), l_tertinggal=t(TERTINGGAL.label), l_jauh=t(JAUH.label))


def warna_status() -> dict[str, str]:
    """Background colour per status label in the language of the run (for Styler.map)."""
    return {t(s.label): s.warna for s in SEMUA_STATUS}


def capaian(realisasi, target) -> float | None:
    if target is None or pd.isna(target) or target <= 0 or realisasi is None or pd.isna(realisasi):
        return None
    return float(realisasi) / float(target)


def status(realisasi, target) -> Status:
    c = capaian(realisasi, target)
    if c is None:
        return TANPA_TARGET
    if c >= BATAS_SESUAI:
        return SESUAI
    if c >= BATAS_TERTINGGAL:
        return TERTINGGAL
    return JAUH


def status_pro_rata(realisasi_kumulatif, target_kumulatif, target_triwulan, tahun: int, triwulan: int,
                    tanggal_data: dt.date | None) -> Status:
    """The status by the same rule on the achievement against the pro-rated target (capaian_pro_rata)."""
    return status(realisasi_kumulatif, target_pro_rata(target_kumulatif, target_triwulan,
                                                       fraksi_triwulan(tahun, triwulan, tanggal_data)))


@dataclass(frozen=True)
class TriwulanBerjalan:
    """A quarter still running on the data's date: the data runs to `tanggal`, day `hari` of `hari_total`."""
    tahun: int
    triwulan: int
    tanggal: dt.date
    hari: int
    hari_total: int

    @property
    def fraksi(self) -> float:
        return self.hari / self.hari_total

    def keterangan(self) -> str:
        """The plain statement shown above a running quarter's comparison."""
        return t("Triwulan berjalan: data s.d. {tanggal} ({hari} dari {total} hari); target dipro-rata",
                 tanggal=fmt.tanggal(self.tanggal), hari=self.hari, total=self.hari_total)


def batas_triwulan(tahun: int, triwulan: int) -> tuple[dt.date, dt.date]:
    """The first and the last day of a quarter."""
    awal = dt.date(int(tahun), 3 * int(triwulan) - 2, 1)
    akhir = dt.date(int(tahun) + 1, 1, 1) if triwulan == 4 else dt.date(int(tahun), 3 * int(triwulan) + 1, 1)
    return awal, akhir - dt.timedelta(days=1)


def triwulan_berjalan(tahun: int, triwulan: int, tanggal_data: dt.date | None) -> TriwulanBerjalan | None:
    """The quarter, if the data's date falls inside it before its last day (data to 23 November 2026: Q4 2026, day
    54 of 92); None for a quarter the data covers in full, or one not begun (or no data date known)."""
    if tanggal_data is None:
        return None
    awal, akhir = batas_triwulan(tahun, triwulan)
    if not awal <= tanggal_data < akhir:
        return None
    return TriwulanBerjalan(int(tahun), int(triwulan), tanggal_data, (tanggal_data - awal).days + 1,
                            (akhir - awal).days + 1)


def fraksi_triwulan(tahun: int, triwulan: int, tanggal_data: dt.date | None) -> float:
    """The share of the quarter the data covers: 1 for a quarter ended by the data's date (or no date known), days
    elapsed / days in the quarter for the running one, 0 for a quarter not begun."""
    if tanggal_data is None:
        return 1.0
    awal, akhir = batas_triwulan(tahun, triwulan)
    if tanggal_data >= akhir:
        return 1.0
    if tanggal_data < awal:
        return 0.0
    return triwulan_berjalan(tahun, triwulan, tanggal_data).fraksi


def target_pro_rata(target_kumulatif, target_triwulan, fraksi: float) -> float | None:
    """The cumulative target to the data's date: the earlier quarters' targets in full and the selected quarter's
    target × `fraksi` (fraksi_triwulan), rounded to whole households (so the achievement shown is the ratio of the
    two numbers shown). None where no target is set."""
    if target_kumulatif is None or pd.isna(target_kumulatif):
        return None
    tw = 0.0 if target_triwulan is None or pd.isna(target_triwulan) else float(target_triwulan)
    return float(math.floor(float(target_kumulatif) - tw * (1.0 - fraksi) + 0.5))


def capaian_pro_rata(realisasi_kumulatif, target_kumulatif, target_triwulan, tahun: int, triwulan: int,
                     tanggal_data: dt.date | None) -> float | None:
    """Achievement to quarter `triwulan` of `tahun` against the target pro-rated to the data's date: the same as
    capaian() for a quarter the data covers in full; for the running quarter its own target (`target_triwulan`,
    the part of `target_kumulatif` set for that quarter) counts by the days elapsed."""
    return capaian(realisasi_kumulatif, target_pro_rata(target_kumulatif, target_triwulan,
                                                        fraksi_triwulan(tahun, triwulan, tanggal_data)))


def triwulan_berlalu(tahun: int, sampai: dt.date) -> float:
    """How many quarters of `tahun` have passed by the data's date `sampai` (0 to 4, fractional)."""
    awal, akhir = dt.date(tahun, 1, 1), dt.date(tahun + 1, 1, 1)
    if sampai >= akhir:
        return 4.0
    if sampai < awal:
        return 0.0
    return 4.0 * ((sampai - awal).days + 1) / (akhir - awal).days


def proyeksi_akhir_tahun(realisasi_kumulatif, triwulan_berjalan: float) -> float | None:
    """Year-end realisation if the pace so far (per quarter elapsed) holds for the rest of the year."""
    if triwulan_berjalan <= 0 or realisasi_kumulatif is None or pd.isna(realisasi_kumulatif):
        return None
    return float(realisasi_kumulatif) / triwulan_berjalan * 4


class TargetError(ValueError):
    pass


def target_sekarang(path, kode_wilayah: str, tahun: int) -> dict[tuple[str, int], int]:
    """The targets in force for one region and year, {(klaster, triwulan): households}: the newest of the imported
    and the app-edited value of each cell (the catalog's `target` view over database `path` and its store).
    Raises TargetError unless the region may have targets that year: a kabupaten/kota, a kecamatan, or a village
    that is a priority village of that year."""
    from pke import db

    if len(kode_wilayah) not in (5, 8, 13):
        raise TargetError(t("Target ditetapkan per kabupaten/kota, kecamatan atau desa prioritas."))
    con = db.buka(path)
    cur = db.kursor(con)
    try:
        baris = cur.execute(
            "SELECT w.nama, EXISTS (SELECT 1 FROM desa_prioritas d WHERE d.kode = w.kode AND d.tahun = $tahun) "
            "FROM wilayah w WHERE w.kode = $kode", {"kode": kode_wilayah, "tahun": int(tahun)}).fetchall()
        if not baris:
            raise TargetError(t("Kode wilayah {kode} tidak dikenal.", kode=kode_wilayah))
        if len(kode_wilayah) == 13 and not baris[0][1]:
            raise TargetError(t("{nama} bukan desa prioritas tahun {tahun}: target desa hanya untuk desa prioritas.",
                                nama=baris[0][0], tahun=tahun))
        db.daftarkan_operasional(cur, config.store_path(path))
        return {(k, int(tw)): int(n) for k, tw, n in cur.execute(
            "SELECT klaster, triwulan, target_keluarga FROM target WHERE kode_wilayah = $kode AND tahun = $tahun",
            {"kode": kode_wilayah, "tahun": int(tahun)}).fetchall()}
    finally:
        cur.close()
        con.close()


def simpan_target(path, kode_wilayah: str, tahun: int, tabel: pd.DataFrame, pengguna: str) -> int:
    """Save the edited targets of one region and year (columns klaster, triwulan, target_keluarga): a
    kabupaten/kota, a kecamatan or a priority village of that year (target_sekarang). Validates first; the
    cells that differ from the targets in force go to the operational store beside database `path`
    (simpan_target_toko)."""
    if not pengguna or not pengguna.strip():
        raise TargetError(t("Nama petugas wajib diisi."))
    tb = tabel[["klaster", "triwulan", "target_keluarga"]].copy()
    tidak_dikenal = set(tb["klaster"]) - set(klaster.KUNCI)
    if tidak_dikenal:
        raise TargetError(t("Klaster tidak dikenal: {daftar}", daftar=", ".join(sorted(tidak_dikenal))))
    nilai = pd.to_numeric(tb["target_keluarga"], errors="coerce")
    salah = tb[tb["target_keluarga"].notna() & (nilai.isna() | (nilai < 0) | (nilai % 1 != 0))]
    if not salah.empty:
        baris = salah.iloc[0]
        raise TargetError(t("Target {klaster} triwulan {tw} harus bilangan bulat ≥ 0 (tertulis: {nilai}).",
                            klaster=klaster.label(baris["klaster"]), tw=baris["triwulan"],
                            nilai=baris["target_keluarga"]))
    tb["target_keluarga"] = nilai
    sekarang = target_sekarang(path, kode_wilayah, tahun)
    return simpan_target_toko(config.store_path(path), kode_wilayah, tahun, tb, pengguna.strip(), sekarang)


def simpan_target_toko(toko, kode_wilayah: str, tahun: int, tb: pd.DataFrame, pengguna: str,
                       sekarang: dict[tuple[str, int], int] | None = None) -> int:
    """Write an edit into the operational store in one short transaction: one history row per cell that changes
    (its old and new value; a blank cell removes the target), milliseconds at any scale, readers never blocked.
    `sekarang`: the targets in force before the edit (target_sekarang), imported ones included, so that blanking
    an imported target removes it and keeping one writes nothing; without it, the store's own newest values.
    The analytic file is not touched. Returns the number of targets set."""
    from pke import operasional

    try:
        con = operasional.buka(toko)
    except (OSError, sqlite3.Error) as e:
        raise TargetError(t("Target tidak dapat disimpan ({sebab}). Tidak ada yang berubah.", sebab=e)) from e
    waktu = operasional.waktu_iso()
    try:
        with operasional.transaksi(con):
            for r in tb.itertuples(index=False):
                baru = None if pd.isna(r.target_keluarga) else int(r.target_keluarga)
                if sekarang is not None:
                    lama = sekarang.get((r.klaster, int(r.triwulan)))
                else:
                    ada = con.execute(
                        "SELECT target_keluarga FROM target_ubah WHERE kode_wilayah = ? AND klaster = ? AND tahun = ? "
                        "AND triwulan = ? ORDER BY id DESC LIMIT 1",
                        (kode_wilayah, r.klaster, int(tahun), int(r.triwulan))).fetchone()
                    lama = None if ada is None else ada[0]
                if lama == baru:  # unchanged, or still no target
                    continue
                con.execute(
                    "INSERT INTO target_ubah (kode_wilayah, klaster, tahun, triwulan, target_keluarga, target_lama, "
                    "diubah_oleh, diubah_pada) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (kode_wilayah, r.klaster, int(tahun), int(r.triwulan), baru, lama, pengguna, waktu))
            operasional.naikkan_versi(con)
    except sqlite3.Error as e:
        raise TargetError(t("Target tidak dapat disimpan ({sebab}). Tidak ada yang berubah.", sebab=e)) from e
    finally:
        con.close()
    return int(tb["target_keluarga"].notna().sum())


def riwayat_target(toko, kode_wilayah: str, tahun: int) -> pd.DataFrame:
    """Every app edit of one region's targets for a year, newest first: who changed which cell from what to
    what, and when."""
    from pke import operasional

    con = operasional.buka(toko)
    try:
        return pd.read_sql_query(
            "SELECT diubah_pada, diubah_oleh, klaster, triwulan, target_lama, target_keluarga FROM target_ubah "
            "WHERE kode_wilayah = ? AND tahun = ? ORDER BY id DESC", con, params=(kode_wilayah, int(tahun)))
    finally:
        con.close()


def perubahan_target(lama: pd.DataFrame, baru: pd.DataFrame) -> list[dict]:
    """The targets an edit changes, as {klaster, triwulan, lama, baru} (None = no target): what the audit log
    keeps of each edit, so the earlier value of every target can be found again."""
    def nilai(df):
        return {(r.klaster, int(r.triwulan)): (None if pd.isna(r.target_keluarga) else int(r.target_keluarga))
                for r in df[["klaster", "triwulan", "target_keluarga"]].itertuples(index=False)}

    a, b = nilai(lama), nilai(baru)
    return [{"klaster": k, "triwulan": tw, "lama": a.get((k, tw)), "baru": b.get((k, tw))}
            for (k, tw) in sorted(a.keys() | b.keys()) if a.get((k, tw)) != b.get((k, tw))]


def per_klaster(data: pd.DataFrame, triwulan: int, berlalu: float,
                berjalan: TriwulanBerjalan | None = None) -> pd.DataFrame:
    """The selected quarter's row per cluster from the progres_triwulan query, with the gap to target,
    achievement, status, the year's target and the projection to year end.

    `berjalan`: the selected quarter is still running (triwulan_berjalan): the gap, achievement and status are
    then against the target pro-rated to the data's date (`target_pro_rata`), and `capaian_penuh` is the
    achievement against the full quarter's target. Otherwise both equal the full comparison."""
    ini = data[data["triwulan"] == triwulan].copy()
    _banding(ini, berjalan if berjalan is not None and berjalan.triwulan == triwulan else None)
    ini["target_tahun"] = ini["klaster"].map(data.groupby("klaster")["target"].sum(min_count=1))
    terakhir = data[data["ada_data"]].groupby("klaster")["realisasi_kumulatif"].last()
    ini["proyeksi"] = [proyeksi_akhir_tahun(terakhir.get(kl), berlalu) for kl in ini["klaster"]]
    return ini.reset_index(drop=True)


def _banding(df: pd.DataFrame, berjalan: TriwulanBerjalan | None) -> None:
    """Add target_pro_rata, selisih, capaian, capaian_penuh and status to rows with target_kumulatif,
    realisasi_kumulatif and the quarter's own target (`target`, or `target_triwulan`)."""
    target_tw = df["target_triwulan"] if "target_triwulan" in df else df["target"]
    fraksi = berjalan.fraksi if berjalan is not None else 1.0
    df["target_pro_rata"] = pd.Series(
        [target_pro_rata(tk, tw, fraksi) for tk, tw in zip(df["target_kumulatif"], target_tw)],
        index=df.index, dtype="float64")
    df["selisih"] = df["realisasi_kumulatif"] - df["target_pro_rata"]
    df["capaian"] = [capaian(r, tg) for r, tg in zip(df["realisasi_kumulatif"], df["target_pro_rata"])]
    df["capaian_penuh"] = [capaian(r, tg) for r, tg in zip(df["realisasi_kumulatif"], df["target_kumulatif"])]
    df["status"] = [t(status(r, tg).label) for r, tg in zip(df["realisasi_kumulatif"], df["target_pro_rata"])]


def per_wilayah(data: pd.DataFrame, berjalan: TriwulanBerjalan | None = None) -> pd.DataFrame:
    """All clusters together per region (progres_per_subwilayah, progres_desa_prioritas), furthest behind first
    (regions without a target last). With `berjalan`, achievement and status are against the pro-rated target,
    as in per_klaster."""
    kunci = [c for c in ("kode", "nama", "kecamatan") if c in data]
    angka = [c for c in ("target_kumulatif", "target_triwulan", "realisasi_kumulatif", "target_tahun",
                         "target_anak_kumulatif") if c in data]
    j = data.groupby(kunci, as_index=False, sort=False, dropna=False)[angka].sum(min_count=1)
    _banding(j, berjalan)
    return j.sort_values(["capaian", "kode"], na_position="last", kind="stable").reset_index(drop=True)


def matriks_triwulan(data: pd.DataFrame) -> pd.DataFrame:
    """Clusters (rows) by quarter (columns): "realisation / target" per quarter, Indonesian numbers."""
    sel = data.assign(teks=[f"{fmt.angka(r)} / {fmt.angka(t)}" for r, t in zip(data["realisasi"], data["target"])])
    m = sel.pivot(index="label", columns="triwulan", values="teks")
    m = m.reindex(index=list(dict.fromkeys(data["label"])))
    m.columns = [fmt.tw(c) for c in m.columns]
    m.index.name = t("Klaster")
    return m

