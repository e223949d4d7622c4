"""Excel exports: the field verification (verval) sheet in the P3KE column layout, and plain tables."""
from __future__ import annotations

import io

import pandas as pd

from pke import privasi

# Columns the village fills in during verval (Central Java kabupaten verval sheets).
KOLOM_VERVAL = ("nama_perbaikan", "NIK_perbaikan", "VERVAL_memenuhi_kriteria_P3KE",
                "VERVAL_alasan_tidak_memenuhi_kriteria_P3KE", "VERVAL_keterangan")


def lembar_verval(keluarga: pd.DataFrame, urutan: list[str], skor: pd.Series | None = None,
                  tampilkan_data_pribadi: bool = False) -> bytes:
    """An .xlsx with one row per household in `urutan` order: `No`, the P3KE export columns of the
    verval_keluarga query, the priority score, and empty verval columns. NIK and names are masked unless
    `tampilkan_data_pribadi`."""
    d = keluarga.set_index("id_keluarga_p3ke").loc[urutan].reset_index()
    if not tampilkan_data_pribadi:
        d = privasi.samarkan(d)
    d.insert(0, "No", range(1, len(d) + 1))
    if skor is not None:
        d["skor_prioritas"] = list(skor)
    for kolom in KOLOM_VERVAL:
        d[kolom] = ""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        d.to_excel(xl, sheet_name="verval", index=False)
        lembar = xl.sheets["verval"]
        lembar.freeze_panes = "C2"
        for kolom in lembar.columns:
            lebar = max(len(str(c.value or "")) for c in kolom[:200])
            lembar.column_dimensions[kolom[0].column_letter].width = min(max(10, lebar + 2), 40)
    return buf.getvalue()


def tabel_excel(lembar: dict[str, pd.DataFrame]) -> bytes:
    """Several tables as sheets of one .xlsx."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        for nama, df in lembar.items():
            df.to_excel(xl, sheet_name=nama[:31], index=False)
    return buf.getvalue()
