"""The operational store: what people type (accounts, sessions, the audit log, settings, targets, OPD progress
reports and meeting follow-ups), kept apart from the analytic DuckDB file.

Why SQLite in WAL mode: these are many small writes from several processes at once (each Streamlit server, the
CLI, scheduled jobs), and readers must never be blocked by a writer. DuckDB allows one read-write process per file
(or many read-only ones, never both), so writing there would mean a single writer process or swapping a copy of the
whole analytic file for every login. SQLite WAL gives one writer at a time with short locks (``BEGIN IMMEDIATE`` +
busy timeout) while readers keep reading the last committed state, and a killed process leaves the file as before
or as after its transaction.

The whole schema lives in ``_MIGRASI`` below: step i brings ``PRAGMA user_version`` from i to i + 1, so later
issues append a step instead of editing the tables of an existing store.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import time
from pathlib import Path

from pke import config

_SKEMA_1 = """
CREATE TABLE IF NOT EXISTS akun (
    nama        TEXT PRIMARY KEY,
    hash        TEXT NOT NULL,          -- argon2id, never the password
    peran       TEXT NOT NULL,
    wilayah     TEXT NOT NULL,          -- Kemendagri code of the subtree the account sees, or 'nasional'
    opd         TEXT,
    email       TEXT UNIQUE,            -- lowercase; the link to single sign-on
    aktif       INTEGER NOT NULL DEFAULT 1,
    demo        INTEGER NOT NULL DEFAULT 0,
    dibuat_pada TEXT,
    dibuat_oleh TEXT,
    diubah_pada TEXT
);
CREATE TABLE IF NOT EXISTS sesi (
    token_hash TEXT PRIMARY KEY,        -- sha256 of the token: a copy of the store lets nobody log in
    nama       TEXT NOT NULL,
    dibuat     REAL NOT NULL,
    terakhir   REAL NOT NULL,
    dicabut    REAL
);
CREATE INDEX IF NOT EXISTS sesi_nama ON sesi (nama);
CREATE TABLE IF NOT EXISTS gagal_masuk (
    nama  TEXT NOT NULL,
    waktu REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS gagal_masuk_nama ON gagal_masuk (nama, waktu);
CREATE TABLE IF NOT EXISTS audit (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,   -- AUTOINCREMENT: an id is never reused after a deletion
    waktu        TEXT NOT NULL,
    pengguna     TEXT,
    aksi         TEXT NOT NULL,
    lingkup      TEXT,
    rincian      TEXT NOT NULL,
    hash_sebelum TEXT NOT NULL,
    hash         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_waktu ON audit (waktu);
CREATE TRIGGER IF NOT EXISTS audit_tanpa_ubah BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_tanpa_hapus BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TABLE IF NOT EXISTS pengaturan (
    kunci TEXT PRIMARY KEY,
    nilai TEXT
);
"""

# Step 2 (issue 11): what people type often. Target edits keep every value (the newest per cell counts, earlier
# ones are the history); OPD progress reports go draft -> diajukan -> disetujui | dikembalikan.
_SKEMA_2 = """
CREATE TABLE IF NOT EXISTS target_ubah (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kode_wilayah    TEXT NOT NULL,
    klaster         TEXT NOT NULL,
    tahun           INTEGER NOT NULL,
    triwulan        INTEGER NOT NULL,
    target_keluarga INTEGER,            -- NULL: the target was removed
    target_lama     INTEGER,            -- the value it replaced (NULL: none)
    diubah_oleh     TEXT NOT NULL,
    diubah_pada     TEXT NOT NULL       -- UTC, waktu_iso
);
CREATE INDEX IF NOT EXISTS target_ubah_sel ON target_ubah (kode_wilayah, klaster, tahun, triwulan, id);
CREATE TABLE IF NOT EXISTS laporan_opd (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    opd                 TEXT NOT NULL,
    kode_desa           TEXT NOT NULL,
    klaster             TEXT NOT NULL,
    tahun               INTEGER NOT NULL,
    triwulan            INTEGER NOT NULL,
    keluarga_terjangkau INTEGER NOT NULL,
    program             TEXT,
    sumber_dana         TEXT,
    nilai_rp            INTEGER,
    status              TEXT NOT NULL DEFAULT 'draf',   -- draf | diajukan | disetujui | dikembalikan
    komentar            TEXT,
    dibuat_oleh         TEXT NOT NULL,
    dibuat_pada         TEXT NOT NULL,
    diajukan_pada       TEXT,
    diputus_oleh        TEXT,
    diputus_pada        TEXT
);
CREATE INDEX IF NOT EXISTS laporan_opd_periode ON laporan_opd (tahun, triwulan, opd);
CREATE TABLE IF NOT EXISTS versi_data (
    kunci TEXT PRIMARY KEY,             -- 'kueri': bumped by every write the dashboard's queries read
    nilai INTEGER NOT NULL
);
"""

# Step 3 (issue 12): meeting follow-ups (pke.tindak_lanjut). A decision of a rakor: what, which OPD, by when, for
# which region (and cluster). The OPD reports berjalan/selesai with a note; "terlambat" is computed when read (not
# done and past the deadline), so it never goes stale. Withdrawn decisions stay (the audit log refers to them) and are
# no longer listed. Every status update is kept in tindak_lanjut_riwayat.
_SKEMA_3 = """
CREATE TABLE IF NOT EXISTS tindak_lanjut (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kode_wilayah    TEXT NOT NULL,      -- Kemendagri code of the region the decision concerns
    klaster         TEXT,               -- pke.klaster key; NULL: not about one cluster
    keputusan       TEXT NOT NULL,
    opd             TEXT NOT NULL,
    tenggat         TEXT NOT NULL,      -- ISO date
    tanggal_rakor   TEXT NOT NULL,      -- ISO date of the meeting that decided it
    status_opd      TEXT NOT NULL DEFAULT 'berjalan' CHECK (status_opd IN ('berjalan', 'selesai')),
    catatan         TEXT,               -- the latest progress note
    selesai_pada    TEXT,               -- ISO date (WIB) it was marked done; NULL while not done
    dicatat_oleh    TEXT NOT NULL,
    dicatat_pada    TEXT NOT NULL,      -- UTC, waktu_iso
    diubah_oleh     TEXT,
    diubah_pada     TEXT,
    dibatalkan_oleh TEXT,               -- withdrawn (recorded by mistake, or superseded): no longer listed
    dibatalkan_pada TEXT,
    alasan_batal    TEXT
);
CREATE INDEX IF NOT EXISTS tindak_lanjut_wilayah ON tindak_lanjut (kode_wilayah);
CREATE TABLE IF NOT EXISTS tindak_lanjut_riwayat (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    tindak_lanjut_id INTEGER NOT NULL REFERENCES tindak_lanjut (id),
    status_opd       TEXT NOT NULL,
    catatan          TEXT,
    oleh             TEXT NOT NULL,
    pada             TEXT NOT NULL      -- UTC, waktu_iso
);
CREATE INDEX IF NOT EXISTS tindak_lanjut_riwayat_id ON tindak_lanjut_riwayat (tindak_lanjut_id, id);
"""

_MIGRASI: tuple[str, ...] = (_SKEMA_1, _SKEMA_2, _SKEMA_3)
VERSI_SKEMA = len(_MIGRASI)


def waktu_iso(sekarang: float | None = None) -> str:
    """UTC with seconds and a 'Z': sorts as text, so time filters are plain comparisons."""
    detik = time.time() if sekarang is None else sekarang
    return dt.datetime.fromtimestamp(detik, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _buat_berkas(path: Path) -> None:
    # Created 0600 before SQLite sees it: accounts and the audit log are nobody else's business on the host.
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def buka(path: str | Path | None = None) -> sqlite3.Connection:
    """A connection to the store (``":memory:"`` for a throw-away one), its schema created or migrated."""
    dalam_memori = str(path) == ":memory:"
    path = Path(path) if path is not None else config.store_path()
    if not dalam_memori:
        path.parent.mkdir(parents=True, exist_ok=True)
        _buat_berkas(path)
    con = sqlite3.connect(":memory:" if dalam_memori else path, isolation_level=None, check_same_thread=False)
    con.row_factory = sqlite3.Row
    con.execute("PRAGMA busy_timeout = 10000")
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute("PRAGMA foreign_keys = ON")
    _migrasi(con)
    if not dalam_memori:
        _rahasiakan_pendamping(path)
    return con


def _rahasiakan_pendamping(path: Path) -> None:
    # SQLite gives -wal/-shm the database file's mode, but a store created by an older tool may have left them open.
    for akhiran in ("-wal", "-shm"):
        lain = path.with_name(path.name + akhiran)
        try:
            if lain.exists() and lain.stat().st_mode & 0o077:
                os.chmod(lain, 0o600)
        except OSError:
            pass  # owned by another user (e.g. the service account): not ours to change


@contextlib.contextmanager
def transaksi(con: sqlite3.Connection):
    """One write transaction. ``BEGIN IMMEDIATE`` takes the write lock up front, so a concurrent writer waits
    (busy timeout) instead of failing halfway. Inside an open transaction it joins it: an account change and its
    audit entry commit together or not at all."""
    if con.in_transaction:
        yield con
        return
    con.execute("BEGIN IMMEDIATE")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:  # some errors (disk full, I/O) have already rolled back
            con.execute("ROLLBACK")
        raise


def _migrasi(con: sqlite3.Connection) -> None:
    if con.execute("PRAGMA user_version").fetchone()[0] >= VERSI_SKEMA:
        return  # the common case takes no write lock
    with transaksi(con):
        versi = con.execute("PRAGMA user_version").fetchone()[0]  # another process may have migrated meanwhile
        for langkah in _MIGRASI[versi:]:
            for pernyataan in _pernyataan(langkah):
                con.execute(pernyataan)
        con.execute(f"PRAGMA user_version = {VERSI_SKEMA:d}")  # PRAGMA takes no parameters; an int constant


def _pernyataan(sql: str) -> list[str]:
    """Splits a script into statements (executescript would commit our transaction); triggers stay whole."""
    hasil, buffer = [], ""
    for baris in sql.splitlines(keepends=True):
        buffer += baris
        if sqlite3.complete_statement(buffer):
            hasil.append(buffer.strip())
            buffer = ""
    return [s for s in hasil if s]


def pengaturan(con: sqlite3.Connection, kunci: str, bawaan: str | None = None) -> str | None:
    baris = con.execute("SELECT nilai FROM pengaturan WHERE kunci = ?", (kunci,)).fetchone()
    return bawaan if baris is None else baris["nilai"]


def atur_pengaturan(con: sqlite3.Connection, kunci: str, nilai: str | None, oleh: str | None = None) -> None:
    """Sets a setting; with ``oleh`` the change is audited in the same transaction."""
    from pke import audit

    with transaksi(con):
        con.execute("INSERT INTO pengaturan (kunci, nilai) VALUES (?, ?) "
                    "ON CONFLICT (kunci) DO UPDATE SET nilai = excluded.nilai", (kunci, nilai))
        if oleh is not None:
            audit.catat(con, oleh, audit.PENGATURAN, rincian={"kunci": kunci, "nilai": nilai})


def naikkan_versi(con: sqlite3.Connection) -> None:
    """Call inside the transaction of any write the dashboard's queries read (targets, approved reports): cached
    query results are keyed by this number, so the next read sees the change."""
    con.execute("INSERT INTO versi_data (kunci, nilai) VALUES ('kueri', 1) "
                "ON CONFLICT (kunci) DO UPDATE SET nilai = nilai + 1")


def versi_kueri(con: sqlite3.Connection) -> int:
    baris = con.execute("SELECT nilai FROM versi_data WHERE kunci = 'kueri'").fetchone()
    return 0 if baris is None else int(baris["nilai"])


# What the analytic queries read from this store: registered on the query's DuckDB cursor under these names
# (pke.db.jalankan), where they shadow the catalog's empty tables of the same name and shape.
KOLOM_TARGET_APP = ["kode_wilayah", "klaster", "tahun", "triwulan", "target_keluarga", "diubah_oleh", "diubah_pada"]
KOLOM_LAPORAN_OPD = ["id", "opd", "kode_desa", "klaster", "tahun", "triwulan", "keluarga_terjangkau", "program",
                     "sumber_dana", "nilai_rp"]


def untuk_kueri(con: sqlite3.Connection) -> dict:
    """{name: DataFrame} for the queries: `target_app`, the newest app edit of each target cell (a NULL target
    removes it), and `laporan_opd`, the approved OPD progress reports only (drafts and submitted reports never
    count)."""
    import pandas as pd

    target = pd.read_sql_query(
        "SELECT kode_wilayah, klaster, tahun, triwulan, target_keluarga, diubah_oleh, diubah_pada FROM target_ubah "
        "WHERE id IN (SELECT max(id) FROM target_ubah GROUP BY kode_wilayah, klaster, tahun, triwulan)", con)
    target["diubah_pada"] = pd.to_datetime(target["diubah_pada"].str.rstrip("Z"))
    target = target.astype({"tahun": "int16", "triwulan": "int8", "target_keluarga": "Int64"})
    laporan = pd.read_sql_query(
        "SELECT " + ", ".join(KOLOM_LAPORAN_OPD) + " FROM laporan_opd WHERE status = 'disetujui'", con)
    laporan = laporan.astype({"tahun": "int16", "triwulan": "int8", "keluarga_terjangkau": "int64",
                              "nilai_rp": "Int64"})
    return {"target_app": target, "laporan_opd": laporan}
