"""Collaboration opportunities: unmet needs priced with a visible, editable table of unit costs, and which
villages a given budget would reach (priority villages first, then the heaviest needs per family)."""
from __future__ import annotations

import pandas as pd

from pke import klaster
from pke.i18n import t

def tabel_biaya() -> pd.DataFrame:
    """The editable unit-cost table: klaster (key), label, satuan (unit), biaya (rupiah per unit)."""
    # the default costs are the clusters' own (pke.klaster: programme values used in Central Java); users edit them
    return pd.DataFrame([(k.kunci, klaster.label(k.kunci), t(k.satuan), k.biaya) for k in klaster.KLASTER],
                        columns=["klaster", "label", "satuan", "biaya"])


def hitung(kebutuhan: pd.DataFrame, biaya: pd.DataFrame, dasar: str = "belum") -> pd.DataFrame:
    """Per village: households to fund (column `dasar`: 'belum' = not yet planned by anyone, or 'tersisa'),
    and the estimated cost, from the kebutuhan_desa_klaster rows and the unit-cost table."""
    harga = dict(zip(biaya["klaster"], pd.to_numeric(biaya["biaya"], errors="coerce").fillna(0)))
    d = kebutuhan.assign(biaya=kebutuhan[dasar] * kebutuhan["klaster"].map(harga).fillna(0))
    per_desa = d.groupby(["kode", "desa", "kecamatan", "prioritas", "keluarga"], as_index=False).agg(
        keluarga_dibantu=(dasar, "sum"), biaya=("biaya", "sum"))
    per_desa["per_100"] = 100 * per_desa["keluarga_dibantu"] / per_desa["keluarga"].clip(lower=1)
    return per_desa[per_desa["keluarga_dibantu"] > 0].sort_values(
        ["prioritas", "per_100"], ascending=[False, False]).reset_index(drop=True)


def jangkauan(per_desa: pd.DataFrame, anggaran: float) -> pd.DataFrame:
    """Mark the villages a budget covers whole, taking them in the table's order (priority villages first)
    and skipping a village that no longer fits while a later, smaller one still does."""
    d = per_desa.copy()
    sisa, terjangkau, kumulatif = float(anggaran), [], []
    total = 0.0
    for biaya in d["biaya"]:
        masuk = biaya <= sisa
        if masuk:
            sisa -= biaya
            total += biaya
        terjangkau.append(masuk)
        kumulatif.append(total)
    d["terjangkau"] = terjangkau
    d["kumulatif"] = kumulatif  # budget used by the covered villages so far
    return d
