"""The one writer path. A DuckDB file is open either to one read-write process or to many read-only ones;
the dashboard's readers hold it read-only. So a change is made on a copy, in one transaction, and the copy
is moved over the original with os.replace (atomic): readers keep the old file until they reopen, a failed
change leaves the original untouched, and a lock file serialises concurrent writers."""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from pathlib import Path

import duckdb


def buang_sementara(tmp: Path) -> None:
    """Remove a half-written copy and its write-ahead log after a failed write."""
    for p in (tmp, Path(str(tmp) + ".wal")):
        p.unlink(missing_ok=True)


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
    rebuild and a target edit cannot overwrite each other."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with kunci_tulis(path):
        buang_sementara(tmp)  # left over by a killed writer
        if salin:
            shutil.copyfile(path, tmp)
        con = duckdb.connect(str(tmp))
        try:
            yield con
            con.execute("CHECKPOINT")
            con.close()
        except BaseException:
            con.close()
            buang_sementara(tmp)
            raise
        os.chmod(tmp, 0o600)  # personal data: readable by the service's own user only
        os.replace(tmp, path)


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
