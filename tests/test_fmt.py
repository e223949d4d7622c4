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
