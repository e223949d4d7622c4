"""Personal data (NIK, names) is masked unless a user explicitly asks to see it outside a presentation."""
from __future__ import annotations

import re

import pandas as pd


def samarkan_nik(nik) -> str:
    """'3315010000001234' -> '3315********1234'. Anything that is not a NIK-like string is masked whole."""
    if nik is None or (isinstance(nik, float) and pd.isna(nik)):
        return ""
    s = str(nik).strip()
    if len(s) < 9:
        return "*" * len(s)
    return s[:4] + "*" * (len(s) - 8) + s[-4:]


def samarkan_nama(nama) -> str:
    """'Sri Wahyuni' -> 'S** W******': the first letter of each word, the rest starred."""
    if nama is None or (isinstance(nama, float) and pd.isna(nama)):
        return ""
    # per whitespace-separated word, so "Ma'ruf" shows only its first letter
    return re.sub(r"(\S)(\S*)", lambda m: m.group(1) + "*" * len(m.group(2)), str(nama))


def samarkan(df: pd.DataFrame, kolom_nik=("nik",), kolom_nama=("kepala_keluarga", "nama", "alamat")) -> pd.DataFrame:
    """NIK and names masked; the address too (RT/RW and street point at the family as surely as a name)."""
    d = df.copy()
    for c in kolom_nik:
        if c in d:
            d[c] = d[c].map(samarkan_nik)
    for c in kolom_nama:
        if c in d:
            d[c] = d[c].map(samarkan_nama)
    return d
