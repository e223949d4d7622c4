"""Data matching per sub-region (issue 13 item 5): how many member records match Dukcapil and how many families are
in DTKS, per kecamatan of a kabupaten and per village of a kecamatan, ranked worst first — the query against
direct counts on the base tables, the Kualitas Data section, its slide on the wall and its Excel export."""
from __future__ import annotations

import io

import openpyxl
import pytest

from pke import db, fmt, kualitas, pesan
from tests.conftest import KAB
from tests.test_app import _app

# Direct counts on the base tables, per region of code length `panjang` under `induk`: every member record of an
# active household (deceased and moved included), those matched with Dukcapil; active families, those in DTKS.
LANGSUNG = """
WITH ind AS (
    SELECT left(k.kode_kemendagri, $panjang) AS kode, count(*) AS individu,
           count(*) FILTER (WHERE i.padan_dukcapil) AS individu_padan
    FROM individu i JOIN keluarga_aktif k USING (id_keluarga_p3ke, snapshot)
    WHERE k.kode_kemendagri LIKE $induk || '.%'
    GROUP BY 1
),
kel AS (
    SELECT left(k.kode_kemendagri, $panjang) AS kode, count(*) AS keluarga,
           count(*) FILTER (WHERE k.id_keluarga_p3ke IN (SELECT id FROM sumber_sektor WHERE sumber = 'DTKS'))
               AS keluarga_dtks
    FROM keluarga_aktif k
    WHERE k.kode_kemendagri LIKE $induk || '.%'
    GROUP BY 1
)
SELECT * FROM ind JOIN kel USING (kode) ORDER BY kode
"""
KOLOM = ["individu", "individu_padan", "keluarga", "keluarga_dtks"]


def _langsung(con, induk: str, panjang: int):
    return con.execute(LANGSUNG, {"induk": induk, "panjang": panjang}).df().set_index("kode")[KOLOM]


@pytest.mark.parametrize("kode,panjang", [(KAB, 8), ("33.15.01", 13)])
def test_padan_sama_dengan_hitungan_langsung(con, kode, panjang):
    hasil = db.jalankan(con, "padan_per_wilayah", lingkup="", kode=kode)
    ini, anak = hasil[hasil["wilayah_ini"]], hasil[~hasil["wilayah_ini"]]
    langsung = _langsung(con, kode, panjang)
    assert len(anak) == len(langsung) > 10
    got = anak.set_index("kode")[KOLOM].sort_index()
    assert (got.to_numpy() == langsung.to_numpy()).all() and list(got.index) == list(langsung.index)
    assert (anak["persen_padan"] == anak["individu_padan"] / anak["individu"]).all()
    assert (anak["persen_dtks"] == anak["keluarga_dtks"] / anak["keluarga"]).all()
    # some records are not matched anywhere (the demo plants them), so the rates say something
    assert 0.5 < anak["persen_padan"].min() < anak["persen_padan"].max() < 1
    assert 0.5 < anak["persen_dtks"].min() < 1
    # the region's own row comes first and is its children's sum
    assert list(hasil["wilayah_ini"]).index(True) == 0 and len(ini) == 1
    assert list(ini[KOLOM].iloc[0]) == list(langsung.sum())
    # ranked worst Dukcapil rate first
    assert anak["persen_padan"].is_monotonic_increasing


def test_padan_menurut_lingkup_dan_urutan(con):
    # an operator of one kecamatan sees that kecamatan only, not the kabupaten's total
    hasil = db.jalankan(con, "padan_per_wilayah", lingkup="33.15.01", kode=KAB)
    assert list(hasil["kode"]) == ["33.15.01"] and not hasil["wilayah_ini"].any()
    # the province: its kabupaten (one in the fixture)
    prov = db.jalankan(con, "padan_per_wilayah", lingkup="", kode="33")
    assert list(prov["kode"]) == ["33", KAB]
    semua = db.jalankan(con, "padan_per_wilayah", lingkup="", kode=KAB)
    for urut, kolom in (("dukcapil", "persen_padan"), ("dtks", "persen_dtks")):
        anak = kualitas.padan_urut(semua, urut)
        assert anak[kolom].is_monotonic_increasing and list(anak["no"]) == list(range(1, len(anak) + 1))
        assert not anak["wilayah_ini"].any()
    assert kualitas.tingkat_anak(KAB) == "kecamatan" and kualitas.tingkat_anak("33.15.01.2001") is None


def test_kualitas_menampilkan_padan_per_kecamatan(app_env, con):
    at = _app("pages/kualitas.py", wilayah=KAB)
    assert "Padan data per kecamatan" in [s.value for s in at.subheader]
    hasil = db.jalankan(con, "padan_per_wilayah", lingkup="", kode=KAB)
    tabel = [d.value for d in at.dataframe if "% padan" in d.value.columns][0]
    assert list(tabel.columns) == ["No.", "Kecamatan", "Individu", "Padan Dukcapil", "% padan", "Keluarga", "Di DTKS",
                                   "% di DTKS"]
    anak = hasil[~hasil["wilayah_ini"]].sort_values("persen_padan")
    assert list(tabel["Kecamatan"]) == list(anak["nama"]) and list(tabel["No."]) == list(range(1, len(anak) + 1))
    assert list(tabel["Padan Dukcapil"]) == list(anak["individu_padan"])
    assert list(tabel["% di DTKS"]) == list(anak["persen_dtks"])
    r = hasil[hasil["wilayah_ini"]].iloc[0]
    assert any(f"{fmt.angka(r['individu_padan'])} dari {fmt.angka(r['individu'])} individu padan Dukcapil "
               f"(**{fmt.persen(r['persen_padan'])}**)" in m.value for m in at.markdown)
    # ranked by the DTKS rate instead: the choice is in the URL
    at.radio(key="url_urut_padan").set_value("dtks").run()
    tabel = [d.value for d in at.dataframe if "% padan" in d.value.columns][0]
    assert tabel["% di DTKS"].is_monotonic_increasing
    assert at.query_params["urut_padan"] in ("dtks", ["dtks"])
    # per village when the region is a kecamatan
    at = _app("pages/kualitas.py", wilayah="33.15.01")
    assert "Padan data per desa/kelurahan" in [s.value for s in at.subheader]
    tabel = [d.value for d in at.dataframe if "% padan" in d.value.columns][0]
    desa = db.jalankan(con, "padan_per_wilayah", lingkup="", kode="33.15.01")
    assert list(tabel["Desa/kelurahan"]) == list(desa.loc[~desa["wilayah_ini"], "nama"])
    assert tabel["% padan"].is_monotonic_increasing
    # a village has no sub-regions: no section
    at = _app("pages/kualitas.py", wilayah="33.15.01.2001")
    assert not [s for s in at.subheader if s.value.startswith("Padan data")]


def test_ekspor_padan_tercatat_di_audit(app_env, con, monkeypatch):
    """The Excel export holds the table as shown (worst first) and the region's totals; the audit entry is written
    before the file is made. Deferred downloads are made on click: the page's callable is kept and called here."""
    import streamlit as st

    from pke import audit, operasional

    dibuat = {}
    asli = st.download_button

    def tombol(label, data, *args, **kwargs):
        dibuat[kwargs.get("key") or label] = (data, kwargs.get("file_name"))
        return asli(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", tombol)
    at = _app("pages/kualitas.py", sebagai="analis", wilayah=KAB, urut_padan="dtks")
    data, nama_berkas = dibuat["unduh_padan"]
    assert nama_berkas == "padan_3315.xlsx"
    toko = operasional.buka()
    sebelum = toko.execute("SELECT count(*) FROM audit WHERE aksi = ?", (audit.EKSPOR,)).fetchone()[0]
    wb = openpyxl.load_workbook(io.BytesIO(data()))
    entri = toko.execute("SELECT rincian FROM audit WHERE aksi = ? ORDER BY rowid DESC", (audit.EKSPOR,)).fetchall()
    assert len(entri) == sebelum + 1 and "padan_per_wilayah" in entri[0][0] and "dtks" in entri[0][0]
    hasil = db.jalankan(con, "padan_per_wilayah", lingkup="", kode=KAB)
    anak = kualitas.padan_urut(hasil, "dtks")
    lembar = wb["padan data"]
    baris = [[c.value for c in r] for r in lembar.iter_rows()]
    assert baris[0] == ["No.", "Kecamatan", "Individu", "Padan Dukcapil", "% padan", "Keluarga", "Di DTKS",
                        "% di DTKS"]
    assert [b[1] for b in baris[1:]] == list(anak["nama"]) and [b[6] for b in baris[1:]] == list(anak["keluarga_dtks"])
    assert [b[7] for b in baris[1:]] == pytest.approx(list(anak["persen_dtks"]))
    keterangan = dict((r[0].value, r[1].value) for r in wb["Keterangan"].iter_rows(min_row=2))
    r = hasil[hasil["wilayah_ini"]].iloc[0]
    assert keterangan["Individu"] == r["individu"] and keterangan["Di DTKS"] == r["keluarga_dtks"]
    assert keterangan["Wilayah"] == "Jawa Tengah › Kab. Grobogan"
    # a visitor of the demo: no export
    assert "unduh_padan" not in [b.proto.id.rsplit("-", 1)[-1] for b in _app("pages/kualitas.py", wilayah=KAB)
                                 .get("download_button")]


def test_padan_di_dinding(app_env, con):
    """On the wall the matching table is a slide (paged at twelve rows) with its own key message."""
    hasil = db.jalankan(con, "padan_per_wilayah", lingkup="", kode=KAB)
    anak = kualitas.padan_urut(hasil)
    at = _app("pages/kualitas.py", wilayah=KAB, presentasi="1", hal="2")
    assert not at.main.radio and not at.dataframe
    tabel = at.table[0].value
    assert len(tabel) == 10 and list(tabel.iloc[:, 1]) == list(anak["nama"].iloc[:10])  # 19 rows: 10 and 9
    assert any("Padan data per kecamatan" in m.value and "2/" in m.value for m in at.markdown)
    kalimat = pesan.padan(lambda n, **p: db.jalankan(con, n, lingkup="", **p), KAB, 2026, 4, "Kab. Grobogan")
    assert any(fmt.html_aman(kalimat) in m.value for m in at.markdown)
    r = hasil[hasil["wilayah_ini"]].iloc[0]
    assert kalimat.startswith(f"Kab. Grobogan: {fmt.persen(r['persen_padan'])} individu padan Dukcapil")
    assert f"padan Dukcapil terendah di {anak['nama'].iloc[0]}" in kalimat
