"""Number, percentage, money, date and period formatting in the language of the run.

Indonesian (the default): 1.234.567; 12,5%; Rp 1,5 M; 23 November 2026; Triwulan IV 2026.
English: 1,234,567; 12.5%; Rp 1.5 bn; 23 November 2026; Quarter IV 2026.

Numbers and dates go through Babel (CLDR data for `id_ID` and `en_US`): separators, the percent sign and month
names come from the locale, not from code here. Three things are fixed on purpose, because every view, report and
test reads them the same way in both languages:
- the patterns: a percentage is `#,##0.0%` (CLDR's `id` has no space before `%` today; a pinned pattern keeps
  "12,5%" should that change), a date `d MMMM y`;
- money is "Rp " and a unit of the run's language (jt / M / T, and m / bn / tn in English, where CLDR's short
  compact forms would give "B" for billion);
- rounding is half up on the number as written (12,25 -> 12,3; 2,5 -> 3), as people and Excel round, so a
  report's PDF and its Excel sheet agree (Babel and Python round half to even: 12,25 -> 12,2).
"""
from __future__ import annotations

import datetime as dt
import decimal
import functools
import math
import operator
import re

import pandas as pd
from babel import Locale, dates, numbers

from pke.i18n import bahasa

ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}
LOKAL = {"id": "id_ID", "en": "en_US"}
SATUAN_RUPIAH = {"id": ("T", "M", "jt"), "en": ("tn", "bn", "m")}
# (power of ten, decimals) for triliun, miliar, juta, in the order of SATUAN_RUPIAH
_SKALA_RUPIAH = ((12, 2), (9, 1), (6, 1))
RP = numbers.get_currency_symbol("IDR", locale="id_ID")  # "Rp" in both languages: the currency is Indonesian


@functools.lru_cache(maxsize=None)
def _lokal(kode: str) -> Locale:
    return Locale.parse(LOKAL.get(kode, "id_ID"))


@functools.lru_cache(maxsize=None)
def _pola(desimal: int, persen: bool = False) -> numbers.NumberPattern:
    return numbers.parse_pattern("#,##0" + ("." + "0" * desimal if desimal > 0 else "") + ("%" if persen else ""))


def _kosong(x) -> bool:
    return x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and math.isnan(x))


def _desimal(x) -> decimal.Decimal | None:
    """The value as the Decimal it reads as (0.1 -> Decimal('0.1'), not the binary float's expansion); None when
    missing or not finite."""
    if _kosong(x):
        return None
    if isinstance(x, decimal.Decimal):
        return x if x.is_finite() else None
    try:
        return decimal.Decimal(operator.index(x))  # int, numpy integers: exact, however large
    except TypeError:
        pass
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return decimal.Decimal(repr(f)) if math.isfinite(f) else None


def _bulat(d: decimal.Decimal, desimal: int) -> decimal.Decimal:
    """Half up to `desimal` places; a value that rounds to zero loses its sign ("-0" is never shown)."""
    q = d.quantize(decimal.Decimal(1).scaleb(-desimal), rounding=decimal.ROUND_HALF_UP)
    return q.copy_abs() if q.is_zero() else q


def _tulis(d: decimal.Decimal, desimal: int, persen: bool = False) -> str:
    q = _bulat(d, desimal)
    return _pola(desimal, persen).apply(q.scaleb(-2) if persen else q, _lokal(bahasa()))


def angka(x, desimal: int = 0) -> str:
    """1234567 -> '1.234.567'; 1234.5 with desimal=1 -> '1.234,5' (English: '1,234.5'); None -> '–'."""
    d = _desimal(x)
    return "–" if d is None else _tulis(d, desimal)


def persen(rasio, desimal: int = 1) -> str:
    """0.125 -> '12,5%' (English '12.5%')."""
    d = _desimal(rasio)
    return "–" if d is None else _tulis(d.scaleb(2), desimal, persen=True)


def rupiah(x) -> str:
    """Rp with the largest sensible unit: 'Rp 1,5 M' (miliar), 'Rp 250,0 jt', 'Rp 750.000'. A value that rounds up
    to a thousand of one unit is written in the next one ('Rp 1,0 M', not 'Rp 1.000,0 jt')."""
    d = _desimal(x)
    if d is None:
        return "–"
    satuan = SATUAN_RUPIAH[bahasa()]
    for i, (pangkat, desimal) in enumerate(_SKALA_RUPIAH):
        if abs(d) >= 10 ** pangkat:
            if i > 0 and abs(_bulat(d.scaleb(-pangkat), desimal)) >= 1000:
                i -= 1
                pangkat, desimal = _SKALA_RUPIAH[i]
            return f"{RP} {_tulis(d.scaleb(-pangkat), desimal)} {satuan[i]}"
    return f"{RP} {_tulis(d, 0)}"


def selisih(x, desimal: int = 0) -> str:
    """Signed change: '+1.234', '-56', '±0'."""
    d = _desimal(x)
    if d is None:
        return "–"
    if _bulat(d, desimal).is_zero():
        return "±0"
    tanda = "-" if d < 0 else "+"  # ASCII minus: st.metric colours a delta by its leading "-"
    return tanda + _tulis(abs(d), desimal)


def selisih_poin(rasio, desimal: int = 1) -> str:
    """Change of a share in percentage points: 0.021 -> '+2,1 poin' ('+2.1 pts')."""
    d = _desimal(rasio)
    if d is None:
        return "–"
    return selisih(d.scaleb(2), desimal) + (" pts" if bahasa() == "en" else " poin")


def simbol_angka() -> dict:
    """The run's decimal and group separators from the locale: {'desimal': ',', 'ribuan': '.'} in Indonesian."""
    lokal = _lokal(bahasa())
    return {"desimal": numbers.get_decimal_symbol(lokal), "ribuan": numbers.get_group_symbol(lokal)}


def lokal_vega() -> dict:
    """The number locale of a Vega-Lite chart (d3-format) in the run's language, from the same CLDR data as the
    text: charts and tables write 1.234 alike."""
    s = simbol_angka()
    return {"decimal": s["desimal"], "thousands": s["ribuan"], "grouping": [3], "currency": [f"{RP} ", ""]}


def format_sel(awalan: str = "") -> str:
    """A printf-style format for st.column_config.NumberColumn that groups whole numbers with the run's separator
    whatever the browser's locale ("localized" follows the browser, so an English browser showed 20,000,000 in the
    Indonesian interface): Indonesian "%'.,d" -> 20.000.000, English "%,d" -> 20,000,000. Streamlit's sprintf
    takes the group separator from a custom padding character ('.); without a width it pads nothing. Whole
    numbers only: the decimal point of "%.2f" cannot be changed."""
    ribuan = simbol_angka()["ribuan"]
    spek = "%,d" if ribuan == "," else f"%'{ribuan},d"
    return f"{awalan} {spek}" if awalan else spek


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
    if isinstance(d, dt.datetime):
        d = d.date()
    return dates.format_date(d, "d MMMM y", locale=_lokal(bahasa()))


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
