"""Accounts, roles and rights, login with lockout, and sessions — pure Python on the operational store.

Every account is bound to a region subtree (``wilayah``: a Kemendagri code or "nasional") and a role; the role
gives rights (``HAK``), the region limits what those rights reach (``Pengguna.mencakup``). Passwords are hashed
with argon2id at the OWASP parameters; session tokens are stored only as their sha256, so a copy of the store lets
nobody in. Lockout counts failures per name (existing or not), which also lets anyone lock a name out for a
quarter of an hour — the price of not revealing which names exist.
"""
from __future__ import annotations

import csv
import functools
import hashlib
import re
import secrets
import sqlite3
import time
from dataclasses import dataclass

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from pke import audit, config
from pke.i18n import N_, t
from pke.operasional import transaksi, waktu_iso

PERAN = ("pimpinan", "analis", "opd", "wilayah", "admin")
LABEL_PERAN: dict[str, str] = {
    "pimpinan": N_("Pimpinan"),
    "analis": N_("Analis Bappeda"),
    "opd": N_("OPD"),
    "wilayah": N_("Operator wilayah"),
    "admin": N_("Administrator"),
}

# Rights: agregat (aggregate views), presentasi (wall/slideshow), daftar_nama (by-name lists, masked),
# nama_lengkap (unmask names/NIK after stating a purpose), ekspor_agregat, ekspor_nama, impor, target, audit, akun,
# pantau_laporan (open Laporan OPD: who has reported the quarter), lapor_opd (draft and submit the own OPD's
# reports), setujui_laporan (approve or return submitted OPD reports) — see pke.lapor; tindak_lanjut (open the
# meeting follow-ups), catat_tindak_lanjut (record, update and withdraw rakor decisions), perbarui_tindak_lanjut
# (update the status of the own OPD's decisions) — see pke.tindak_lanjut.
HAK: dict[str, frozenset[str]] = {
    "pimpinan": frozenset({"agregat", "presentasi", "ekspor_agregat", "pantau_laporan",  # heads take the report away
                           "tindak_lanjut"}),
    "analis": frozenset({"agregat", "presentasi", "daftar_nama", "ekspor_agregat", "pantau_laporan",
                         "setujui_laporan", "tindak_lanjut", "catat_tindak_lanjut"}),
    "opd": frozenset({"agregat", "ekspor_agregat", "pantau_laporan", "lapor_opd", "tindak_lanjut",
                      "perbarui_tindak_lanjut"}),
    "wilayah": frozenset({"agregat", "daftar_nama", "nama_lengkap", "ekspor_nama", "ekspor_agregat"}),
    "admin": frozenset({"agregat", "presentasi", "ekspor_agregat", "impor", "target", "audit", "akun",
                        "pantau_laporan", "setujui_laporan", "tindak_lanjut", "catat_tindak_lanjut"}),
}
HAK_ANONIM = frozenset({"agregat", "presentasi"})  # only when aggregate views are made public

NASIONAL = "nasional"
SANDI_MIN, SANDI_MAKS = 10, 128
GAGAL_MAKS, GAGAL_JENDELA = 5, 15 * 60
IDLE, MAKS = 30 * 60, 8 * 3600
_SENTUH = 30  # seconds between updates of a session's last-seen time: one write per half minute, not per click

PESAN_GAGAL = N_("Nama pengguna atau kata sandi salah, atau akun sedang dikunci sementara. Coba lagi nanti.")

_POLA_NAMA = re.compile(r"[a-z0-9][a-z0-9._-]{2,31}")
_POLA_KODE = re.compile(r"\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?")
_POLA_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

_PH = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1, hash_len=32, salt_len=16, type=Type.ID)


class AkunError(ValueError):
    """An invalid value or a conflict; the message is for the person who typed it."""


@dataclass(frozen=True)
class Pengguna:
    nama: str
    peran: str
    wilayah: str | None
    opd: str | None = None
    email: str | None = None
    demo: bool = False

    @property
    def lingkup(self) -> str | None:
        """The region-code prefix this user may see: "" for everything, None for nothing."""
        if not self.wilayah:
            return None
        return "" if self.wilayah == NASIONAL else self.wilayah

    @property
    def hak(self) -> frozenset[str]:
        return HAK_ANONIM if self.peran == "anonim" else HAK.get(self.peran, frozenset())

    def boleh(self, hak: str) -> bool:
        return hak in self.hak

    def mencakup(self, kode: str) -> bool:
        """Whether region ``kode`` lies in this user's subtree ("33.15" covers "33.15.01", not "33.150")."""
        lingkup = self.lingkup
        if lingkup is None or not kode:
            return False
        if kode == NASIONAL:
            return lingkup == ""
        return lingkup == "" or kode == lingkup or kode.startswith(lingkup + ".")


ANONIM = Pengguna("anonim", "anonim", NASIONAL)


@functools.lru_cache(maxsize=4)
def _kode_wilayah(path: str) -> frozenset[str]:
    with open(path, newline="", encoding="utf-8") as f:
        return frozenset(b["kode"] for b in csv.DictReader(f))


def wilayah_sah(kode: str | None) -> bool:
    if kode == NASIONAL:
        return True
    return bool(kode) and bool(_POLA_KODE.fullmatch(kode)) and kode in _kode_wilayah(str(config.WILAYAH_CSV))


def _normal(nama: str | None) -> str:
    return (nama or "").strip().lower()[:64]


def _cek_nama(nama: str) -> str:
    n = _normal(nama)
    if n == ANONIM.nama:
        raise AkunError(t("Nama pengguna {nama} dicadangkan untuk pengunjung yang belum masuk.", nama=n))
    if not _POLA_NAMA.fullmatch(n):
        raise AkunError(t("Nama pengguna tidak sah: {nama}. Pakai 3–32 huruf kecil, angka, titik, garis bawah "
                          "atau tanda hubung, diawali huruf atau angka.", nama=nama))
    return n


def _cek_sandi(sandi: str) -> None:
    if not isinstance(sandi, str) or len(sandi) < SANDI_MIN:
        raise AkunError(t("Kata sandi minimal {n} karakter.", n=SANDI_MIN))
    if len(sandi) > SANDI_MAKS:
        raise AkunError(t("Kata sandi paling panjang {n} karakter.", n=SANDI_MAKS))


def _cek_peran_wilayah(peran: str, wilayah: str) -> None:
    if peran not in PERAN:
        raise AkunError(t("Peran tidak dikenal: {peran}. Pilihan: {pilihan}.", peran=peran,
                          pilihan=", ".join(PERAN)))
    if not wilayah_sah(wilayah):
        raise AkunError(t("Kode wilayah tidak dikenal: {kode}. Pakai kode Kemendagri (mis. 33.15) atau "
                          "\"nasional\".", kode=wilayah))


def _pengguna(b: sqlite3.Row) -> Pengguna:
    return Pengguna(b["nama"], b["peran"], b["wilayah"], b["opd"], b["email"], bool(b["demo"]))


def _sekarang(sekarang: float | None) -> float:
    return time.time() if sekarang is None else sekarang


def tambah(con: sqlite3.Connection, nama: str, sandi: str, peran: str, wilayah: str, opd: str | None = None,
           email: str | None = None, oleh: str = "cli", demo: bool = False) -> Pengguna:
    nama = _cek_nama(nama)
    _cek_sandi(sandi)
    wilayah = (wilayah or "").strip()
    _cek_peran_wilayah(peran, wilayah)
    opd = (opd or "").strip() or None
    if peran == "opd" and not opd:
        raise AkunError(t("Akun berperan OPD wajib menyebut nama OPD-nya."))
    email = (email or "").strip().lower() or None
    if email and not _POLA_EMAIL.fullmatch(email):
        raise AkunError(t("Alamat email tidak sah: {email}.", email=email))
    hash_ = _PH.hash(sandi)  # outside the transaction: ~50 ms nobody else should wait for
    waktu = waktu_iso()
    with transaksi(con):
        if con.execute("SELECT 1 FROM akun WHERE nama = ?", (nama,)).fetchone():
            raise AkunError(t("Akun {nama} sudah ada.", nama=nama))
        if email and con.execute("SELECT 1 FROM akun WHERE lower(email) = ?", (email,)).fetchone():
            raise AkunError(t("Email {email} sudah dipakai akun lain.", email=email))
        con.execute("INSERT INTO akun (nama, hash, peran, wilayah, opd, email, aktif, demo, dibuat_pada, "
                    "dibuat_oleh, diubah_pada) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                    (nama, hash_, peran, wilayah, opd, email, int(demo), waktu, oleh, waktu))
        audit.catat(con, oleh, audit.AKUN_TAMBAH, wilayah,
                    {"nama": nama, "peran": peran, "wilayah": wilayah, "opd": opd, "email": email, "demo": demo})
    return Pengguna(nama, peran, wilayah, opd, email, demo)


def daftar(con: sqlite3.Connection, lingkup: str | None = "") -> list[dict]:
    """Accounts whose region lies in the subtree ``lingkup`` ("" = all), without their hashes."""
    if lingkup is None:
        return []
    kolom = "nama, peran, wilayah, opd, email, aktif, demo, dibuat_pada, dibuat_oleh, diubah_pada"
    if lingkup == "":
        baris = con.execute(f"SELECT {kolom} FROM akun ORDER BY nama").fetchall()
    else:
        # substr rather than LIKE: no wildcard in a code can then widen the subtree
        baris = con.execute(f"SELECT {kolom} FROM akun WHERE wilayah = ? OR substr(wilayah, 1, ?) = ? "
                            "ORDER BY nama", (lingkup, len(lingkup) + 1, lingkup + ".")).fetchall()
    return [{**dict(b), "aktif": bool(b["aktif"]), "demo": bool(b["demo"])} for b in baris]


def ambil(con: sqlite3.Connection, nama: str) -> Pengguna | None:
    """The active account of that name."""
    b = con.execute("SELECT * FROM akun WHERE nama = ? AND aktif = 1", (_normal(nama),)).fetchone()
    return _pengguna(b) if b else None


def _akun_ada(con: sqlite3.Connection, nama: str) -> sqlite3.Row:
    b = con.execute("SELECT * FROM akun WHERE nama = ?", (nama,)).fetchone()
    if b is None:
        raise AkunError(t("Akun {nama} tidak ada.", nama=nama))
    return b


def _cabut_sesi(con: sqlite3.Connection, nama: str, sekarang: float) -> int:
    return con.execute("UPDATE sesi SET dicabut = ? WHERE nama = ? AND dicabut IS NULL",
                       (sekarang, nama)).rowcount


def nonaktifkan(con: sqlite3.Connection, nama: str, oleh: str) -> None:
    """Deactivates the account and revokes its sessions; the row stays (the audit log refers to it)."""
    nama, sekarang = _normal(nama), time.time()
    with transaksi(con):
        b = _akun_ada(con, nama)
        con.execute("UPDATE akun SET aktif = 0, diubah_pada = ? WHERE nama = ?", (waktu_iso(sekarang), nama))
        n = _cabut_sesi(con, nama, sekarang)
        audit.catat(con, oleh, audit.AKUN_NONAKTIF, b["wilayah"], {"nama": nama, "sesi_dicabut": n})


def ubah_sandi(con: sqlite3.Connection, nama: str, sandi: str, oleh: str) -> None:
    """Sets a new password and revokes the account's sessions (whoever knew the old one is logged out)."""
    nama, sekarang = _normal(nama), time.time()
    _cek_sandi(sandi)
    hash_ = _PH.hash(sandi)
    with transaksi(con):
        b = _akun_ada(con, nama)
        con.execute("UPDATE akun SET hash = ?, diubah_pada = ? WHERE nama = ?", (hash_, waktu_iso(sekarang), nama))
        n = _cabut_sesi(con, nama, sekarang)
        audit.catat(con, oleh, audit.AKUN_SANDI, b["wilayah"], {"nama": nama, "sesi_dicabut": n})


def boleh_kelola(pelaku: Pengguna, peran: str, wilayah: str) -> bool:
    """Whether ``pelaku`` may create or change an account of that role and region: only with the "akun" right,
    and only inside the actor's own subtree."""
    return (pelaku.boleh("akun") and peran in PERAN and wilayah_sah(wilayah)
            and pelaku.mencakup(wilayah))


@functools.lru_cache(maxsize=1)
def _hash_tiruan() -> str:
    return _PH.hash(secrets.token_urlsafe(16))


def terkunci(con: sqlite3.Connection, nama: str, sekarang: float | None = None) -> bool:
    n = con.execute("SELECT count(*) FROM gagal_masuk WHERE nama = ? AND waktu > ?",
                    (_normal(nama), _sekarang(sekarang) - GAGAL_JENDELA)).fetchone()[0]
    return n >= GAGAL_MAKS


def masuk(con: sqlite3.Connection, nama: str, sandi: str, sekarang: float | None = None,
          demo_boleh: bool = True) -> Pengguna | None:
    """The user on success, None on any failure (show ``PESAN_GAGAL``, the same in every case). `demo_boleh`:
    whether demo accounts (published passwords) may sign in, i.e. whether the database is the labelled demo."""
    sekarang, nama = _sekarang(sekarang), _normal(nama)
    # The attempt is counted before the slow password check, under the write lock: guesses sent in parallel each
    # see those before them, so the sixth is already locked out. A success takes its own row back.
    with transaksi(con):
        if terkunci(con, nama, sekarang):
            # Not counted as another failure: the lock ends 15 minutes after the failures that caused it.
            audit.catat(con, nama, audit.MASUK_GAGAL, rincian={"nama": nama, "alasan": "terkunci"},
                        sekarang=sekarang)
            return None
        percobaan = con.execute("INSERT INTO gagal_masuk (nama, waktu) VALUES (?, ?)", (nama, sekarang)).lastrowid
        con.execute("DELETE FROM gagal_masuk WHERE waktu < ?", (sekarang - 86400,))
    b = con.execute("SELECT * FROM akun WHERE nama = ?", (nama,)).fetchone()
    alasan = None
    if b is None:
        _verifikasi(_hash_tiruan(), sandi)  # the same work as for a real name: timing reveals nothing
        alasan = "tidak_dikenal"
    elif not _verifikasi(b["hash"], sandi):
        alasan = "sandi"
    elif not b["aktif"]:
        alasan = "nonaktif"
    elif b["demo"] and not demo_boleh:
        alasan = "akun_demo"
    if alasan:
        audit.catat(con, nama, audit.MASUK_GAGAL, b["wilayah"] if b else "", {"nama": nama, "alasan": alasan},
                    sekarang=sekarang)
        return None
    with transaksi(con):
        con.execute("DELETE FROM gagal_masuk WHERE rowid = ?", (percobaan,))
        if _PH.check_needs_rehash(b["hash"]):
            con.execute("UPDATE akun SET hash = ? WHERE nama = ?", (_PH.hash(sandi), nama))
        audit.catat(con, nama, audit.MASUK, b["wilayah"], sekarang=sekarang)
    return _pengguna(b)


def _verifikasi(hash_: str, sandi) -> bool:
    if not isinstance(sandi, str) or len(sandi) > SANDI_MAKS:
        return False
    try:
        return _PH.verify(hash_, sandi)
    except (VerificationError, InvalidHashError):
        return False


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def buat_sesi(con: sqlite3.Connection, nama: str, sekarang: float | None = None) -> str:
    """A new session for an active account; the token goes to the browser, only its sha256 into the store."""
    sekarang, nama = _sekarang(sekarang), _normal(nama)
    token = secrets.token_urlsafe(32)
    with transaksi(con):
        if not con.execute("SELECT 1 FROM akun WHERE nama = ? AND aktif = 1", (nama,)).fetchone():
            raise AkunError(t("Akun {nama} tidak ada.", nama=nama))
        con.execute("INSERT INTO sesi (token_hash, nama, dibuat, terakhir) VALUES (?, ?, ?, ?)",
                    (_hash_token(token), nama, sekarang, sekarang))
        con.execute("DELETE FROM sesi WHERE dibuat < ?", (sekarang - MAKS - 86400,))  # long dead either way
    return token


def cek_sesi(con: sqlite3.Connection, token: str | None, sekarang: float | None = None) -> Pengguna | None:
    """The user of a live session, or None (unknown, revoked, idle too long, too old, account inactive)."""
    if not token:
        return None
    sekarang = _sekarang(sekarang)
    b = con.execute("SELECT s.token_hash, s.dibuat, s.terakhir, s.dicabut, a.* FROM sesi s "
                    "JOIN akun a ON a.nama = s.nama WHERE s.token_hash = ?", (_hash_token(token),)).fetchone()
    if (b is None or b["dicabut"] is not None or not b["aktif"]
            or sekarang - b["terakhir"] > IDLE or sekarang - b["dibuat"] > MAKS):
        return None
    if sekarang - b["terakhir"] > _SENTUH:
        con.execute("UPDATE sesi SET terakhir = ? WHERE token_hash = ?", (sekarang, b["token_hash"]))
    return _pengguna(b)


def akhiri_sesi(con: sqlite3.Connection, token: str | None, sekarang: float | None = None) -> None:
    if not token:
        return
    sekarang = _sekarang(sekarang)
    with transaksi(con):
        b = con.execute("SELECT nama FROM sesi WHERE token_hash = ? AND dicabut IS NULL",
                        (_hash_token(token),)).fetchone()
        if b:
            con.execute("UPDATE sesi SET dicabut = ? WHERE token_hash = ?", (sekarang, _hash_token(token)))
            audit.catat(con, b["nama"], audit.KELUAR, sekarang=sekarang)


def dari_email(con: sqlite3.Connection, email: str | None) -> Pengguna | None:
    """The active account behind an e-mail address confirmed by single sign-on."""
    if not email or not email.strip():
        return None
    b = con.execute("SELECT * FROM akun WHERE lower(email) = ? AND aktif = 1", (email.strip().lower(),)).fetchone()
    return _pengguna(b) if b else None
