"""Indonesian number, percentage and period formatting: 1.234.567; 12,5%; Triwulan IV 2026."""
from __future__ import annotations

import math

import pandas as pd

ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _kosong(x) -> bool:
    return x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and math.isnan(x))


def angka(x, desimal: int = 0) -> str:
    """1234567 -> '1.234.567'; 1234.5 with desimal=1 -> '1.234,5'; None -> '–'."""
    if _kosong(x):
        return "–"
    teks = f"{float(x):,.{desimal}f}" if desimal else f"{round(float(x)):,d}"
    return teks.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def persen(rasio, desimal: int = 1) -> str:
    """0.125 -> '12,5%'."""
    if _kosong(rasio):
        return "–"
    return angka(100 * float(rasio), desimal) + "%"


def rupiah(x) -> str:
    """Rp with the largest sensible unit: 'Rp 1,5 M' (miliar), 'Rp 250 jt', 'Rp 750.000'."""
    if _kosong(x):
        return "–"
    x = float(x)
    if abs(x) >= 1e12:
        return f"Rp {angka(x / 1e12, 2)} T"
    if abs(x) >= 1e9:
        return f"Rp {angka(x / 1e9, 1)} M"
    if abs(x) >= 1e6:
        return f"Rp {angka(x / 1e6, 1)} jt"
    return f"Rp {angka(x)}"


def selisih(x, desimal: int = 0) -> str:
    """Signed change: '+1.234', '-56', '±0'."""
    if _kosong(x):
        return "–"
    if round(float(x), desimal) == 0:
        return "±0"
    tanda = "+" if x > 0 else "-"  # ASCII minus: st.metric colours a delta by its leading "-"
    return tanda + angka(abs(x), desimal)


def selisih_poin(rasio, desimal: int = 1) -> str:
    """Change of a share in percentage points: 0.021 -> '+2,1 poin'."""
    if _kosong(rasio):
        return "–"
    return selisih(100 * float(rasio), desimal) + " poin"


def triwulan(tahun: int, tw: int) -> str:
    return f"Triwulan {ROMAWI[int(tw)]} {int(tahun)}"


def triwulan_singkat(tahun: int, tw: int) -> str:
    return f"TW {ROMAWI[int(tw)]} {int(tahun)}"
