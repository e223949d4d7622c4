"""The audit log: append-only and hash-chained, in the operational store (pke.operasional).

Each entry's hash covers the previous entry's hash and its own content, so editing, deleting or reordering an entry
breaks the chain from that entry on, and ``periksa`` finds it. Triggers refuse UPDATE and DELETE, so only someone
with write access to the file itself can tamper; the chain then shows it, unless the whole tail is recomputed — to
catch that too, copy the last hash somewhere else now and then (a printed report, another host).

By-name data is shown only after its entry is written: when ``catat`` raises ``AuditError`` the caller refuses.
NIK never reaches the log in clear: every run of 16 or more digits in ``rincian`` is masked before it is stored.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3

from pke.i18n import N_, t
from pke.operasional import transaksi, waktu_iso
from pke.privasi import samarkan_nik

GENESIS = "0" * 64

MASUK = "masuk"
MASUK_GAGAL = "masuk_gagal"
KELUAR = "keluar"
LIHAT_NAMA = "lihat_nama"        # a by-name list was shown: rincian has the filter and the row count
BUKA_NAMA = "buka_nama"          # names/NIK shown unmasked: rincian has the stated purpose
EKSPOR = "ekspor"
EKSPOR_NAMA = "ekspor_nama"
IMPOR = "impor"
BATAL_IMPOR = "batal_impor"
UBAH_TARGET = "ubah_target"
AKUN_TAMBAH = "akun_tambah"
AKUN_NONAKTIF = "akun_nonaktif"
AKUN_SANDI = "akun_sandi"
PENGATURAN = "pengaturan"
LAPOR_BUAT = "lapor_buat"                # an OPD report drafted: rincian has its fields
LAPOR_UBAH = "lapor_ubah"                # a draft or returned report edited: old and new value of each field
LAPOR_AJUKAN = "lapor_ajukan"
LAPOR_SETUJUI = "lapor_setujui"
LAPOR_KEMBALIKAN = "lapor_kembalikan"    # rincian has the analyst's comment
TINDAK_LANJUT_CATAT = "tindak_lanjut_catat"          # a rakor decision recorded: rincian has its fields
TINDAK_LANJUT_PERBARUI = "tindak_lanjut_perbarui"    # its status/note updated: old and new value
TINDAK_LANJUT_BATAL = "tindak_lanjut_batal"          # withdrawn: rincian has the reason

LABEL_AKSI: dict[str, str] = {
    MASUK: N_("Masuk"),
    MASUK_GAGAL: N_("Gagal masuk"),
    KELUAR: N_("Keluar"),
    LIHAT_NAMA: N_("Melihat daftar nama"),
    BUKA_NAMA: N_("Membuka nama dan NIK lengkap"),
    EKSPOR: N_("Ekspor data agregat"),
    EKSPOR_NAMA: N_("Ekspor daftar nama"),
    IMPOR: N_("Impor data"),
    BATAL_IMPOR: N_("Pembatalan impor"),
    UBAH_TARGET: N_("Perubahan target"),
    AKUN_TAMBAH: N_("Akun ditambahkan"),
    AKUN_NONAKTIF: N_("Akun dinonaktifkan"),
    AKUN_SANDI: N_("Kata sandi diganti"),
    PENGATURAN: N_("Perubahan pengaturan"),
    LAPOR_BUAT: N_("Draf laporan OPD dibuat"),
    LAPOR_UBAH: N_("Laporan OPD diubah"),
    LAPOR_AJUKAN: N_("Laporan OPD diajukan"),
    LAPOR_SETUJUI: N_("Laporan OPD disetujui"),
    LAPOR_KEMBALIKAN: N_("Laporan OPD dikembalikan"),
    TINDAK_LANJUT_CATAT: N_("Keputusan rakor dicatat"),
    TINDAK_LANJUT_PERBARUI: N_("Tindak lanjut rakor diperbarui"),
    TINDAK_LANJUT_BATAL: N_("Keputusan rakor dibatalkan"),
}

_DIGIT_PANJANG = re.compile(r"\d{16,}")


class AuditError(RuntimeError):
    """The entry could not be written; whatever it was meant to record must not happen."""


def _samarkan(nilai):
    if isinstance(nilai, str):
        return _DIGIT_PANJANG.sub(lambda m: samarkan_nik(m.group(0)), nilai)
    if isinstance(nilai, bool) or nilai is None or isinstance(nilai, float):
        return nilai
    if isinstance(nilai, int):
        return samarkan_nik(str(nilai)) if _DIGIT_PANJANG.search(str(nilai)) else nilai
    if isinstance(nilai, dict):
        return {_samarkan(str(k)): _samarkan(v) for k, v in nilai.items()}
    if isinstance(nilai, (list, tuple)):
        return [_samarkan(v) for v in nilai]
    return _samarkan(str(nilai))


def _kanonik(nilai) -> str:
    return json.dumps(nilai, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _hash(hash_sebelum: str, id_: int, waktu: str, pengguna, aksi: str, lingkup, rincian: dict) -> str:
    isi = hash_sebelum + _kanonik([id_, waktu, pengguna, aksi, lingkup, rincian])
    return hashlib.sha256(isi.encode("utf-8")).hexdigest()


def catat(con: sqlite3.Connection, pengguna: str | None, aksi: str, lingkup: str = "",
          rincian: dict | None = None, sekarang: float | None = None) -> int:
    """Appends one entry and returns its id. Inside an open transaction it becomes part of it."""
    # Through JSON once so what is hashed now is exactly what periksa() reads back later (dates, Paths -> text).
    rincian = _samarkan(json.loads(json.dumps(rincian or {}, default=str)))
    waktu = waktu_iso(sekarang)
    lingkup = lingkup or ""
    try:
        with transaksi(con):
            akhir = con.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
            # The next id comes from the AUTOINCREMENT counter, not from max(id): a deleted last entry leaves a gap.
            seq = con.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").fetchone()
            id_ = (seq[0] if seq else 0) + 1
            hash_sebelum = akhir["hash"] if akhir else GENESIS
            con.execute(
                "INSERT INTO audit (id, waktu, pengguna, aksi, lingkup, rincian, hash_sebelum, hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (id_, waktu, pengguna, aksi, lingkup, _kanonik(rincian), hash_sebelum,
                 _hash(hash_sebelum, id_, waktu, pengguna, aksi, lingkup, rincian)))
    except sqlite3.Error as e:
        raise AuditError(t("Log audit tidak dapat ditulis: {galat}", galat=str(e))) from e
    return id_


def _batas_waktu(nilai: str, akhir: bool) -> tuple[str, str]:
    """An ISO date or date-time as (operator, stored-form bound); a bare date as 'sampai' covers that whole day."""
    s = nilai.strip()
    try:
        if len(s) == 10:
            hari = dt.date.fromisoformat(s) + dt.timedelta(days=1 if akhir else 0)
            return ("<" if akhir else ">="), hari.isoformat() + "T00:00:00Z"
        waktu = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(t("Waktu tidak dikenali: {nilai}. Pakai format ISO, mis. 2026-01-31 atau "
                           "2026-01-31T08:00.", nilai=nilai)) from None
    if waktu.tzinfo is None:
        waktu = waktu.replace(tzinfo=dt.timezone.utc)
    return ("<=" if akhir else ">="), waktu_iso(waktu.timestamp())


def daftar(con: sqlite3.Connection, pengguna: str | None = None, aksi: str | None = None,
           dari: str | None = None, sampai: str | None = None, batas: int | None = 1000,
           lingkup: str | None = None) -> list[dict]:
    """Entries newest first. ``dari``/``sampai`` are ISO dates or date-times (UTC unless they say otherwise).
    ``lingkup`` (a region code; None or "" for all): entries about that region or below it, and every entry of
    the accounts of that region — what its administrator may read."""
    syarat, param = [], []
    if lingkup:
        syarat.append("(lingkup = ? OR substr(lingkup, 1, ?) = ? OR pengguna IN "
                      "(SELECT nama FROM akun WHERE wilayah = ? OR substr(wilayah, 1, ?) = ?))")
        param += [lingkup, len(lingkup) + 1, lingkup + ".", lingkup, len(lingkup) + 1, lingkup + "."]
    if pengguna:
        syarat.append("pengguna = ?")
        param.append(pengguna)
    if aksi:
        syarat.append("aksi = ?")
        param.append(aksi)
    for nilai, akhir in ((dari, False), (sampai, True)):
        if nilai:
            operator, batas_waktu = _batas_waktu(nilai, akhir)
            syarat.append(f"waktu {operator} ?")  # the operator is one of three constants, the value a parameter
            param.append(batas_waktu)
    where = (" WHERE " + " AND ".join(syarat)) if syarat else ""
    param.append(-1 if batas is None else int(batas))
    baris = con.execute(f"SELECT * FROM audit{where} ORDER BY id DESC LIMIT ?", param).fetchall()
    return [{**dict(b), "rincian": json.loads(b["rincian"])} for b in baris]


def periksa(con: sqlite3.Connection) -> tuple[bool, int | None, int]:
    """(intact, id of the first broken entry or None, entries checked). An entry is broken when its content does
    not match its hash, when it does not link to the entry before it, or when the entry before it is missing."""
    sebelum, id_harap, n = GENESIS, 1, 0
    for b in con.execute("SELECT * FROM audit ORDER BY id"):
        if b["id"] != id_harap:
            return False, id_harap, n  # the missing entry
        try:
            rincian = json.loads(b["rincian"])
        except ValueError:
            return False, b["id"], n
        if (b["hash_sebelum"] != sebelum
                or _hash(sebelum, b["id"], b["waktu"], b["pengguna"], b["aksi"], b["lingkup"], rincian) != b["hash"]):
            return False, b["id"], n
        sebelum, id_harap, n = b["hash"], id_harap + 1, n + 1
    seq = con.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").fetchone()
    if seq and seq[0] >= id_harap:
        return False, id_harap, n  # entries were cut from the end
    return True, None, n
