"""Number, percentage, money, date and period formatting in the language of the run.

Indonesian (the default): 1.234.567; 12,5%; Rp 1,5 M; 23 November 2026; Triwulan IV 2026.
English: 1,234,567; 12.5%; Rp 1.5 bn; 23 November 2026; Quarter IV 2026."""
from __future__ import annotations

import datetime as dt
import math
import re

import pandas as pd

from pke.i18n import bahasa

ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}
BULAN = {"id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
                "November", "Desember"),
         "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")}
SATUAN_RUPIAH = {"id": ("T", "M", "jt"), "en": ("tn", "bn", "m")}


def _kosong(x) -> bool:
    return x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and math.isnan(x))


def angka(x, desimal: int = 0) -> str:
    """1234567 -> '1.234.567'; 1234.5 with desimal=1 -> '1.234,5' (English: '1,234.5'); None -> '–'."""
    if _kosong(x):
        return "–"
    teks = f"{float(x):,.{desimal}f}" if desimal else f"{round(float(x)):,d}"
    if bahasa() == "en":
        return teks
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
    triliun, miliar, juta = SATUAN_RUPIAH[bahasa()]
    if abs(x) >= 1e12:
        return f"Rp {angka(x / 1e12, 2)} {triliun}"
    if abs(x) >= 1e9:
        return f"Rp {angka(x / 1e9, 1)} {miliar}"
    if abs(x) >= 1e6:
        return f"Rp {angka(x / 1e6, 1)} {juta}"
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
    return selisih(100 * float(rasio), desimal) + (" pts" if bahasa() == "en" else " poin")


def triwulan(tahun: int, tw: int) -> str:
    return f"{'Quarter' if bahasa() == 'en' else 'Triwulan'} {ROMAWI[int(tw)]} {int(tahun)}"


def triwulan_singkat(tahun: int, tw: int) -> str:
    return f"{'Q' if bahasa() == 'en' else 'TW'} {ROMAWI[int(tw)]} {int(tahun)}"


def tw(t: int) -> str:
    """A quarter without its year: 'TW IV' / 'Q IV'."""
    return f"{'Q' if bahasa() == 'en' else 'TW'} {ROMAWI[int(t)]}"


def tanggal(d) -> str:
    """23 November 2026 (month names in the language of the run)."""
    if _kosong(d):
        return "–"
    if isinstance(d, str):
        d = dt.date.fromisoformat(d[:10])
    return f"{d.day} {BULAN[bahasa()][d.month - 1]} {d.year}"



def format_kolom(df: pd.DataFrame, kolom_persen=(), kolom_rupiah=(), desimal: dict | None = None,
                 teks_lain: bool = True) -> dict:
    """One formatter per column of a table as shown: shares as %, rupiah, other numbers with separators (and
    `desimal` places where given), anything else as text (or left alone with teks_lain=False). Used by the
    dashboard's tables and the reports."""
    desimal = desimal or {}
    hasil = {}
    for kol in df.columns:
        if kol in kolom_persen:
            hasil[kol] = persen
        elif kol in kolom_rupiah:
            hasil[kol] = rupiah
        elif pd.api.types.is_numeric_dtype(df[kol]) and not pd.api.types.is_bool_dtype(df[kol]):
            hasil[kol] = lambda v, d=desimal.get(kol, 0): angka(v, d)
        elif teks_lain:
            hasil[kol] = lambda v: "–" if _kosong(v) else str(v)
    return hasil


# What Markdown (and Streamlit's extensions: :color[...], :material/icon:, $math$) acts on inside a line; a list
# marker ("-", "+", "1.") only at the start of one.
_MD_KHUSUS = re.compile(r"([\\`*_{}\[\]#!|<>~$:&])")
_MD_AWAL = re.compile(r"^(\s*)([-+]|\d+(?=[.)]))")


def aman(nilai) -> str:
    """A data value (a village, OPD or person's name, a file's column header, an error text) made safe to put
    into Markdown: every character Markdown or Streamlit could act on is escaped, so `![x](http://…)`,
    `[x](javascript:…)` or `<img onerror=…>` show as the text they are and fetch nothing. Line breaks become
    spaces (a value is one line)."""
    if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)):
        return ""
    teks = _MD_KHUSUS.sub(r"\\\1", re.sub(r"\s+", " ", str(nilai)))
    return _MD_AWAL.sub(lambda m: m.group(1) + ("\\" + m.group(2) if m.group(2) in "-+" else m.group(2) + "\\"),
                        teks) if _MD_AWAL.match(teks) else teks


_ENTITAS = {ord(c): f"&#{ord(c)};" for c in "&<>\"'[]()!*_`~:|#\\$"}


def html_aman(nilai) -> str:
    """A data value to put inside HTML that the app writes itself (the slide bar, the key message, the map
    legend): HTML-escaped, and the characters Markdown or Streamlit could act on written as entities, so
    `![x](http://…)` or `:red[x]` stay text even where Streamlit runs Markdown over the HTML."""
    return ("" if nilai is None else str(nilai)).translate(_ENTITAS)
