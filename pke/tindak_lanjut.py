"""Meeting follow-ups (tindak lanjut rakor): during or after a rakor an analyst records each decision — what, which
OPD carries it out, by when, and the region (and cluster) it concerns. The OPD concerned keeps its status up to date
(berjalan / selesai, with a progress note); the next rakor opens with the list ("Tindak lanjut rakor lalu") and the
quarterly report lists it.

    catat --> berjalan <--perbarui--> selesai          (batalkan: withdrawn, no longer listed)

The status shown is computed when read, so it never goes stale: ``selesai`` when the OPD marked it done,
``terlambat`` when not done and the deadline has passed, else ``berjalan``.

Who may do what comes from the role's rights (pke.akun.HAK): ``tindak_lanjut`` opens the list; ``catat_tindak_lanjut``
(analysts, administrators) records, updates and withdraws decisions of its region; ``perbarui_tindak_lanjut`` (the
OPD role) updates the decisions given to its own OPD inside its region. Every write is one transaction of the
operational store with its audit entry (and a row of ``tindak_lanjut_riwayat`` for each status) inside it.

No personal data: a decision is about regions, clusters and agencies, and goes on the wall; a text holding a NIK
(16 digits) is refused.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import sqlite3

import pandas as pd

from pke import akun, audit, config, fmt
from pke import klaster as kl
from pke.akun import Pengguna
from pke.i18n import N_, t
from pke.lapor import OPD_WAJIB, WIB, waktu_wib
from pke.operasional import transaksi, waktu_iso

BERJALAN, SELESAI, TERLAMBAT = "berjalan", "selesai", "terlambat"
STATUS_OPD = (BERJALAN, SELESAI)           # what the OPD reports
STATUS = (TERLAMBAT, BERJALAN, SELESAI)    # what is shown, in the list's order: what needs attention first
LABEL_STATUS: dict[str, str] = {
    SELESAI: N_("Selesai"),
    BERJALAN: N_("Berjalan"),
    TERLAMBAT: N_("Terlambat"),
}
# Background colours with the dashboard's dark text: AA contrast (>= 8:1) and distinguishable under protanopia,
# deuteranopia and tritanopia (bluish green, sky blue, vermillion tints; tests/test_tindak_lanjut.py checks both).
WARNA: dict[str, str] = {SELESAI: "#9be3c5", BERJALAN: "#bcd9f2", TERLAMBAT: "#f7b58f"}

HAK_LIHAT = "tindak_lanjut"
HAK_CATAT = "catat_tindak_lanjut"
HAK_PERBARUI = "perbarui_tindak_lanjut"

# The agencies a decision can be given to: those answering for a cluster, those running the programmes
# (pke.klaster), Bappeda (coordination, data) and Disdukcapil (NIK matching); plus any OPD named on an account.
OPD_KATALOG: tuple[str, ...] = tuple(dict.fromkeys(
    [*OPD_WAJIB, *(p[1] for daftar_ in kl.PROGRAM.values() for p in daftar_), "Bappeda", "Disdukcapil"]))

MAKS_KEPUTUSAN = 500
MAKS_CATATAN = 1000
MAKS_OPD = 100
_NIK = re.compile(r"\d{16}")

KOLOM = ["id", "kode_wilayah", "nama_wilayah", "klaster", "keputusan", "opd", "tanggal_rakor", "tenggat",
         "status_opd", "status", "label_status", "sisa_hari", "catatan", "selesai_pada", "dicatat_oleh",
         "dicatat_pada", "diubah_oleh", "diubah_pada"]


class TindakLanjutError(ValueError):
    """A refused value or step; the message is for the person who tried it."""


def hari_ini_wib() -> dt.date:
    """Deadlines are Indonesian calendar days."""
    return dt.datetime.now(WIB).date()


# ---------- regions --------------------------------------------------------------------------------

@functools.lru_cache(maxsize=2)
def _wilayah(path: str) -> dict[str, str]:
    with open(path, newline="", encoding="utf-8") as f:
        return {b["kode"]: b["nama"] for b in csv.DictReader(f)}


def nama_wilayah(kode: str) -> str:
    """A region's name at any level from the reference list, or its code when unknown."""
    return _wilayah(str(config.WILAYAH_CSV)).get(kode, kode)


# ---------- labels and colours -----------------------------------------------------------------------

def label_status(status: str) -> str:
    """selesai / berjalan / terlambat in the run's language."""
    return t(LABEL_STATUS.get(status, status))


def warna_status() -> dict[str, str]:
    """Background colour per status label in the run's language (for Styler.map on the Status column)."""
    return {label_status(s): w for s, w in WARNA.items()}


# ---------- validation -----------------------------------------------------------------------------

def _teks(nilai, label: str, maks: int, wajib: bool) -> str | None:
    s = re.sub(r"\s+", " ", "" if nilai is None else str(nilai)).strip()
    if not s:
        if wajib:
            raise TindakLanjutError(t("{kolom} wajib diisi.", kolom=label))
        return None
    if len(s) > maks:
        raise TindakLanjutError(t("{kolom} paling panjang {n} karakter.", kolom=label, n=maks))
    if _NIK.search(s):
        raise TindakLanjutError(t("{kolom} tidak boleh memuat NIK (16 angka): tindak lanjut tampil di layar rapat "
                                  "dan tidak memuat data pribadi.", kolom=label))
    return s


def _tanggal(nilai, label: str) -> dt.date:
    if isinstance(nilai, dt.datetime):
        nilai = nilai.date()
    if not isinstance(nilai, dt.date):
        try:
            nilai = dt.date.fromisoformat(str(nilai or "").strip())
        except ValueError:
            raise TindakLanjutError(t("{kolom} bukan tanggal yang sah: {nilai}. Pakai format tahun-bulan-tanggal, "
                                      "mis. 2026-12-31.", kolom=label, nilai=nilai or "–")) from None
    if not 2000 <= nilai.year <= 2100:
        raise TindakLanjutError(t("{kolom} di luar tahun 2000–2100: {nilai}.", kolom=label, nilai=nilai.isoformat()))
    return nilai


def daftar_opd(toko: sqlite3.Connection, lingkup: str | None) -> list[str]:
    """The OPDs a decision of region ``lingkup`` may be given to: the catalogue, then the OPDs named on the active
    accounts of that region (an OPD account must be able to find its decisions)."""
    if lingkup is None:
        return list(OPD_KATALOG)
    syarat, param = _syarat_lingkup(lingkup, "wilayah")
    akun_opd = [b["opd"] for b in toko.execute(
        f"SELECT DISTINCT opd FROM akun WHERE aktif = 1 AND opd IS NOT NULL AND {syarat} ORDER BY opd", param)]
    katalog = {o.casefold() for o in OPD_KATALOG}
    return [*OPD_KATALOG, *(o for o in akun_opd if o.strip() and o.casefold() not in katalog)]


def _opd(toko: sqlite3.Connection, pengguna: Pengguna, nilai) -> str:
    opd = _teks(nilai, "OPD", MAKS_OPD, True)
    dikenal = {o.casefold(): o for o in daftar_opd(toko, pengguna.lingkup)}
    if opd.casefold() not in dikenal:
        raise TindakLanjutError(t("OPD tidak dikenal: {opd}. Pilihan: {pilihan}.", opd=opd,
                                  pilihan=", ".join(dikenal.values())))
    return dikenal[opd.casefold()]  # the catalogue's spelling: the OPD's account finds it


def _isi(toko: sqlite3.Connection, pengguna: Pengguna, kode, klaster, keputusan, opd, tenggat,
         tanggal_rakor) -> dict:
    """A decision's fields checked and normalised, or TindakLanjutError with the first problem."""
    kode = str(kode or "").strip()
    if kode == akun.NASIONAL or not akun.wilayah_sah(kode):
        raise TindakLanjutError(t("Kode wilayah tidak dikenal: {kode}. Pakai kode Kemendagri, mis. 33.15 "
                                  "(kabupaten) atau 33.15.01 (kecamatan).", kode=kode or "–"))
    if not pengguna.mencakup(kode):
        raise TindakLanjutError(t("{wilayah} ({kode}) di luar wilayah kerja Anda ({lingkup}).",
                                  wilayah=nama_wilayah(kode), kode=kode, lingkup=pengguna.wilayah or "–"))
    klaster = (str(klaster).strip() or None) if klaster is not None else None
    if klaster is not None and klaster not in kl.KUNCI:
        raise TindakLanjutError(t("Klaster tidak dikenal: {klaster}. Pilihan: {pilihan}.", klaster=klaster,
                                  pilihan=", ".join(kl.KUNCI)))
    keputusan = _teks(keputusan, t("Keputusan"), MAKS_KEPUTUSAN, True)
    opd = _opd(toko, pengguna, opd)
    rakor = _tanggal(tanggal_rakor if tanggal_rakor is not None else hari_ini_wib(), t("Tanggal rakor"))
    batas = _tanggal(tenggat, t("Tenggat"))
    if batas < rakor:
        raise TindakLanjutError(t("Tenggat ({tenggat}) sebelum tanggal rakor ({rakor}).", tenggat=fmt.tanggal(batas),
                                  rakor=fmt.tanggal(rakor)))
    return {"kode_wilayah": kode, "klaster": klaster, "keputusan": keputusan, "opd": opd,
            "tenggat": batas.isoformat(), "tanggal_rakor": rakor.isoformat()}


def _ambil(toko: sqlite3.Connection, id_) -> sqlite3.Row:
    try:
        id_ = int(id_)
    except (TypeError, ValueError):
        raise TindakLanjutError(t("Tindak lanjut #{id} tidak ada.", id=id_)) from None
    b = toko.execute("SELECT * FROM tindak_lanjut WHERE id = ? AND dibatalkan_pada IS NULL", (id_,)).fetchone()
    if b is None:
        raise TindakLanjutError(t("Tindak lanjut #{id} tidak ada.", id=id_))
    return b


def _dalam_wilayah(pengguna: Pengguna, b: sqlite3.Row) -> None:
    if not pengguna.mencakup(b["kode_wilayah"]):
        raise TindakLanjutError(t("Tindak lanjut #{id} ({wilayah}) di luar wilayah kerja Anda.", id=b["id"],
                                  wilayah=nama_wilayah(b["kode_wilayah"])))


def boleh_perbarui(pengguna: Pengguna, b) -> bool:
    """Whether ``pengguna`` may update decision row ``b``: an analyst or administrator of its region, or the OPD it
    was given to (an OPD account of that OPD, inside its region)."""
    if not pengguna.mencakup(b["kode_wilayah"]):
        return False
    if pengguna.boleh(HAK_CATAT):
        return True
    return (pengguna.boleh(HAK_PERBARUI) and bool((pengguna.opd or "").strip())
            and pengguna.opd.strip().casefold() == str(b["opd"]).casefold())


# ---------- writes ---------------------------------------------------------------------------------

def catat(toko: sqlite3.Connection, pengguna: Pengguna, kode: str, klaster: str | None, keputusan: str, opd: str,
          tenggat: dt.date | str, tanggal_rakor: dt.date | str | None = None) -> int:
    """Record a rakor decision for region ``kode`` (and optionally one cluster), given to ``opd``, due on
    ``tenggat``, decided at the meeting of ``tanggal_rakor`` (default: today); returns its id. Analysts and
    administrators only, inside their region."""
    if not pengguna.boleh(HAK_CATAT):
        raise TindakLanjutError(t("Hanya analis Bappeda atau administrator yang dapat mencatat keputusan rakor."))
    isi = _isi(toko, pengguna, kode, klaster, keputusan, opd, tenggat, tanggal_rakor)
    waktu = waktu_iso()
    with transaksi(toko):
        cur = toko.execute(
            "INSERT INTO tindak_lanjut (kode_wilayah, klaster, keputusan, opd, tenggat, tanggal_rakor, status_opd, "
            "dicatat_oleh, dicatat_pada) VALUES (?, ?, ?, ?, ?, ?, 'berjalan', ?, ?)",
            (isi["kode_wilayah"], isi["klaster"], isi["keputusan"], isi["opd"], isi["tenggat"], isi["tanggal_rakor"],
             pengguna.nama, waktu))
        id_ = int(cur.lastrowid)
        toko.execute("INSERT INTO tindak_lanjut_riwayat (tindak_lanjut_id, status_opd, catatan, oleh, pada) "
                     "VALUES (?, 'berjalan', NULL, ?, ?)", (id_, pengguna.nama, waktu))
        audit.catat(toko, pengguna.nama, audit.TINDAK_LANJUT_CATAT, isi["kode_wilayah"], {"id": id_, **isi})
    return id_


def perbarui(toko: sqlite3.Connection, pengguna: Pengguna, id_: int, status: str, catatan: str | None,
             hari_ini: dt.date | None = None) -> None:
    """Set a decision's status (``berjalan`` or ``selesai``) and its latest progress note (empty: none). The OPD it
    was given to, or an analyst or administrator, inside their region. ``hari_ini`` (default today in WIB) is the
    day a decision marked done was done."""
    if not (pengguna.boleh(HAK_CATAT) or pengguna.boleh(HAK_PERBARUI)):
        raise TindakLanjutError(t("Hanya OPD yang ditugasi, analis Bappeda atau administrator yang dapat "
                                  "memperbarui tindak lanjut."))
    if status not in STATUS_OPD:
        raise TindakLanjutError(t("Status tidak dikenal: {status}. Pilihan: {pilihan}.", status=status,
                                  pilihan=", ".join(STATUS_OPD)))
    catatan = _teks(catatan, t("Catatan"), MAKS_CATATAN, False)
    waktu = waktu_iso()
    with transaksi(toko):
        b = _ambil(toko, id_)
        _dalam_wilayah(pengguna, b)
        if not boleh_perbarui(pengguna, b):
            raise TindakLanjutError(t("Tindak lanjut #{id} ditugaskan kepada {opd}; hanya OPD itu, analis Bappeda "
                                      "atau administrator yang dapat memperbaruinya.", id=b["id"], opd=b["opd"]))
        if (status, catatan) == (b["status_opd"], b["catatan"]):
            raise TindakLanjutError(t("Tidak ada yang berubah pada tindak lanjut #{id}.", id=b["id"]))
        selesai_pada = (b["selesai_pada"] or (hari_ini or hari_ini_wib()).isoformat()) if status == SELESAI else None
        toko.execute("UPDATE tindak_lanjut SET status_opd = ?, catatan = ?, selesai_pada = ?, diubah_oleh = ?, "
                     "diubah_pada = ? WHERE id = ?", (status, catatan, selesai_pada, pengguna.nama, waktu, b["id"]))
        toko.execute("INSERT INTO tindak_lanjut_riwayat (tindak_lanjut_id, status_opd, catatan, oleh, pada) "
                     "VALUES (?, ?, ?, ?, ?)", (b["id"], status, catatan, pengguna.nama, waktu))
        perubahan = {k: {"lama": b[k], "baru": v} for k, v in (("status_opd", status), ("catatan", catatan))
                     if b[k] != v}
        audit.catat(toko, pengguna.nama, audit.TINDAK_LANJUT_PERBARUI, b["kode_wilayah"],
                    {"id": b["id"], "opd": b["opd"], "perubahan": perubahan})


def batalkan(toko: sqlite3.Connection, pengguna: Pengguna, id_: int, alasan: str) -> None:
    """Withdraw a decision recorded by mistake or superseded (a reason is required): it stays in the store, with
    who withdrew it and why, and is no longer listed. Analysts and administrators, inside their region."""
    if not pengguna.boleh(HAK_CATAT):
        raise TindakLanjutError(t("Hanya analis Bappeda atau administrator yang dapat membatalkan keputusan rakor."))
    alasan = _teks(alasan, t("Alasan pembatalan"), MAKS_CATATAN, True)
    with transaksi(toko):
        b = _ambil(toko, id_)
        _dalam_wilayah(pengguna, b)
        toko.execute("UPDATE tindak_lanjut SET dibatalkan_oleh = ?, dibatalkan_pada = ?, alasan_batal = ? "
                     "WHERE id = ?", (pengguna.nama, waktu_iso(), alasan, b["id"]))
        audit.catat(toko, pengguna.nama, audit.TINDAK_LANJUT_BATAL, b["kode_wilayah"],
                    {"id": b["id"], "opd": b["opd"], "keputusan": b["keputusan"], "alasan": alasan})


# ---------- reading --------------------------------------------------------------------------------

def _syarat_lingkup(lingkup: str, kolom: str = "kode_wilayah") -> tuple[str, list]:
    if lingkup in ("", akun.NASIONAL):
        return "1 = 1", []
    # substr rather than LIKE: no wildcard in a code can widen the subtree
    return f"({kolom} = ? OR substr({kolom}, 1, ?) = ?)", [lingkup, len(lingkup) + 1, lingkup + "."]


def status_tampil(status_opd: str, tenggat: dt.date, hari_ini: dt.date) -> str:
    """selesai when the OPD marked it done; terlambat when not done and the deadline has passed; else berjalan."""
    if status_opd == SELESAI:
        return SELESAI
    return TERLAMBAT if tenggat < hari_ini else BERJALAN


def daftar(toko, kode: str, lingkup: str, hari_ini: dt.date | None = None) -> pd.DataFrame:
    """The decisions concerning region ``kode`` or a region below it ("" for all), inside scope ``lingkup`` (the
    user's: "" for everything, None for nothing), withdrawn ones left out; with the status shown (``status``:
    selesai / berjalan / terlambat on ``hari_ini``, default today in WIB), its label, days to the deadline
    (``sisa_hari``, negative when past) and the region's name. Overdue first, then running, then done; each by
    deadline. Dates are datetime.date."""
    if lingkup is None or kode is None:
        return pd.DataFrame(columns=KOLOM)
    hari_ini = hari_ini or hari_ini_wib()
    syarat, param = ["dibatalkan_pada IS NULL"], []
    for awalan in (kode, lingkup):
        s, p = _syarat_lingkup(awalan)
        syarat.append(s)
        param += p
    df = pd.read_sql_query(
        "SELECT id, kode_wilayah, klaster, keputusan, opd, tanggal_rakor, tenggat, status_opd, catatan, selesai_pada, "
        "dicatat_oleh, dicatat_pada, diubah_oleh, diubah_pada FROM tindak_lanjut WHERE " + " AND ".join(syarat),
        toko, params=param)
    if df.empty:
        return pd.DataFrame(columns=KOLOM)
    for kolom in ("tanggal_rakor", "tenggat", "selesai_pada"):
        df[kolom] = [dt.date.fromisoformat(v) if isinstance(v, str) and v else None for v in df[kolom]]
    for kolom in ("klaster", "catatan", "diubah_oleh", "diubah_pada"):
        df[kolom] = df[kolom].astype(object).where(df[kolom].notna(), None)
    df["nama_wilayah"] = [nama_wilayah(k) for k in df["kode_wilayah"]]
    df["status"] = [status_tampil(s, b, hari_ini) for s, b in zip(df["status_opd"], df["tenggat"])]
    df["label_status"] = [label_status(s) for s in df["status"]]
    df["sisa_hari"] = [(b - hari_ini).days for b in df["tenggat"]]
    df["_urut"] = df["status"].map({s: i for i, s in enumerate(STATUS)})
    df = df.sort_values(["_urut", "tenggat", "id"], kind="stable").reset_index(drop=True)
    return df[KOLOM]


def riwayat(toko: sqlite3.Connection, id_: int) -> pd.DataFrame:
    """Every status a decision has had, newest first: status_opd, catatan, oleh, pada (stored UTC)."""
    return pd.read_sql_query("SELECT status_opd, catatan, oleh, pada FROM tindak_lanjut_riwayat "
                             "WHERE tindak_lanjut_id = ? ORDER BY id DESC", toko, params=(int(id_),))


def ringkasan(df: pd.DataFrame) -> dict[str, int]:
    """How many decisions of daftar() are selesai, berjalan and terlambat."""
    n = df["status"].value_counts() if len(df) else {}
    return {s: int(n.get(s, 0)) for s in (SELESAI, BERJALAN, TERLAMBAT)}


def teks_ringkasan(df: pd.DataFrame) -> str:
    """'2 selesai · 1 berjalan · 1 terlambat' (numbers only: safe as Markdown)."""
    n = ringkasan(df)
    return t("{selesai} selesai · {berjalan} berjalan · {terlambat} terlambat", selesai=fmt.angka(n[SELESAI]),
             berjalan=fmt.angka(n[BERJALAN]), terlambat=fmt.angka(n[TERLAMBAT]))


# ---------- tables as shown ------------------------------------------------------------------------

def _keterangan(b) -> str:
    if b["status"] == SELESAI:
        return t("Selesai {tanggal}", tanggal=fmt.tanggal(b["selesai_pada"])) if b["selesai_pada"] else t("Selesai")
    if b["sisa_hari"] < 0:
        return t("Lewat {n} hari", n=fmt.angka(-b["sisa_hari"]))
    if b["sisa_hari"] == 0:
        return t("Tenggat hari ini")
    return t("{n} hari lagi", n=fmt.angka(b["sisa_hari"]))


def tabel(df: pd.DataFrame, dinding: bool = False) -> pd.DataFrame:
    """daftar() as shown, labels in the run's language; data values stay plain text (ui.tabel escapes them on
    the wall). ``dinding``: for the meeting screen and the report — no account names, no record number."""
    if df.empty:
        df = pd.DataFrame(columns=KOLOM)
    baris = list(df.to_dict("records"))
    tabel_ = pd.DataFrame({
        t("No."): df["id"],
        t("Keputusan"): df["keputusan"],
        "OPD": df["opd"],
        t("Wilayah"): df["nama_wilayah"],
        t("Klaster"): [kl.label_singkat(k) if k in kl.BY_KUNCI else "–" for k in df["klaster"]],
        t("Rakor"): [fmt.tanggal(d) for d in df["tanggal_rakor"]],
        t("Tenggat"): [fmt.tanggal(d) for d in df["tenggat"]],
        t("Status"): df["label_status"],
        t("Keterangan"): [_keterangan(b) for b in baris],
        t("Catatan OPD"): df["catatan"].fillna(""),
        t("Diperbarui oleh"): [o if isinstance(o, str) and o else c for o, c in zip(df["diubah_oleh"],
                                                                                  df["dicatat_oleh"])],
    })
    if dinding:
        tabel_ = tabel_.drop(columns=[t("No."), t("Rakor"), t("Diperbarui oleh")])
    return tabel_


def tabel_riwayat(df: pd.DataFrame) -> pd.DataFrame:
    """riwayat() as shown: when (WIB), status, note, by whom."""
    return pd.DataFrame({
        t("Waktu"): [waktu_wib(w) for w in df["pada"]],
        t("Status"): [label_status(s) for s in df["status_opd"]],
        t("Catatan"): df["catatan"].fillna(""),
        t("Oleh"): df["oleh"],
    })


def label_pilihan(b) -> str:
    """One decision in a picker (plain text, never Markdown)."""
    keputusan = b["keputusan"] if len(b["keputusan"]) <= 80 else b["keputusan"][:79] + "…"
    return t("#{id} · {opd} · {keputusan} · tenggat {tenggat} · {status}", id=b["id"], opd=b["opd"],
             keputusan=keputusan, tenggat=fmt.tanggal(b["tenggat"]), status=b["label_status"])


# ---------- demo -----------------------------------------------------------------------------------

def isi_contoh(toko: sqlite3.Connection, kode: str = "33.15", hari_ini: dt.date | None = None) -> int:
    """Three example decisions for region ``kode`` of the labelled demo (one done, one overdue, one running), from
    the Grobogan rakor's themes, so the meeting slide is not empty on first start. Does nothing when the region
    already has a decision; returns how many were recorded."""
    if not daftar(toko, kode, "").empty:
        return 0
    hari_ini = hari_ini or hari_ini_wib()
    rakor = hari_ini - dt.timedelta(days=45)
    demo = Pengguna("demo", "admin", akun.NASIONAL)
    # Data, not interface: stored as a person would type them, in Indonesian, whatever the language of the run.
    contoh = [
        ("jamban", "Verifikasi ulang data sanitasi dan air minum di desa prioritas", "Dinkes", 30,
         "Verifikasi selesai di semua desa prioritas; data dikirim ke Bappeda."),
        ("rtlh", "Rekonsiliasi jumlah RTLH antara daftar Disperakim dan P3KE", "Disperakim", 35, None),
        ("ats", "Perbarui data anak tidak sekolah (ATS) bersama sekolah dan desa", "Disdik", 75, None),
    ]
    for klaster, keputusan, opd, hari, selesai in contoh:
        id_ = catat(toko, demo, kode, klaster, keputusan, opd, rakor + dt.timedelta(days=hari), rakor)
        if selesai:
            perbarui(toko, demo, id_, SELESAI, selesai, hari_ini=rakor + dt.timedelta(days=20))
    return len(contoh)
