"""Demo accounts, one per role, so a newcomer can try what each role sees on the labelled demo database.

Their passwords are published on the login page, so they are marked `demo` in the store and refused on any
database that is not the demo (ui.akses checks the database's label at every run)."""
from __future__ import annotations

import sqlite3

from pke import akun
from pke.i18n import N_

# nama, peran, wilayah, opd, what the account shows off
DAFTAR: list[dict] = [
    {"nama": "pimpinan", "peran": "pimpinan", "wilayah": "33", "opd": None,
     "keterangan": N_("Pimpinan provinsi: semua tampilan agregat Jawa Tengah dan mode presentasi, tanpa data nama")},
    {"nama": "analis", "peran": "analis", "wilayah": "33.15", "opd": None,
     "keterangan": N_("Analis Bappeda Grobogan: agregat, daftar keluarga dengan NIK disamarkan")},
    {"nama": "opd", "peran": "opd", "wilayah": "33.15", "opd": "Dinsos",
     "keterangan": N_("Dinsos Grobogan: tampilan agregat kabupatennya")},
    {"nama": "operator", "peran": "wilayah", "wilayah": "33.15.01", "opd": None,
     "keterangan": N_("Operator Kec. Kedungjati: data nama kecamatannya untuk verval, dengan tujuan dan log audit")},
    {"nama": "admin", "peran": "admin", "wilayah": "nasional", "opd": None,
     "keterangan": N_("Administrator: akun, impor, target, log audit")},
]
for _a in DAFTAR:
    _a["sandi"] = f"demo-{_a['nama']}-pke"  # at least 10 characters, like every password


def pastikan(con: sqlite3.Connection) -> None:
    """Create the demo accounts that do not exist yet (idempotent; an account renamed or deactivated by an
    administrator is left as it is)."""
    ada = {r["nama"] for r in con.execute("SELECT nama FROM akun").fetchall()}
    for a in DAFTAR:
        if a["nama"] not in ada:
            try:
                akun.tambah(con, a["nama"], a["sandi"], a["peran"], a["wilayah"], a["opd"], oleh="demo", demo=True)
            except akun.AkunError:
                pass  # created meanwhile by another session
