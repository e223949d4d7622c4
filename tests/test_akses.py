"""Who may see what: every role against every page, hostile URL values, region scope, the login form with lockout,
logout and timeouts, the demo accounts, a database that is not the demo, by-name access with a purpose and its
audit trail, and data values that try to be Markdown or HTML."""
from __future__ import annotations

import json
import re
import time

import pytest
from streamlit.testing.v1 import AppTest

from pke import akun, audit, demo_akun, gudang, operasional
from pke.config import ROOT
from pke.i18n import atur_bahasa
from tests.conftest import sesi_demo
from tests.test_app import _app
from ui import halaman

DITOLAK = "tidak berhak membuka halaman"
DEMO = {a["nama"]: a for a in demo_akun.DAFTAR}

# What each demo role may open (written out, not derived from pke.akun.HAK, so a change to the rights shows here).
AGREGAT = {"ringkasan", "peta", "sektor", "progres", "evaluasi", "desa", "kolaborasi", "kualitas", "laporan",
           "peringkat_desa", "register_desa_prioritas"}
BOLEH = {
    None: AGREGAT | {"tayangan", "masuk"},  # a visitor of the labelled demo database
    "pimpinan": AGREGAT | {"tayangan", "lapor_opd", "tindak_lanjut"},
    "analis": AGREGAT | {"tayangan", "keluarga", "lapor_opd", "tindak_lanjut"},
    "opd": AGREGAT | {"lapor_opd", "tindak_lanjut"},
    "operator": AGREGAT | {"keluarga"},
    "admin": AGREGAT | {"tayangan", "impor", "akun", "audit", "lapor_opd", "tindak_lanjut"},
}
# a region inside each role's scope, for the pages that show one
WILAYAH = {None: "33.15", "pimpinan": "33.15", "analis": "33.15", "opd": "33.15", "operator": "33.15.01",
           "admin": "33.15"}


def _pengguna(nama):
    if nama is None:
        return akun.ANONIM
    a = DEMO[nama]
    return akun.Pengguna(a["nama"], a["peran"], a["wilayah"], a["opd"], demo=True)


def _halaman_saja(h: halaman.Halaman, nama) -> AppTest:
    """The page file run as it would be if someone reached it without the navigation (a stale tab, a crafted
    page switch): the page's own check must refuse."""
    at = AppTest.from_file(str(ROOT / h.berkas), default_timeout=60)
    at.session_state["_pengguna"] = _pengguna(nama)
    at.run()
    return at


@pytest.mark.parametrize("nama", list(BOLEH), ids=lambda n: n or "tamu")
def test_peran_x_halaman(app_env, nama):
    for h in halaman.HALAMAN:
        if h.url == "masuk":
            continue
        if h.url in BOLEH[nama]:
            at = _app(h.berkas, sebagai=nama, wilayah=WILAYAH[nama])
            teks = " ".join(e.value for e in at.error)
            assert DITOLAK not in teks, (nama, h.url, teks)
            assert at.title, (nama, h.url)
        else:
            # not offered in the navigation...
            at = _app(sebagai=nama, wilayah=WILAYAH[nama])
            assert not [p for p in at.get("page_link") if h.berkas in str(p.proto)], (nama, h.url)
            # ...and refused by the page itself
            at = _halaman_saja(h, nama)
            assert any(DITOLAK in e.value for e in at.error), (nama, h.url)
            assert not at.dataframe and not at.metric and not at.get("download_button"), (nama, h.url)


def test_setiap_halaman_memeriksa_sendiri():
    """Every page's first statement after its docstring and imports asks ui.izinkan for its own registry entry."""
    import ast

    for h in halaman.HALAMAN:
        if h.url == "masuk":
            continue
        pohon = ast.parse((ROOT / h.berkas).read_text(encoding="utf-8"))
        badan = [n for n in pohon.body if not isinstance(n, (ast.Import, ast.ImportFrom))
                 and not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
        assert ast.unparse(badan[0]) == f"u = ui.izinkan('{h.url}')", (h.berkas, ast.unparse(badan[0]))


HOSTIL = [
    {"wilayah": "33.04"}, {"wilayah": "33"}, {"wilayah": "62.02"}, {"wilayah": "33.15.02.2001"},
    {"wilayah": "33.15'; DROP TABLE keluarga; --"}, {"wilayah": "<script>alert(1)</script>"}, {"wilayah": "²"},
    {"tahun": "²", "tw": "٣"}, {"tahun": "99999999999999999999", "tw": "-1"}, {"tahun": "abc", "tw": "9"},
    {"klaster": "<img src=x onerror=alert(1)>", "ukuran": "zzz", "masalah": "../../etc/passwd"},
    {"presentasi": "1", "tayang": "keluarga,impor,akun,audit", "detik": "2147484"},
    {"bahasa": "xx", "detik": "-5", "tayang": ",,,"},
]


@pytest.mark.parametrize("params", HOSTIL, ids=lambda p: "-".join(p))
def test_nilai_url_berbahaya(app_env, params):
    """The operator of Kec. Kedungjati against every page they may open: no traceback for any value, and a region
    outside their kecamatan shows a message and nothing else."""
    luar = "wilayah" in params and not params["wilayah"].startswith("33.15.01")
    if luar:  # the link's first page: a message, and nothing drawn
        at = _app(sebagai="operator", **params)
        assert any("di luar wilayah akses" in e.value or "tidak sah" in e.value for e in at.error), params
        assert not at.dataframe and not at.metric and not at.get("vega_lite_chart"), params
    for url in sorted(BOLEH["operator"]):
        at = _app(halaman.PER_URL[url].berkas, sebagai="operator", **params)
        assert not at.exception, (url, params, at.exception)
        # whatever the link said, the page shows the operator's kecamatan (or less), never another region
        kode = str(at.query_params["wilayah"]).strip("[]'")
        assert kode.startswith("33.15.01"), (url, params, kode)
        isi = " ".join(str(e.value) for e in (*at.markdown, *at.title, *at.caption))
        assert "Banjarnegara" not in isi and "Kotawaringin" not in isi, (url, params)


def test_operator_kecamatan_hanya_melihat_kecamatannya(app_env, con):
    at = _app("pages/keluarga.py", sebagai="operator", wilayah="33.15.01")
    assert at.sidebar.selectbox(key="w_kab").options == ["Kab. Grobogan"]  # fixed above the scope
    assert at.sidebar.selectbox(key="w_kec").options == ["Kedungjati"]
    desa = set(con.execute("SELECT nama FROM wilayah WHERE kode_induk = '33.15.01'").fetchnumpy()["nama"])
    assert set(at.dataframe[0].value["Desa"]) <= desa
    peta = _app("pages/peta.py", sebagai="operator", wilayah="33.15.01")
    data = json.loads(peta.get("deck_gl_json_chart")[0].proto.json)
    fitur = [f for lapis in data["layers"] for f in (lapis["data"]["features"] if isinstance(lapis["data"], dict)
                                                      else lapis["data"])]
    # every region drawn (a casing layer carries shapes only, no properties)
    kode = {f.get("kode") or (f.get("properties") or {}).get("kode") for f in fitur} - {None}
    assert kode and all(k.startswith("33.15.01") for k in kode), sorted(kode)[:5]
    # Profil Desa of the same kecamatan: its neighbours only, never another kecamatan's villages
    profil = _app("pages/profil_desa.py", sebagai="operator", wilayah="33.15.01.2001")
    banding = profil.dataframe[-1].value
    assert len(banding) == len(desa)
    # a kabupaten view of the same data is not theirs
    ringkas = _app(sebagai="operator", wilayah="33.15")
    assert any("di luar wilayah akses" in e.value for e in ringkas.error) and not ringkas.metric


def _masuk(at: AppTest, nama: str, sandi: str) -> AppTest:
    at.text_input(key="masuk_nama").input(nama)
    at.text_input(key="masuk_sandi").input(sandi)
    return at.button[0].click().run() if not at.get("form_submit_button") else \
        at.get("form_submit_button")[0].click().run()


def _buka_masuk() -> AppTest:
    atur_bahasa("id")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/masuk.py").run()
    return at


def test_form_masuk_dan_akun_demo(app_env):
    at = _buka_masuk()
    assert at.title[0].value == "Masuk ke Dasbor PKE"
    assert [t.label for t in at.main.text_input] == ["Nama pengguna", "Kata sandi"]  # the sidebar has the village search
    assert at.get("form_submit_button")[0].label == "Masuk"
    daftar = at.dataframe[0].value
    assert list(daftar["Nama pengguna"]) == ["pimpinan", "analis", "opd", "operator", "admin"]
    assert list(daftar["Peran"]) == ["Pimpinan", "Analis Bappeda", "OPD", "Operator wilayah", "Administrator"]
    assert list(daftar["Kata sandi"]) == [a["sandi"] for a in demo_akun.DAFTAR]
    _masuk(at, "operator", DEMO["operator"]["sandi"])
    assert not at.exception
    assert any("**operator** · Operator wilayah" in m.value for m in at.sidebar.markdown)
    assert at.title[0].value == "Ringkasan"  # the start page once signed in
    con = operasional.buka()
    assert [e["aksi"] for e in audit.daftar(con)][:1] == ["masuk"]
    at.switch_page("pages/keluarga.py").run()  # now in the navigation, and the list opens
    assert at.title[0].value == "Daftar keluarga" and at.dataframe


def test_salah_sandi_mengunci_akun_dan_tercatat(app_env):
    at = _buka_masuk()
    for _ in range(8):
        _masuk(at, "operator", "bukan-sandinya")
        assert any(e.value == akun.PESAN_GAGAL for e in at.error)
    _masuk(at, "operator", DEMO["operator"]["sandi"])  # the right password, but the account is locked now
    assert any(e.value == akun.PESAN_GAGAL for e in at.error)
    assert at.title[0].value == "Masuk ke Dasbor PKE"
    # an unknown name gets the very same message
    _masuk(at, "tidak-ada-orangnya", "apa saja sandinya")
    assert any(e.value == akun.PESAN_GAGAL for e in at.error)
    con = operasional.buka()
    gagal = audit.daftar(con, pengguna="operator", aksi=audit.MASUK_GAGAL)
    assert len(gagal) == 9
    assert [g["rincian"]["alasan"] for g in gagal].count("terkunci") == 4  # attempts 6, 7, 8 and the right one
    assert all("bukan-sandinya" not in json.dumps(g) for g in gagal)
    assert akun.terkunci(con, "operator")
    assert akun.masuk(con, "operator", DEMO["operator"]["sandi"], sekarang=time.time() + 16 * 60) is not None


def test_keluar_dan_batas_waktu_sesi(app_env):
    at = _app("pages/keluarga.py", sebagai="analis", wilayah="33.15")
    token = at.session_state["_token"]
    assert at.dataframe  # signed in
    [b for b in at.sidebar.button if b.label == "Keluar"][0].click().run()
    con = operasional.buka()
    assert akun.cek_sesi(con, token) is None
    # the old token in another tab opens nothing any more: a visitor again, without the by-name list
    lagi = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    lagi.session_state["_token"] = token
    lagi.run()
    assert not any("**analis**" in m.value for m in lagi.sidebar.markdown)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        lagi.switch_page("pages/keluarga.py")
    # idle for 31 minutes: the session has ended
    token = sesi_demo("analis")
    con.execute("UPDATE sesi SET terakhir = terakhir - 31 * 60, dibuat = dibuat - 31 * 60")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["_token"] = token
    at.session_state["_masuk"] = True
    at.run()
    assert not any("**analis**" in m.value for m in at.sidebar.markdown)
    assert at.title[0].value == "Masuk ke Dasbor PKE"  # a visitor's start page, saying why
    assert any("Sesi berakhir" in i.value for i in at.info)


def test_basis_data_sungguhan_tertutup_tanpa_masuk(db_diubah, monkeypatch):
    db_diubah("UPDATE meta SET nilai = 'tidak' WHERE kunci = 'demo'")
    atur_bahasa("id")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["wilayah"] = "33.15"
    at.run()
    assert at.title[0].value == "Masuk ke Dasbor PKE"  # the only page
    assert not at.metric and not at.dataframe and not any("Akun demo" in s.value for s in at.subheader)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/ringkasan.py")
    # demo accounts (their passwords are public) do not open a real database
    con = operasional.buka()
    demo_akun.pastikan(con)
    _masuk(at, "admin", DEMO["admin"]["sandi"])
    assert any(e.value == akun.PESAN_GAGAL for e in at.error)
    # a real administrator does; and may make aggregate views public
    akun.tambah(con, "kepala.data", "sandi-yang-panjang-1", "admin", "nasional")
    _masuk(at, "kepala.data", "sandi-yang-panjang-1")
    assert at.title[0].value == "Ringkasan" and at.metric
    operasional.atur_pengaturan(con, "agregat_publik", "1", oleh="kepala.data")
    tamu = _app(wilayah="33.15")
    assert tamu.title[0].value == "Ringkasan" and tamu.metric


def test_nama_lengkap_perlu_tujuan_dan_tercatat(app_env):
    at = _app("pages/keluarga.py", sebagai="operator", wilayah="33.15.01")
    con = operasional.buka()
    lihat = audit.daftar(con, pengguna="operator", aksi=audit.LIHAT_NAMA)
    assert len(lihat) == 1 and lihat[0]["lingkup"] == "33.15.01" and lihat[0]["rincian"]["baris"] > 0
    at.toggle[0].set_value(True).run()
    assert not audit.daftar(con, aksi=audit.BUKA_NAMA)  # no purpose yet, nothing unmasked, nothing logged
    at.selectbox(key="keluarga_tujuan").set_value("penyaluran").run()
    buka = audit.daftar(con, pengguna="operator", aksi=audit.BUKA_NAMA)
    assert len(buka) == 1 and buka[0]["rincian"]["tujuan"] == "penyaluran"
    # a NIK typed into the search is logged masked
    nik = at.dataframe[0].value["NIK"].iloc[0]
    at.text_input[0].input(nik).run()
    assert at.dataframe[0].value["NIK"].iloc[0] == nik
    isi = con.execute("SELECT group_concat(rincian) FROM audit").fetchone()[0]
    assert nik not in isi and not re.search(r"\d{16}", isi)
    ok, _, n = audit.periksa(con)
    assert ok and n >= 4


def test_analis_tidak_dapat_membuka_nama_lengkap(app_env):
    at = _app("pages/keluarga.py", sebagai="analis", wilayah="33.15")
    assert not at.toggle  # masked lists only
    assert not at.get("download_button")  # by-name exports are another right
    assert at.dataframe[0].value["NIK"].str.fullmatch(r"\d{4}\*{8}\d{4}").all()


def test_log_audit_tak_tertulis_menolak_data_nama(app_env, monkeypatch):
    def gagal(*a, **k):
        raise audit.AuditError("disk penuh")

    token = sesi_demo("operator")
    monkeypatch.setattr(audit, "catat", gagal)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["wilayah"] = "33.15.01"
    at.session_state["_token"] = token
    at.run()
    at.switch_page("pages/keluarga.py").run()
    assert any("Log audit tidak dapat ditulis" in e.value for e in at.error)
    assert not at.dataframe


def test_halaman_admin(app_env):
    at = _app("pages/akun.py", sebagai="admin")
    assert at.title[0].value == "Akun pengguna"
    assert set(at.dataframe[0].value["Nama pengguna"]) == set(DEMO)
    at = _app("pages/audit.py", sebagai="admin")
    at.button[0].click().run()
    assert any("Rantai audit utuh" in s.value for s in at.success)


def test_admin_wilayah_hanya_membuat_akun_di_wilayahnya(app_env):
    con = operasional.buka()
    akun.tambah(con, "admin.grobogan", "sandi-yang-panjang-2", "admin", "33.15")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["_token"] = akun.buat_sesi(con, "admin.grobogan")
    at.run()
    at.switch_page("pages/akun.py").run()
    at.text_input[0].input("operator.banjar")
    at.text_input[1].input("33.04")
    at.text_input[4].input("sandi-yang-panjang-3")
    at.get("form_submit_button")[0].click().run()
    assert any("di dalam wilayah kerja Anda" in e.value for e in at.error)
    assert akun.ambil(con, "operator.banjar") is None
    at.text_input[0].input("operator.banjar")  # the form was cleared after the refused attempt
    at.text_input[1].input("33.15.02")
    at.text_input[4].input("sandi-yang-panjang-3")
    at.get("form_submit_button")[0].click().run()
    assert akun.ambil(con, "operator.banjar").wilayah == "33.15.02"
    assert audit.daftar(con, aksi=audit.AKUN_TAMBAH)[0]["pengguna"] == "admin.grobogan"


JAHAT = "<img src=x onerror=alert(1)> ![x](http://evil.example/x.png) [klik](javascript:alert(1)) :red[merah]"


def test_nilai_data_tidak_menjadi_markdown_atau_html(db_diubah):
    db_diubah(f"UPDATE wilayah SET nama = '{JAHAT}' WHERE kode = '33.15.01.2001';"
              f"UPDATE desa_prioritas SET opd_pendamping = '{JAHAT}', dasar_penetapan = '{JAHAT}' "
              "WHERE kode = '33.15.01.2001'")
    at = _app("pages/profil_desa.py", wilayah="33.15.01.2001")
    assert not at.exception
    teks = [e.value for e in (*at.title, *at.markdown, *at.success, *at.caption, *at.subheader)]
    gabung = "\n".join(teks)
    assert "evil.example" in gabung  # the value is shown...
    for mentah in ("![x](", "[klik](", ":red["):  # ...but never as Markdown or HTML
        assert mentah not in gabung, mentah
    assert not re.search(r"(?<!\\)<img", gabung)
    assert "\\!\\[x\\]" in gabung and "\\<img" in gabung
    peta = _app("pages/peta.py", wilayah="33.15.01")
    proto = peta.get("deck_gl_json_chart")[0].proto
    tooltip = json.loads(proto.tooltip or json.loads(proto.json).get("tooltip", "{}"))
    assert "html" not in tooltip and "text" in tooltip  # deck.gl puts "html" into innerHTML


def test_injeksi_lewat_berkas_impor_ke_halaman_dan_ekspor(fixture_db, tmp_path, monkeypatch):
    """Hostile text arriving the way real data does — in an imported P3KE file and an SK lokus file — is shown as
    text on the pages and written as text (never a formula) in the verval sheet."""
    import datetime as dt
    import io
    import shutil

    import openpyxl
    import pandas as pd

    from pke import db, ekspor, impor
    from tests.test_impor import baris, csv_bytes

    salinan = tmp_path / "pke.duckdb"
    gudang.salin(fixture_db, salinan)
    rumus = ['=HYPERLINK("http://evil.example","klik")', "+1+1", "-2+3", "@SUM(A1)"]
    rows = [baris(i + 1, kepala_keluarga=r, alamat=JAHAT if i == 0 else r) for i, r in enumerate(rumus)]
    hasil = impor.impor_berkas("keluarga", salinan, csv_bytes(rows), "jahat.csv", "uji", dt.date(2026, 11, 25))
    assert len(hasil.diterima) == 4, hasil.ditolak
    sk = pd.DataFrame([{"kode_kemendagri": "33.15.01.2001", "tahun": 2026, "dasar_penetapan": JAHAT,
                        "opd_pendamping": JAHAT}]).to_csv(index=False).encode()
    impor.impor_berkas("desa_prioritas", salinan, sk, "sk.csv", "uji", dt.date(2026, 11, 25))
    monkeypatch.setenv("PKE_DB", str(salinan))
    # imported data is real data: the demo accounts (public passwords) and visitors no longer open this database
    demo = _app(sebagai="operator", wilayah="33.15.01")
    assert demo.title[0].value == "Masuk ke Dasbor PKE"
    assert not any("**operator**" in m.value for m in demo.sidebar.markdown)
    toko = operasional.buka()
    akun.tambah(toko, "op.kedungjati", "sandi-yang-panjang-4", "wilayah", "33.15.01")

    def buka(berkas, **qp):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for k, v in qp.items():
            at.query_params[k] = v
        at.session_state["_token"] = akun.buat_sesi(toko, "op.kedungjati")
        at.run()
        at.switch_page(berkas).run()
        assert not at.exception, at.exception
        return at

    at = buka("pages/profil_desa.py", wilayah="33.15.01.2001")
    assert any("Sebagian DATA DEMO" in c.value for c in at.caption)
    gabung = "\n".join(e.value for e in (*at.title, *at.markdown, *at.success, *at.caption, *at.info))
    assert "evil.example" in gabung and "![x](" not in gabung and "[klik](" not in gabung
    assert not re.search(r"(?<!\\)<img", gabung)
    # presentation mode draws tables with st.table, which renders Markdown: cells are escaped too
    # on the wall: the first slide's status box, key message and header (HTML, entities) stay text
    dinding = buka("pages/profil_desa.py", wilayah="33.15.01.2001", presentasi="1")
    teks = "\n".join(e.value for e in (*dinding.markdown, *dinding.success))
    assert "evil.example" in teks and "![x](" not in teks and "[klik](" not in teks
    assert not re.search(r"(?<!\\)<img", teks)
    # a slide with a table (the village's gaps; its kecamatan's villages)
    for hal in ("2", "akhir"):
        dinding = buka("pages/profil_desa.py", wilayah="33.15.01.2001", presentasi="1", hal=hal)
        sel = [str(v) for tb in dinding.table for v in tb.value.to_numpy().ravel()]
        assert sel and not any("![x](" in v or re.search(r"(?<!\\)<img", v) for v in sel)
    daftar = buka("pages/keluarga.py", wilayah="33.15.01")
    assert daftar.title[0].value == "Daftar keluarga" and len(daftar.dataframe[0].value) >= 4
    con = db.buka(salinan)
    ids = [r["id_keluarga_p3ke"] for r in rows]
    lembar = ekspor.lembar_verval(db.jalankan(con, "verval_keluarga", ids=ids, lingkup="33.15.01"), ids,
                                  tampilkan_data_pribadi=True, penanda="Diekspor oleh operator")
    con.close()
    wb = openpyxl.load_workbook(io.BytesIO(lembar))
    sel = [c for baris_ in wb["verval"].iter_rows() for c in baris_]
    assert not [c.coordinate for c in sel if c.data_type == "f"]
    assert set(rumus) <= {c.value for c in sel}
    assert wb["keterangan"]["A2"].value == "Diekspor oleh operator"


def test_berkas_data_hanya_untuk_pemiliknya(fixture_db, tmp_path):
    """Databases (built and swapped in by pke.tulis) and the operational store are readable by their owner only."""
    assert fixture_db.stat().st_mode & 0o077 == 0, oct(fixture_db.stat().st_mode)
    con = operasional.buka(tmp_path / "toko.sqlite")
    audit.catat(con, "uji", audit.PENGATURAN)
    assert (tmp_path / "toko.sqlite").stat().st_mode & 0o077 == 0


def test_unggahan_diperiksa_sekali(fixture_db, tmp_path, monkeypatch):
    """An uploaded file is checked once — in a separate process in the app, counted here — not on every rerun."""
    import shutil

    from pke import impor, unggah
    from tests.test_impor import baris, csv_bytes

    salinan = tmp_path / "pke.duckdb"
    gudang.salin(fixture_db, salinan)
    monkeypatch.setenv("PKE_DB", str(salinan))
    panggilan = []

    def periksa_dihitung(jenis, db_path, isi, nama_file, batas_detik, batas_memori, lingkup, ganti=False):
        panggilan.append(nama_file)  # the child process's work, done in-process here
        return impor.periksa(jenis, db_path, isi, nama_file, lingkup, ganti_kabupaten=ganti)

    monkeypatch.setattr(unggah, "_jalankan", periksa_dihitung)
    at = _app("pages/impor.py", sebagai="admin")
    at.get("file_uploader")[0].upload("desa.csv", csv_bytes([baris(1), baris(2)]), "text/csv").run()
    assert {m.label: m.value for m in at.metric}["Baris diterima"] == "2"
    at.date_input[0].set_value(at.date_input[0].value).run()  # any widget: a rerun
    at.radio[0].set_value("keluarga").run()
    assert panggilan == ["desa.csv"]
    # a workbook carrying macros under an .xlsx name never reaches the parser
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/vbaProject.bin", b"\x00" * 64)
    at.get("file_uploader")[0].upload("makro.xlsx", buf.getvalue(), "application/octet-stream").run()
    assert any("makro" in e.value for e in at.error), [e.value for e in at.error]
    assert panggilan == ["desa.csv"]


def test_impor_hanya_di_wilayah_kerja(fixture_db, tmp_path, monkeypatch):
    """An administrator of Kab. Grobogan importing a file that also holds Banjarnegara rows and a target for
    another kabupaten: those rows are refused with the reason, the rest is accepted."""
    import shutil

    import pandas as pd

    from pke import impor
    from tests.test_impor import baris, csv_bytes

    salinan = tmp_path / "pke.duckdb"
    gudang.salin(fixture_db, salinan)
    rows = [baris(1), baris(2, kode_kemdagri="33.04.01.2001"), baris(3)]
    hasil = impor.periksa("keluarga", salinan, csv_bytes(rows), "campur.csv", lingkup="33.15")
    assert len(hasil.diterima) == 2 and hasil.baris_ditolak == 1
    tolak = hasil.ditolak.iloc[0]
    assert tolak["baris"] == 3 and tolak["alasan"] == "di luar wilayah kerja Anda (33.15)"
    target = pd.DataFrame({"kode_wilayah": ["33.15", "33.04"], "klaster": ["air", "air"], "tahun": [2027, 2027],
                           "triwulan": [1, 1], "target_keluarga": [10, 20]}).to_csv(index=False).encode()
    hasil = impor.periksa("target", salinan, target, "target.csv", lingkup="33.15")
    assert list(hasil.diterima["kode_wilayah"]) == ["33.15"] and hasil.baris_ditolak == 1
    # on the page, as an administrator of the kabupaten, through the separate process
    con = operasional.buka()
    akun.tambah(con, "admin.grobogan", "sandi-yang-panjang-5", "admin", "33.15")
    monkeypatch.setenv("PKE_DB", str(salinan))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.session_state["_token"] = akun.buat_sesi(con, "admin.grobogan")
    at.run()
    at.switch_page("pages/impor.py").run()
    at.get("file_uploader")[0].upload("campur.csv", csv_bytes(rows), "text/csv").run()
    assert {m.label: m.value for m in at.metric} == {"Baris diterima": "2", "Baris ditolak": "1"}, (
        [e.value for e in at.error], at.exception, [x.value for x in at.title])
    assert "di luar wilayah kerja Anda (33.15)" in set(at.dataframe[0].value["Alasan"])


def test_akun_tanpa_wilayah_tidak_melihat_apa_pun(app_env):
    """An account whose region was emptied (by hand in the store, say) sees nothing, whatever its role."""
    con = operasional.buka()
    akun.tambah(con, "tanpa.wilayah", "sandi-yang-panjang-6", "analis", "33.15")
    con.execute("UPDATE akun SET wilayah = '' WHERE nama = 'tanpa.wilayah'")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["wilayah"] = "33.15"
    at.session_state["_token"] = akun.buat_sesi(con, "tanpa.wilayah")
    at.run()
    assert any("belum memiliki wilayah kerja" in e.value for e in at.error)
    assert not at.metric and not at.dataframe and not at.get("vega_lite_chart")
