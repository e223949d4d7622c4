"""What a report is made of — sections with a key message, figures, text, a picture and a table — and the helpers
the gathering and the writers share."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from pke import fmt


@dataclass
class Tabel:
    """A table as shown (formatted text) and as data (numbers, for Excel); `persen` columns hold shares 0–1.
    `warna`: background colour per value of the shown "Status" column (None: the progress statuses' colours)."""
    tampil: pd.DataFrame
    data: pd.DataFrame
    persen: tuple[str, ...] = ()
    rupiah: tuple[str, ...] = ()
    warna: dict[str, str] | None = None


@dataclass
class Bagian:
    kunci: str
    judul: str
    teks: list[str] = field(default_factory=list)
    angka: list[tuple[str, str]] = field(default_factory=list)  # headline figures: (label, formatted value)
    gambar: bytes | None = None                                 # PNG
    keterangan_gambar: str = ""
    tabel: Tabel | None = None
    pesan: str = ""  # the key message (pke.pesan): plain text, under the heading of the section and of its slides


@dataclass
class Laporan:
    judul: str
    wilayah: str
    periode: str
    dibuat: str
    bahasa: str
    nama_berkas: str
    demo: bool
    bagian: list[Bagian]


def tabel(df: pd.DataFrame, kolom: dict[str, str], persen=(), rupiah=(), desimal: dict[str, int] | None = None,
          warna: dict[str, str] | None = None) -> Tabel:
    """Rename `kolom` (source -> shown label), and format: shares as %, rupiah, other numbers with separators."""
    data = df[list(kolom)].rename(columns=kolom).reset_index(drop=True)
    persen = tuple(kolom[k] for k in persen)
    rupiah = tuple(kolom[k] for k in rupiah)
    desimal = {kolom[k]: v for k, v in (desimal or {}).items()}
    tampil = data.copy()
    for c, f in fmt.format_kolom(data, persen, rupiah, desimal).items():
        tampil[c] = [f(v) for v in data[c]]
    return Tabel(tampil, data, persen, rupiah, warna)


def kolom_angka(t_: Tabel) -> set[str]:
    """The shown columns that hold numbers (right-aligned)."""
    return {c for c in t_.tampil.columns
            if pd.api.types.is_numeric_dtype(t_.data[c]) and not pd.api.types.is_bool_dtype(t_.data[c])}


def lebar_kolom(tampil: pd.DataFrame, lebar: float, huruf: float, tepi: float, angka=(),
                kepala: float = 1.15) -> list[float]:
    """Column widths that never wrap a number or break a word: a column of `angka` (numbers) needs its longest
    text, any other column at least its longest word (header or value), each × `huruf` (average character width;
    × `kepala` for the bold header) + `tepi` (cell padding). When every column fits whole, the space left is shared
    in proportion; when not, the text columns wrap at words, sharing what the minimum widths leave in proportion
    to the room they lack."""
    perlu, minimum = [], []
    for c in tampil.columns:
        nilai = [str(v) for v in tampil[c]]
        kata = max([len(w) for w in str(c).split()] + [1]) * huruf * kepala + tepi
        perlu.append(max([len(v) * huruf + tepi for v in nilai] + [kata]))
        minimum.append(perlu[-1] if c in angka
                       else max([kata] + [len(w) * huruf + tepi for v in nilai for w in v.split()]))
    total = sum(perlu)
    if total <= lebar:
        return [w + (lebar - total) * w / total for w in perlu]
    if sum(minimum) >= lebar:
        return [lebar * w / sum(minimum) for w in minimum]
    kurang = [p - m for p, m in zip(perlu, minimum)]
    sisa = lebar - sum(minimum)
    return [m + sisa * k / sum(kurang) for m, k in zip(minimum, kurang)]
