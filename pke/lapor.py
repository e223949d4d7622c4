"""OPD quarterly progress reports: an OPD writes, per village, cluster and quarter, how many households its
programmes reached (with programme, funding source and value) as a draft, submits it, and a Bappeda analyst
approves it or returns it with a comment; a returned report is edited and submitted again.

    draf --ajukan--> diajukan --setujui--> disetujui
      ^                 |
      |              kembalikan (comment required)
      +-- ubah_draf <-- dikembalikan --ajukan--> diajukan

Only approved reports count in the dashboard's figures (pke.operasional.untuk_kueri hands the queries approved rows
only). Every state change is one transaction of the operational store with its audit entry inside it; approving and
returning also bump the store's query version so cached figures are recomputed.

Who may do what comes from the role's rights (pke.akun.HAK): ``lapor_opd`` (the OPD role) writes and submits its
own OPD's reports for villages inside its region; ``setujui_laporan`` (analysts, administrators) decides on
submitted reports inside its region. The OPD of a report is always the account's, never typed.

Reporting deadline (``tenggat``): 10 days after the quarter ends — 10 April, 10 July, 10 October, and 10 January of
the next year. An OPD "sudah lapor" for a quarter when it has at least one submitted or approved report for it.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import numbers
import re
import sqlite3

import pandas as pd

from pke import audit, config, fmt, klaster
from pke.akun import Pengguna
from pke.i18n import N_, bahasa, t
from pke.operasional import naikkan_versi, transaksi, waktu_iso

DRAF, DIAJUKAN, DISETUJUI, DIKEMBALIKAN = "draf", "diajukan", "disetujui", "dikembalikan"
STATUS = (DRAF, DIAJUKAN, DISETUJUI, DIKEMBALIKAN)
LABEL_STATUS: dict[str, str] = {
    DRAF: N_("Draf"),
    DIAJUKAN: N_("Diajukan"),
    DISETUJUI: N_("Disetujui"),
    DIKEMBALIKAN: N_("Dikembalikan"),
}
DAPAT_DIUBAH = (DRAF, DIKEMBALIKAN)   # what the OPD may still edit and submit
SUDAH_LAPOR = (DIAJUKAN, DISETUJUI)   # what counts as "reported" for the quarter

HAK_LAPOR = "lapor_opd"
HAK_SETUJUI = "setujui_laporan"

HARI_TENGGAT = 10
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")  # deadlines are Indonesian calendar days

# The OPDs expected to report each quarter: the one answering for each cluster (pke.klaster), in cluster order.
OPD_WAJIB: tuple[str, ...] = tuple(dict.fromkeys(k.opd for k in klaster.KLASTER))
# Funding sources, as the programme catalogue names them (DESIGN.md: APBN ... Baznas/UPZ).
SUMBER_DANA: tuple[str, ...] = tuple(dict.fromkeys(p[2] for daftar in klaster.PROGRAM.values() for p in daftar))

MAKS_KELUARGA = 1_000_000
MAKS_NILAI = 10**15
MAKS_TEKS = 200
MAKS_KOMENTAR = 1000

_POLA_DESA = re.compile(r"\d{2}\.\d{2}\.\d{2}\.\d{4}")
KOLOM = ["id", "opd", "kode_desa", "klaster", "tahun", "triwulan", "keluarga_terjangkau", "program", "sumber_dana",
         "nilai_rp", "status", "komentar", "dibuat_oleh", "dibuat_pada", "diajukan_pada", "diputus_oleh",
         "diputus_pada"]


class LaporError(ValueError):
    """A refused value or step; the message is for the person who tried it."""


# ---------- the deadline ------------------------------------------------------------------------------

def tenggat(tahun: int, triwulan: int) -> dt.date:
    """The last day to report quarter ``triwulan`` of ``tahun``: 10 days after the quarter ends (10 April,
    10 July, 10 October, 10 January of the next year). A report submitted on that day (WIB) is on time."""
    tahun, triwulan = int(tahun), int(triwulan)
    if triwulan not in (1, 2, 3, 4):
        raise LaporError(t("Triwulan harus 1–4 (tertulis: {tw}).", tw=triwulan))
    awal_berikut = dt.date(tahun + 1, 1, 1) if triwulan == 4 else dt.date(tahun, 3 * triwulan + 1, 1)
    return awal_berikut - dt.timedelta(days=1) + dt.timedelta(days=HARI_TENGGAT)


def aturan_tenggat() -> str:
    """The deadline rule, as shown to users."""
    return t("Tenggat laporan: {hari} hari setelah triwulan berakhir (triwulan I: 10 April, II: 10 Juli, "
             "III: 10 Oktober, IV: 10 Januari tahun berikutnya). Sudah lapor = ada laporan yang diajukan atau "
             "disetujui untuk triwulan itu; hanya laporan yang disetujui analis yang dihitung dalam angka dasbor.",
             hari=HARI_TENGGAT)


def tanggal_wib(waktu: str | None) -> dt.date | None:
    """A stored UTC time (operasional.waktu_iso) as its Indonesian (WIB) calendar day."""
    if not waktu:
        return None
    return _wib(waktu).date()


def waktu_wib(waktu: str | None) -> str:
    """A stored UTC time as shown: '29 November 2026 09.00 WIB' (English: '29 November 2026 09:00 WIB')."""
    if not waktu:
        return "–"
    w = _wib(waktu)
    jam = w.strftime("%H:%M" if bahasa() == "en" else "%H.%M")
    return f"{fmt.tanggal(w.date())} {jam} WIB"


def _wib(waktu: str) -> dt.datetime:
    utc = dt.datetime.fromisoformat(str(waktu).replace("Z", "+00:00"))
    if utc.tzinfo is None:
        utc = utc.replace(tzinfo=dt.timezone.utc)
    return utc.astimezone(WIB)


# ---------- villages -------------------------------------------------------------------------------

@functools.lru_cache(maxsize=2)
def _desa(path: str) -> dict[str, str]:
    with open(path, newline="", encoding="utf-8") as f:
        return {b["kode"]: b["nama"] for b in csv.DictReader(f) if b["tingkat"] == "desa"}


def nama_desa(kode: str) -> str:
    """A village's (or kelurahan's) name from the reference region list, or its code when unknown."""
    return _desa(str(config.WILAYAH_CSV)).get(kode, kode)


# ---------- validation -----------------------------------------------------------------------------

def _bulat(nilai, label: str, wajib: bool, maks: int) -> int | None:
    """A whole number >= 0 from a widget or a caller: int, a float with no fraction, or digits in a string."""
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()) or (
            isinstance(nilai, float) and pd.isna(nilai)):
        if wajib:
            raise LaporError(t("{kolom} wajib diisi.", kolom=label))
        return None
    n = None
    if isinstance(nilai, bool):
        n = None
    elif isinstance(nilai, numbers.Integral):
        n = int(nilai)
    elif isinstance(nilai, numbers.Real) and float(nilai).is_integer():
        n = int(nilai)
    elif isinstance(nilai, str) and re.fullmatch(r"-?[0-9]+", nilai.strip()):
        n = int(nilai.strip())
    if n is None or n < 0:
        raise LaporError(t("{kolom} harus bilangan bulat ≥ 0 (tertulis: {nilai}).", kolom=label, nilai=nilai))
    if n > maks:
        raise LaporError(t("{kolom} terlalu besar ({nilai}); periksa lagi angkanya.", kolom=label, nilai=n))
    return n


def _teks(nilai, label: str) -> str | None:
    if nilai is None:
        return None
    s = re.sub(r"\s+", " ", str(nilai)).strip()
    if len(s) > MAKS_TEKS:
        raise LaporError(t("{kolom} paling panjang {n} karakter.", kolom=label, n=MAKS_TEKS))
    return s or None


def _isi(pengguna: Pengguna, d: dict) -> dict:
    """The report's fields (kode_desa, klaster, tahun, triwulan, keluarga_terjangkau, program, sumber_dana,
    nilai_rp) checked and normalised, or LaporError with the first problem."""
    kode = str(d.get("kode_desa") or "").strip()
    if not _POLA_DESA.fullmatch(kode):
        raise LaporError(t("Kode desa tidak sah: {kode}. Pakai kode Kemendagri desa/kelurahan (13 karakter), "
                           "mis. 33.15.01.2001.", kode=kode or "–"))
    if kode not in _desa(str(config.WILAYAH_CSV)):
        raise LaporError(t("Desa {kode} tidak dikenal dalam daftar wilayah Kemendagri.", kode=kode))
    if not pengguna.mencakup(kode):
        raise LaporError(t("Desa {desa} ({kode}) di luar wilayah kerja Anda ({lingkup}).", desa=nama_desa(kode),
                           kode=kode, lingkup=pengguna.wilayah or "–"))
    if d.get("klaster") not in klaster.KUNCI:
        raise LaporError(t("Klaster tidak dikenal: {klaster}. Pilihan: {pilihan}.", klaster=d.get("klaster"),
                           pilihan=", ".join(klaster.KUNCI)))
    try:
        tahun, tw = int(d.get("tahun")), int(d.get("triwulan"))
    except (TypeError, ValueError):
        tahun, tw = 0, 0
    if not (2000 <= tahun <= 2100 and 1 <= tw <= 4):
        raise LaporError(t("Periode tidak sah: tahun {tahun}, triwulan {tw}. Tahun 2000–2100, triwulan 1–4.",
                           tahun=d.get("tahun"), tw=d.get("triwulan")))
    sumber = _teks(d.get("sumber_dana"), t("Sumber dana"))
    if sumber is not None and sumber not in SUMBER_DANA:
        raise LaporError(t("Sumber dana tidak dikenal: {sumber}. Pilihan: {pilihan}.", sumber=sumber,
                           pilihan=", ".join(SUMBER_DANA)))
    return {
        "kode_desa": kode, "klaster": d["klaster"], "tahun": tahun, "triwulan": tw,
        "keluarga_terjangkau": _bulat(d.get("keluarga_terjangkau"), t("Keluarga terjangkau"), True, MAKS_KELUARGA),
        "program": _teks(d.get("program"), t("Program")), "sumber_dana": sumber,
        "nilai_rp": _bulat(d.get("nilai_rp"), t("Nilai (Rp)"), False, MAKS_NILAI),
    }


def _cek_pelapor(pengguna: Pengguna) -> str:
    if not pengguna.boleh(HAK_LAPOR):
        raise LaporError(t("Hanya akun OPD yang dapat membuat, mengubah dan mengajukan laporan OPD."))
    opd = (pengguna.opd or "").strip()
    if not opd:
        raise LaporError(t("Akun Anda belum mencantumkan nama OPD; minta administrator melengkapinya."))
    return opd


def _ambil(con: sqlite3.Connection, id_: int) -> sqlite3.Row:
    b = con.execute("SELECT * FROM laporan_opd WHERE id = ?", (int(id_),)).fetchone()
    if b is None:
        raise LaporError(t("Laporan #{id} tidak ada.", id=id_))
    return b


def _milik_sendiri(pengguna: Pengguna, b: sqlite3.Row) -> str:
    opd = _cek_pelapor(pengguna)
    if b["opd"] != opd:
        raise LaporError(t("Laporan #{id} milik {opd}; hanya OPD itu yang dapat mengubah atau mengajukannya.",
                           id=b["id"], opd=b["opd"]))
    if not pengguna.mencakup(b["kode_desa"]):
        raise LaporError(t("Laporan #{id} ({desa}) di luar wilayah kerja Anda.", id=b["id"],
                           desa=nama_desa(b["kode_desa"])))
    return opd


def _label_status(status: str) -> str:
    return t(LABEL_STATUS.get(status, status))


def _rincian(b, **lain) -> dict:
    """What the audit log keeps of a report."""
    return {k: b[k] for k in ("id", "opd", "kode_desa", "klaster", "tahun", "triwulan", "keluarga_terjangkau",
                              "program", "sumber_dana", "nilai_rp")} | lain


def _belum_diputus_lain(con: sqlite3.Connection, opd: str, isi: dict, kecuali: int | None = None) -> None:
    """One open report per OPD, village, cluster and quarter: a second one would be counted twice once both
    are approved, so the OPD is sent to the one it already has."""
    b = con.execute(
        "SELECT id FROM laporan_opd WHERE opd = ? AND kode_desa = ? AND klaster = ? AND tahun = ? AND triwulan = ? "
        "AND status IN ('draf', 'diajukan', 'dikembalikan') AND id IS NOT ? ORDER BY id LIMIT 1",
        (opd, isi["kode_desa"], isi["klaster"], isi["tahun"], isi["triwulan"], kecuali)).fetchone()
    if b is not None:
        raise LaporError(t("Sudah ada laporan #{id} {opd} untuk desa, klaster dan triwulan ini yang belum "
                           "disetujui; ubah laporan itu.", id=b["id"], opd=opd))


# ---------- state changes --------------------------------------------------------------------------

def buat_draf(con: sqlite3.Connection, pengguna: Pengguna, kode_desa: str, klaster: str, tahun: int,
              triwulan: int, keluarga_terjangkau, program: str | None = None, sumber_dana: str | None = None,
              nilai_rp=None) -> int:
    """A new draft report of the user's OPD; returns its id."""
    opd = _cek_pelapor(pengguna)
    isi = _isi(pengguna, {"kode_desa": kode_desa, "klaster": klaster, "tahun": tahun, "triwulan": triwulan,
                          "keluarga_terjangkau": keluarga_terjangkau, "program": program, "sumber_dana": sumber_dana,
                          "nilai_rp": nilai_rp})
    waktu = waktu_iso()
    with transaksi(con):
        _belum_diputus_lain(con, opd, isi)
        cur = con.execute(
            "INSERT INTO laporan_opd (opd, kode_desa, klaster, tahun, triwulan, keluarga_terjangkau, program, "
            "sumber_dana, nilai_rp, status, dibuat_oleh, dibuat_pada) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'draf', ?, ?)",
            (opd, isi["kode_desa"], isi["klaster"], isi["tahun"], isi["triwulan"], isi["keluarga_terjangkau"],
             isi["program"], isi["sumber_dana"], isi["nilai_rp"], pengguna.nama, waktu))
        id_ = int(cur.lastrowid)
        audit.catat(con, pengguna.nama, audit.LAPOR_BUAT, isi["kode_desa"], {"id": id_, "opd": opd, **isi})
    return id_


def ubah_draf(con: sqlite3.Connection, pengguna: Pengguna, id_: int, **isi) -> None:
    """Edit a draft or a returned report of the user's own OPD. ``isi``: any of kode_desa, klaster, tahun,
    triwulan, keluarga_terjangkau, program, sumber_dana, nilai_rp (the others keep their value). A returned
    report stays returned, with the analyst's comment, until it is submitted again."""
    bidang = ("kode_desa", "klaster", "tahun", "triwulan", "keluarga_terjangkau", "program", "sumber_dana",
              "nilai_rp")
    asing = set(isi) - set(bidang)
    if asing:
        raise TypeError(f"unknown fields: {sorted(asing)}")
    with transaksi(con):
        b = _ambil(con, id_)
        opd = _milik_sendiri(pengguna, b)
        if b["status"] not in DAPAT_DIUBAH:
            raise LaporError(t("Laporan #{id} berstatus {status}; hanya draf atau laporan yang dikembalikan yang "
                               "dapat diubah.", id=b["id"], status=_label_status(b["status"])))
        baru = _isi(pengguna, {k: isi.get(k, b[k]) for k in bidang})
        _belum_diputus_lain(con, opd, baru, kecuali=b["id"])
        perubahan = {k: {"lama": b[k], "baru": baru[k]} for k in bidang if b[k] != baru[k]}
        con.execute("UPDATE laporan_opd SET " + ", ".join(f"{k} = ?" for k in bidang) + " WHERE id = ?",
                    (*(baru[k] for k in bidang), b["id"]))
        audit.catat(con, pengguna.nama, audit.LAPOR_UBAH, baru["kode_desa"],
                    {"id": b["id"], "opd": opd, "perubahan": perubahan})


def ajukan(con: sqlite3.Connection, pengguna: Pengguna, id_: int) -> None:
    """Submit a draft or a returned report of the user's own OPD to the analysts."""
    with transaksi(con):
        b = _ambil(con, id_)
        _milik_sendiri(pengguna, b)
        if b["status"] not in DAPAT_DIUBAH:
            raise LaporError(t("Laporan #{id} berstatus {status}; hanya draf atau laporan yang dikembalikan yang "
                               "dapat diajukan.", id=b["id"], status=_label_status(b["status"])))
        con.execute("UPDATE laporan_opd SET status = 'diajukan', diajukan_pada = ? WHERE id = ?",
                    (waktu_iso(), b["id"]))
        audit.catat(con, pengguna.nama, audit.LAPOR_AJUKAN, b["kode_desa"],
                    _rincian(b, dari=b["status"]))


def _putuskan(con: sqlite3.Connection, pengguna: Pengguna, id_: int, status: str, aksi: str,
              komentar: str | None) -> None:
    if not pengguna.boleh(HAK_SETUJUI):
        raise LaporError(t("Hanya analis Bappeda atau administrator yang dapat menyetujui atau mengembalikan "
                           "laporan OPD."))
    if komentar is not None and len(komentar) > MAKS_KOMENTAR:
        raise LaporError(t("Komentar paling panjang {n} karakter.", n=MAKS_KOMENTAR))
    with transaksi(con):
        b = _ambil(con, id_)
        if not pengguna.mencakup(b["kode_desa"]):
            raise LaporError(t("Laporan #{id} ({desa}) di luar wilayah kerja Anda.", id=b["id"],
                               desa=nama_desa(b["kode_desa"])))
        if b["status"] != DIAJUKAN:
            raise LaporError(t("Laporan #{id} berstatus {status}; hanya laporan yang diajukan yang dapat disetujui "
                               "atau dikembalikan.", id=b["id"], status=_label_status(b["status"])))
        con.execute("UPDATE laporan_opd SET status = ?, komentar = ?, diputus_oleh = ?, diputus_pada = ? "
                    "WHERE id = ?", (status, komentar, pengguna.nama, waktu_iso(), b["id"]))
        audit.catat(con, pengguna.nama, aksi, b["kode_desa"], _rincian(b, komentar=komentar))
        naikkan_versi(con)  # approved reports are what the queries read


def setujui(con: sqlite3.Connection, pengguna: Pengguna, id_: int, komentar: str | None = None) -> None:
    """Approve a submitted report inside the user's region: from now on it counts in the dashboard's figures."""
    komentar = (komentar or "").strip() or None
    _putuskan(con, pengguna, id_, DISETUJUI, audit.LAPOR_SETUJUI, komentar)


def kembalikan(con: sqlite3.Connection, pengguna: Pengguna, id_: int, komentar: str | None) -> None:
    """Return a submitted report to its OPD with a comment saying what to fix (required)."""
    komentar = (komentar or "").strip()
    if not komentar:
        raise LaporError(t("Alasan pengembalian wajib diisi, agar OPD tahu apa yang harus diperbaiki."))
    _putuskan(con, pengguna, id_, DIKEMBALIKAN, audit.LAPOR_KEMBALIKAN, komentar)


# ---------- reading --------------------------------------------------------------------------------

def _syarat_lingkup(lingkup: str, kolom: str = "kode_desa") -> tuple[str, list]:
    if lingkup == "":
        return "1 = 1", []
    # substr rather than LIKE: no wildcard in a code can widen the subtree
    return f"({kolom} = ? OR substr({kolom}, 1, ?) = ?)", [lingkup, len(lingkup) + 1, lingkup + "."]


def daftar(con: sqlite3.Connection, lingkup: str | None, tahun: int | None = None, triwulan: int | None = None,
           opd: str | None = None, status: str | tuple[str, ...] | None = None) -> pd.DataFrame:
    """Reports of villages in region ``lingkup`` ("" for all, None for none), newest first, optionally of one
    quarter, one OPD and some statuses; with the village's name (``nama_desa``)."""
    if lingkup is None:
        return pd.DataFrame(columns=[*KOLOM, "nama_desa"])
    syarat, param = _syarat_lingkup(lingkup)
    syarat, param = [syarat], list(param)
    for kolom, nilai in (("tahun", tahun), ("triwulan", triwulan), ("opd", opd)):
        if nilai is not None:
            syarat.append(f"{kolom} = ?")  # the column is one of three constants, the value a parameter
            param.append(nilai)
    if status is not None:
        status = (status,) if isinstance(status, str) else tuple(status)
        syarat.append("status IN (" + ", ".join("?" * len(status)) + ")")
        param += list(status)
    df = pd.read_sql_query("SELECT " + ", ".join(KOLOM) + " FROM laporan_opd WHERE " + " AND ".join(syarat)
                           + " ORDER BY id DESC", con, params=param)
    df["nilai_rp"] = df["nilai_rp"].astype("Int64")
    df["nama_desa"] = [nama_desa(k) for k in df["kode_desa"]]
    return df


def status_lapor(con: sqlite3.Connection, lingkup: str | None, tahun: int, triwulan: int,
                 daftar_opd: tuple[str, ...] | list[str] = OPD_WAJIB, hari_ini: dt.date | None = None) -> pd.DataFrame:
    """One row per OPD expected to report (``daftar_opd``, then any other OPD with reports there): whether it has
    reported the quarter in region ``lingkup`` (a submitted or approved report: "Sudah lapor", else "Belum lapor"),
    its reports per status, the households of its approved reports, when it last submitted (WIB date), the
    deadline (``tenggat``) and a note: on time, late, past the deadline, or days left."""
    hari_ini = hari_ini or dt.datetime.now(WIB).date()
    batas = tenggat(tahun, triwulan)
    lap = daftar(con, lingkup, tahun=tahun, triwulan=triwulan)
    urutan = list(dict.fromkeys([*daftar_opd, *sorted(set(lap["opd"]) - set(daftar_opd))]))
    baris = []
    for opd in urutan:
        milik = lap[lap["opd"] == opd]
        n = milik["status"].value_counts()
        sudah = bool(milik["status"].isin(SUDAH_LAPOR).any())
        diajukan = [tanggal_wib(w) for w in milik.loc[milik["status"].isin(SUDAH_LAPOR), "diajukan_pada"] if w]
        pertama = min(diajukan) if diajukan else None
        if sudah:
            ket = t("Terlambat") if pertama and pertama > batas else t("Tepat waktu")
        elif hari_ini > batas:
            ket = t("Lewat tenggat")
        else:
            ket = t("{n} hari lagi", n=(batas - hari_ini).days)
        baris.append({
            "opd": opd, "wajib": opd in daftar_opd, "sudah": sudah,
            "status": t("Sudah lapor") if sudah else t("Belum lapor"),
            **{s: int(n.get(s, 0)) for s in STATUS},
            "keluarga_disetujui": int(milik.loc[milik["status"] == DISETUJUI, "keluarga_terjangkau"].sum()),
            "terakhir_diajukan": max(diajukan) if diajukan else None,
            "tenggat": batas, "keterangan": ket,
        })
    return pd.DataFrame(baris, columns=["opd", "wajib", "sudah", "status", *STATUS, "keluarga_disetujui",
                                        "terakhir_diajukan", "tenggat", "keterangan"])


# ---------- tables as shown ------------------------------------------------------------------------

def tabel_status(df: pd.DataFrame) -> pd.DataFrame:
    """status_lapor as shown on the Laporan OPD and Progres Triwulan views (labels in the run's language)."""
    return pd.DataFrame({
        "OPD": df["opd"],
        t("Status"): df["status"],
        t("Diajukan"): df[DIAJUKAN], t("Disetujui"): df[DISETUJUI], t("Dikembalikan"): df[DIKEMBALIKAN],
        t("Draf"): df[DRAF],
        t("Keluarga terjangkau (disetujui)"): df["keluarga_disetujui"],
        t("Terakhir diajukan"): [fmt.tanggal(d) for d in df["terakhir_diajukan"]],
        t("Tenggat"): [fmt.tanggal(d) for d in df["tenggat"]],
        t("Keterangan"): df["keterangan"],
    })


def warna_status() -> dict[str, str]:
    """Background colour per reporting status label (colour-blind safe, AA contrast with dark text)."""
    return {t("Sudah lapor"): "#9be3c5", t("Belum lapor"): "#f4a3a3"}


def tabel_laporan(df: pd.DataFrame, komentar: bool = True) -> pd.DataFrame:
    """daftar() as shown: one row per report, labels in the run's language; data values stay plain text."""
    tabel = pd.DataFrame({
        t("No."): df["id"],
        t("Periode"): [fmt.triwulan_singkat(a, b) for a, b in zip(df["tahun"], df["triwulan"])],
        "OPD": df["opd"],
        t("Desa"): df["nama_desa"], t("Kode desa"): df["kode_desa"],
        t("Klaster"): [klaster.label_singkat(k) if k in klaster.BY_KUNCI else k for k in df["klaster"]],
        t("Keluarga terjangkau"): df["keluarga_terjangkau"],
        t("Program"): df["program"].fillna(""), t("Sumber dana"): df["sumber_dana"].fillna(""),
        t("Nilai (Rp)"): df["nilai_rp"],
        t("Status"): [_label_status(s) for s in df["status"]],
        t("Diajukan pada"): [fmt.tanggal(tanggal_wib(w)) if w else "–" for w in df["diajukan_pada"]],
        t("Diputus oleh"): df["diputus_oleh"].fillna(""),
    })
    if komentar:
        tabel[t("Komentar analis")] = df["komentar"].fillna("")
    return tabel


def label_laporan(b) -> str:
    """One report in a picker: number, period, village, cluster, households (plain text, never Markdown)."""
    return t("#{id} · {opd} · {periode} · {desa} · {klaster} · {n} keluarga · {status}", id=b["id"], opd=b["opd"],
             periode=fmt.triwulan_singkat(b["tahun"], b["triwulan"]), desa=b["nama_desa"],
             klaster=klaster.label_singkat(b["klaster"]) if b["klaster"] in klaster.BY_KUNCI else b["klaster"],
             n=fmt.angka(b["keluarga_terjangkau"]), status=_label_status(b["status"]))
