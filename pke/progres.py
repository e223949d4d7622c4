"""Progress against targets: the colour rule, the projection at the current pace, and saving targets.

The rule, shown to users on the Progres Triwulan view: cumulative realisation divided by cumulative target
from the first quarter of the year up to the selected quarter — at least 90 % is on track (hijau), 70–90 %
is behind (kuning), under 70 % is far behind (merah); no target set means the status cannot be judged.
"""
from __future__ import annotations

import datetime as dt
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


def simpan_target(path, kode_wilayah: str, tahun: int, tabel: pd.DataFrame, pengguna: str) -> int:
    """Save the edited targets of one kabupaten and year (columns klaster, triwulan, target_keluarga).
    Validates first; the edit goes to the operational store beside database `path` (simpan_target_toko)."""
    if not pengguna or not pengguna.strip():
        raise TargetError(t("Nama petugas wajib diisi."))
    if len(kode_wilayah) != 5:
        raise TargetError(t("Target ditetapkan per kabupaten/kota."))
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
    return simpan_target_toko(config.store_path(path), kode_wilayah, tahun, tb, pengguna.strip())


def simpan_target_toko(toko, kode_wilayah: str, tahun: int, tb: pd.DataFrame, pengguna: str) -> int:
    """Write an edit into the operational store in one short transaction: one history row per cell that changes
    (its old and new value; a blank cell removes the target), milliseconds at any scale, readers never blocked.
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
                lama = con.execute(
                    "SELECT target_keluarga FROM target_ubah WHERE kode_wilayah = ? AND klaster = ? AND tahun = ? "
                    "AND triwulan = ? ORDER BY id DESC LIMIT 1",
                    (kode_wilayah, r.klaster, int(tahun), int(r.triwulan))).fetchone()
                if lama is not None and lama[0] == baru:
                    continue
                con.execute(
                    "INSERT INTO target_ubah (kode_wilayah, klaster, tahun, triwulan, target_keluarga, target_lama, "
                    "diubah_oleh, diubah_pada) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (kode_wilayah, r.klaster, int(tahun), int(r.triwulan), baru,
                     None if lama is None else lama[0], pengguna, waktu))
            operasional.naikkan_versi(con)
    except sqlite3.Error as e:
        raise TargetError(t("Target tidak dapat disimpan ({sebab}). Tidak ada yang berubah.", sebab=e)) from e
    finally:
        con.close()
    return int(tb["target_keluarga"].notna().sum())


def riwayat_target(toko, kode_wilayah: str, tahun: int) -> pd.DataFrame:
    """Every app edit of one kabupaten's targets for a year, newest first: who changed which cell from what to
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


def per_klaster(data: pd.DataFrame, triwulan: int, berlalu: float) -> pd.DataFrame:
    """The selected quarter's row per cluster from the progres_triwulan query, with the gap to target,
    achievement, status, the year's target and the projection to year end."""
    ini = data[data["triwulan"] == triwulan].copy()
    ini["selisih"] = ini["realisasi_kumulatif"] - ini["target_kumulatif"]
    ini["capaian"] = [capaian(r, tg) for r, tg in zip(ini["realisasi_kumulatif"], ini["target_kumulatif"])]
    ini["status"] = [t(status(r, tg).label) for r, tg in zip(ini["realisasi_kumulatif"], ini["target_kumulatif"])]
    ini["target_tahun"] = ini["klaster"].map(data.groupby("klaster")["target"].sum(min_count=1))
    terakhir = data[data["ada_data"]].groupby("klaster")["realisasi_kumulatif"].last()
    ini["proyeksi"] = [proyeksi_akhir_tahun(terakhir.get(kl), berlalu) for kl in ini["klaster"]]
    return ini.reset_index(drop=True)


def per_wilayah(data: pd.DataFrame) -> pd.DataFrame:
    """All clusters together per child region (progres_per_subwilayah query), best achievement first."""
    j = data.groupby(["kode", "nama"], as_index=False)[
        ["target_kumulatif", "realisasi_kumulatif", "target_tahun"]].sum(min_count=1)
    j["capaian"] = [capaian(r, tg) for r, tg in zip(j["realisasi_kumulatif"], j["target_kumulatif"])]
    j["status"] = [t(status(r, tg).label) for r, tg in zip(j["realisasi_kumulatif"], j["target_kumulatif"])]
    return j.sort_values("capaian", ascending=False, na_position="last").reset_index(drop=True)


def matriks_triwulan(data: pd.DataFrame) -> pd.DataFrame:
    """Clusters (rows) by quarter (columns): "realisation / target" per quarter, Indonesian numbers."""
    sel = data.assign(teks=[f"{fmt.angka(r)} / {fmt.angka(t)}" for r, t in zip(data["realisasi"], data["target"])])
    m = sel.pivot(index="label", columns="triwulan", values="teks")
    m = m.reindex(index=list(dict.fromkeys(data["label"])))
    m.columns = [fmt.tw(c) for c in m.columns]
    m.index.name = t("Klaster")
    return m

