from pke import fmt


def test_angka_indonesia():
    assert fmt.angka(1234567) == "1.234.567"
    assert fmt.angka(1234.5, 1) == "1.234,5"
    assert fmt.angka(0) == "0"
    assert fmt.angka(None) == "–"
    assert fmt.angka(float("nan")) == "–"


def test_persen_dan_selisih():
    assert fmt.persen(0.125) == "12,5%"
    assert fmt.persen(0.1178, 2) == "11,78%"
    assert fmt.selisih(1234) == "+1.234"
    assert fmt.selisih(-56) == "-56"
    assert fmt.selisih(0) == "±0"
    assert fmt.selisih_poin(0.021) == "+2,1 poin"


def test_rupiah_dan_periode():
    assert fmt.rupiah(1_500_000_000) == "Rp 1,5 M"
    assert fmt.rupiah(250_000_000) == "Rp 250,0 jt"
    assert fmt.rupiah(750_000) == "Rp 750.000"
    assert fmt.triwulan(2026, 4) == "Triwulan IV 2026"
    assert fmt.triwulan_singkat(2025, 1) == "TW I 2025"


def test_tanggal():
    import datetime as dt

    assert fmt.tanggal(dt.date(2026, 11, 23)) == "23 November 2026"
    assert fmt.tanggal("2025-03-03") == "3 Maret 2025"
    assert fmt.tanggal(None) == "–"


def test_format_bahasa_inggris():
    import datetime as dt

    from pke.i18n import dalam_bahasa

    with dalam_bahasa("en"):
        assert fmt.angka(1234567) == "1,234,567"
        assert fmt.persen(0.125) == "12.5%"
        assert fmt.rupiah(1_500_000_000) == "Rp 1.5 bn"
        assert fmt.rupiah(250_000_000) == "Rp 250.0 m"
        assert fmt.selisih_poin(0.021) == "+2.1 pts"
        assert fmt.triwulan(2026, 4) == "Quarter IV 2026" and fmt.tw(2) == "Q II"
        assert fmt.tanggal(dt.date(2025, 3, 3)) == "3 March 2025"
    assert fmt.angka(1234567) == "1.234.567"  # back to Indonesian outside the block


# Numbers through Babel (id_ID, en_US): each function in both languages.
import datetime as _dt  # noqa: E402
import decimal  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from pke.i18n import dalam_bahasa  # noqa: E402

DUA_BAHASA = pytest.mark.parametrize("bahasa", ["id", "en"])


def _harap(bahasa, id_, en):
    return id_ if bahasa == "id" else en


@DUA_BAHASA
def test_angka_dua_bahasa(bahasa):
    with dalam_bahasa(bahasa):
        assert fmt.angka(1234567) == _harap(bahasa, "1.234.567", "1,234,567")
        assert fmt.angka(1234.5, 1) == _harap(bahasa, "1.234,5", "1,234.5")
        assert fmt.angka(-9876543.21, 2) == _harap(bahasa, "-9.876.543,21", "-9,876,543.21")
        assert fmt.angka(np.int64(26_515_305)) == _harap(bahasa, "26.515.305", "26,515,305")
        assert fmt.angka(np.float64(0.5)) == "1"  # half up, as people and Excel round (Python: round(0.5) == 0)
        assert fmt.angka(1.25, 1) == _harap(bahasa, "1,3", "1.3")
        assert fmt.angka(decimal.Decimal("2.345"), 2) == _harap(bahasa, "2,35", "2.35")
        assert fmt.angka(-0.4) == "0" and fmt.angka(-0.04, 1) == _harap(bahasa, "0,0", "0.0")  # never "-0"
        for kosong in (None, float("nan"), pd.NA, np.nan, float("inf")):
            assert fmt.angka(kosong) == "–"


@DUA_BAHASA
def test_persen_dua_bahasa(bahasa):
    with dalam_bahasa(bahasa):
        assert fmt.persen(0.125) == _harap(bahasa, "12,5%", "12.5%")  # no space before % in either language
        assert fmt.persen(0.1178, 2) == _harap(bahasa, "11,78%", "11.78%")
        assert fmt.persen(0.1225) == _harap(bahasa, "12,3%", "12.3%")
        assert fmt.persen(1) == _harap(bahasa, "100,0%", "100.0%")
        assert fmt.persen(12.3456, 0) == _harap(bahasa, "1.235%", "1,235%")
        assert fmt.persen(-0.0001) == _harap(bahasa, "0,0%", "0.0%")
        assert fmt.persen(None) == "–"


@DUA_BAHASA
def test_rupiah_dua_bahasa(bahasa):
    with dalam_bahasa(bahasa):
        assert fmt.rupiah(750_000) == _harap(bahasa, "Rp 750.000", "Rp 750,000")
        assert fmt.rupiah(250_000_000) == _harap(bahasa, "Rp 250,0 jt", "Rp 250.0 m")
        assert fmt.rupiah(18_240_000_000) == _harap(bahasa, "Rp 18,2 M", "Rp 18.2 bn")
        assert fmt.rupiah(3_456_000_000_000) == _harap(bahasa, "Rp 3,46 T", "Rp 3.46 tn")
        # rounding up to a thousand of a unit moves to the next unit
        assert fmt.rupiah(999_960_000) == _harap(bahasa, "Rp 1,0 M", "Rp 1.0 bn")
        assert fmt.rupiah(-2_000_000_000) == _harap(bahasa, "Rp -2,0 M", "Rp -2.0 bn")
        assert fmt.rupiah(0) == "Rp 0" and fmt.rupiah(None) == "–"


@DUA_BAHASA
def test_selisih_dua_bahasa(bahasa):
    with dalam_bahasa(bahasa):
        assert fmt.selisih(1234) == _harap(bahasa, "+1.234", "+1,234")
        assert fmt.selisih(-5678.25, 1) == _harap(bahasa, "-5.678,3", "-5,678.3")  # ASCII minus for st.metric
        assert fmt.selisih(0.4) == "±0" and fmt.selisih(-0.04, 1) == "±0"
        assert fmt.selisih_poin(0.021) == _harap(bahasa, "+2,1 poin", "+2.1 pts")
        assert fmt.selisih_poin(-0.1234, 2) == _harap(bahasa, "-12,34 poin", "-12.34 pts")
        assert fmt.selisih(None) == "–" and fmt.selisih_poin(None) == "–"


@DUA_BAHASA
def test_tanggal_dan_periode_dua_bahasa(bahasa):
    with dalam_bahasa(bahasa):
        assert fmt.tanggal(_dt.date(2025, 3, 3)) == _harap(bahasa, "3 Maret 2025", "3 March 2025")
        assert fmt.tanggal(_dt.datetime(2026, 8, 17, 9, 30)) == _harap(bahasa, "17 Agustus 2026", "17 August 2026")
        assert fmt.tanggal("2026-11-23T10:00:00") == "23 November 2026"
        assert fmt.triwulan(2026, 4) == _harap(bahasa, "Triwulan IV 2026", "Quarter IV 2026")
        assert fmt.triwulan_singkat(2025, 1) == _harap(bahasa, "TW I 2025", "Q I 2025")
        assert fmt.tw(3) == _harap(bahasa, "TW III", "Q III")


@DUA_BAHASA
def test_format_kolom_dua_bahasa(bahasa):
    df = pd.DataFrame({"nama": ["Grobogan"], "keluarga": [12345], "rata": [2.25], "bagian": [0.125],
                       "biaya": [1.5e9], "prioritas": [True]})
    with dalam_bahasa(bahasa):
        f = fmt.format_kolom(df, kolom_persen=["bagian"], kolom_rupiah=["biaya"], desimal={"rata": 1})
        tampil = {k: f[k](df[k].iloc[0]) for k in f}
    assert tampil == {"nama": "Grobogan", "keluarga": _harap(bahasa, "12.345", "12,345"),
                      "rata": _harap(bahasa, "2,3", "2.3"), "bagian": _harap(bahasa, "12,5%", "12.5%"),
                      "biaya": _harap(bahasa, "Rp 1,5 M", "Rp 1.5 bn"), "prioritas": "True"}


@DUA_BAHASA
def test_lokal_vega_dan_format_sel(bahasa):
    with dalam_bahasa(bahasa):
        assert fmt.lokal_vega() == {"decimal": _harap(bahasa, ",", "."), "thousands": _harap(bahasa, ".", ","),
                                    "grouping": [3], "currency": ["Rp ", ""]}
        assert fmt.format_sel() == _harap(bahasa, "%'.,d", "%,d")
        assert fmt.format_sel("Rp") == _harap(bahasa, "Rp %'.,d", "Rp %,d")


def _sprintf_streamlit():
    """Streamlit's own bundled sprintf (the one st.column_config.NumberColumn uses), when node is available."""
    import streamlit

    js = sorted((Path(streamlit.__file__).parent / "static" / "static" / "js").glob("sprintfjs.*.js"))
    node = shutil.which("node")
    if not js or not node:
        pytest.skip("node or Streamlit's sprintf bundle not available")
    return node, js[0]


@DUA_BAHASA
def test_format_sel_di_sprintf_streamlit(bahasa, tmp_path):
    node, js = _sprintf_streamlit()
    with dalam_bahasa(bahasa):
        pola = fmt.format_sel()
    # the bundle imports two sibling modules; `window` is read by one of them at import time
    kode = ("globalThis.window = {}; const m = await import(process.argv[1]); const f = Object.values(m)[0];"
            "const p = process.argv[2];"
            "console.log(JSON.stringify([f(p, 20000000), f(p, 1234), f(p, 0)]))")
    hasil = subprocess.run([node, "--input-type=module", "-e", kode, js.as_uri(), pola], capture_output=True,
                           text=True, timeout=60)
    if hasil.returncode:
        pytest.skip(f"Streamlit's sprintf bundle not loadable outside the browser: {hasil.stderr[-300:]}")
    assert hasil.stdout.strip() == _harap(bahasa, '["20.000.000","1.234","0"]', '["20,000,000","1,234","0"]')
