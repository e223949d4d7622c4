"""One place per cluster (issue 13 item 10): pke/klaster.py defines each cluster once — key, labels, OPD, the
criterion in words and in SQL, import aliases, default unit cost — and everything reads it. A ninth cluster
defined there alone reaches the derivation, the catalog, the views' queries, imports and the cost table."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from pke import build, db, impor, klaster, kolaborasi
from pke.i18n import N_


def test_setiap_klaster_lengkap():
    for k in klaster.KLASTER:
        assert k.kunci.isidentifier() and k.label and k.label_singkat and k.opd and k.kriteria and k.sql
        assert k.satuan and k.biaya > 0
        assert klaster.ALIAS[k.kunci] == k.kunci and klaster.ALIAS[k.label.lower()] == k.kunci
    assert klaster.sql_kriteria().count(" AS ") == len(klaster.KLASTER)
    assert list(kolaborasi.tabel_biaya()["klaster"]) == list(klaster.KUNCI)


def test_klaster_kesembilan_di_satu_tempat(tmp_path, monkeypatch, batas_dir):
    """A ninth cluster (families with a chronically ill member), added to pke.klaster only."""
    kronis = klaster.Klaster("kronis", N_("Disabilitas"), N_("Disabilitas"), "Dinkes", N_("Disabilitas"),
                             "coalesce(a.ada_kronis, FALSE)", ("penyakit kronis",), N_("Disabilitas"), 1_000_000)
    sembilan = (*klaster.KLASTER, kronis)
    monkeypatch.setattr(klaster, "KLASTER", sembilan)
    monkeypatch.setattr(klaster, "KUNCI", tuple(k.kunci for k in sembilan))
    monkeypatch.setattr(klaster, "BY_KUNCI", {k.kunci: k for k in sembilan})
    monkeypatch.setattr(klaster, "ALIAS", {**klaster.ALIAS, "kronis": "kronis", "penyakit kronis": "kronis"})
    path = tmp_path / "sembilan.duckdb"
    build.bangun_demo(path, kabupaten=["33.15"], seed=5, sampai=dt.date(2026, 11, 23), batas=None, skala=0.02)
    con = db.buka(path)
    try:
        assert con.execute("SELECT count(*) FROM klaster").fetchone()[0] == 9
        n = con.execute("SELECT count(*) FROM kebutuhan WHERE klaster = 'kronis'").fetchone()[0]
        langsung = con.execute("""SELECT count(DISTINCT i.id_keluarga_p3ke) FROM individu i
                                  JOIN keluarga_aktif k USING (id_keluarga_p3ke, snapshot)
                                  WHERE i.penyakit_kronis AND coalesce(i.keterangan, '') NOT IN ('Meninggal', 'Pindah')""").fetchone()[0]
        assert n == langsung > 0
        per_klaster = db.jalankan(con, "kebutuhan_per_klaster", kode="33.15", tahun=2026, triwulan=4, lingkup="")
        assert len(per_klaster) == 9 and per_klaster.set_index("klaster").loc["kronis", "kebutuhan"] == n
    finally:
        con.close()
    assert impor.KLASTER_ALIAS is not None and klaster.ALIAS["penyakit kronis"] == "kronis"
    assert len(kolaborasi.tabel_biaya()) == 9
    assert isinstance(kolaborasi.tabel_biaya(), pd.DataFrame)
