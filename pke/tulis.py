"""The one writer path. A DuckDB file is open either to one read-write process or to many read-only ones;
the dashboard's readers hold it read-only. So a change is made on a copy, in one transaction, and the copy
is moved over the original with os.replace (atomic): readers keep the old file until they reopen, a failed
change leaves the original untouched, and a lock file serialises concurrent writers."""
from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
from pathlib import Path

import duckdb

from pke.i18n import t


class TulisError(Exception):
    """The storage failed (disk full, I/O error, permissions): nothing changed, and the message says so."""


def batas_memori() -> str:
    """The writer's DuckDB memory limit: PKE_MEMORI_TULIS (e.g. '600MB', '4GB'), checked before it reaches SQL."""
    nilai = os.environ.get("PKE_MEMORI_TULIS", "600MB").strip()
    return nilai if re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", nilai, re.IGNORECASE) else "600MB"


def buang_sementara(tmp: Path) -> None:
    """Remove a half-written copy and its write-ahead log after a failed write."""
    for p in (tmp, Path(str(tmp) + ".wal"), *tmp.parent.glob(tmp.name + ".kerja*")):
        p.unlink(missing_ok=True)  # the copy, its log, and a kabupaten's working file (pke.gudang.kerja_kab)


@contextlib.contextmanager
def kunci_tulis(path: Path):
    with open(str(path) + ".lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


@contextlib.contextmanager
def berkas_baru(path, salin: bool = False):
    """Yield a read-write connection to a new file beside `path` (a copy of it when `salin`); when the block
    ends without error, checkpoint and move it over `path`. Writers are serialised for the whole block, so a
    rebuild and a target edit cannot overwrite each other. A storage failure at any step (the copy, the writes,
    the checkpoint, the swap) removes the half-written copy and raises TulisError: no debris, no traceback."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with kunci_tulis(path):
        buang_sementara(tmp)  # left over by a killed writer
        try:
            if salin:
                shutil.copyfile(path, tmp)
            con = duckdb.connect(str(tmp))
            # A writer works one kabupaten at a time; DuckDB spills beyond this to a temporary file instead of
            # growing, so a build's or an import's peak memory stays bounded at province and national scale.
            con.execute(f"SET memory_limit = '{batas_memori()}'")
            con.execute("SET enable_progress_bar = false")
        except (OSError, duckdb.IOException) as e:
            buang_sementara(tmp)
            raise TulisError(_pesan(path, e)) from e
        try:
            yield con
            con.execute("CHECKPOINT")
            con.close()
            os.chmod(tmp, 0o600)  # personal data: readable by the service's own user only
            os.replace(tmp, path)
        except (OSError, duckdb.IOException) as e:
            con.close()
            buang_sementara(tmp)
            raise TulisError(_pesan(path, e)) from e
        except BaseException:
            con.close()
            buang_sementara(tmp)
            raise


def _pesan(path: Path, e: Exception) -> str:
    sebab = getattr(e, "strerror", None) or str(e).splitlines()[0][:200]
    return t("Basis data {berkas} tidak dapat ditulis ({sebab}). Tidak ada yang berubah; periksa ruang disk dan izin "
             "berkas, lalu coba lagi.", berkas=path.name, sebab=sebab)


@contextlib.contextmanager
def ubah_basis_data(path):
    """Yield a read-write connection to a copy of `path` inside one transaction; on success swap the copy in."""
    with berkas_baru(path, salin=True) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
