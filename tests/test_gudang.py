"""The partitioned storage (pke.gudang): imports cost what they change, undo is exact, a killed writer leaves the
data as before or as after, concurrent writers queue, readers never fail or see half a write."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pke import db as pke_db
from pke import gudang, impor, progres, turunan
from pke.config import ROOT
from tests.test_impor import SNAP, baris, csv_bytes, sidik_data

DESA = "33.15.01.2001"


@pytest.fixture()
def db(fixture_db, tmp_path):
    return gudang.salin(fixture_db, tmp_path / "pke.duckdb")


def _satu(path, sql, **params):
    c = pke_db.buka(path)
    try:
        return c.execute(sql, params).fetchone()[0]
    finally:
        c.close()


def _aktif(path, desa=None):
    if desa is None:
        return _satu(path, "SELECT count(*) FROM keluarga_aktif")
    return _satu(path, "SELECT count(*) FROM keluarga_aktif WHERE kode_kemendagri = $d", d=desa)


def test_impor_hanya_menyentuh_kabupatennya(db):
    """An import writes a new version of its own kabupaten only; every other file stays as it was."""
    sebelum = {p: p.stat().st_mtime_ns for p in gudang.folder(db).rglob("*.parquet")}
    lain = ("SELECT md5(string_agg(k::VARCHAR, '|' ORDER BY k.id_keluarga_p3ke)) FROM keluarga_aktif k "
            "WHERE kode_kemendagri <> $d")
    lain_sebelum = _satu(db, lain, d=DESA)
    impor.impor_keluarga(db, csv_bytes([baris(1)]), "satu.csv", "Budi", SNAP)
    assert _satu(db, lain, d=DESA) == lain_sebelum  # every other village's households, column for column
    sesudah = {p: p.stat().st_mtime_ns for p in gudang.folder(db).rglob("*.parquet")}
    assert all(sesudah[p] == t for p, t in sebelum.items())  # nothing rewritten in place
    baru = sorted({p.parent.relative_to(gudang.folder(db)).as_posix() for p in sesudah.keys() - sebelum.keys()})
    assert baru == ["33.15/000002"]


def test_ganti_seluruh_kabupaten_perlu_konfirmasi(db):
    total, n_desa = _aktif(db), _aktif(db, DESA)
    isi = csv_bytes([baris(1), baris(2)])
    cek = impor.periksa("keluarga", db, isi, "ganti.csv", ganti_kabupaten=True)
    assert cek.hilang == total - n_desa
    assert any("akan hilang" in c for c in cek.catatan)
    with pytest.raises(impor.ImporError, match="menghilangkan .* keluarga"):
        impor.impor_berkas("keluarga", db, isi, "ganti.csv", "Budi", SNAP, ganti_kabupaten=True)
    assert _aktif(db) == total  # nothing written
    impor.impor_berkas("keluarga", db, isi, "ganti.csv", "Budi", SNAP, ganti_kabupaten=True, konfirmasi=True)
    assert _aktif(db) == 2
    # the default replaces only the villages in the file
    impor.batalkan_impor(db, 1, "Budi")
    assert _aktif(db) == total
    impor.impor_berkas("keluarga", db, isi, "desa.csv", "Budi", SNAP)
    assert _aktif(db) == total - n_desa + 2 and _aktif(db, DESA) == 2


def test_batal_mengembalikan_baris_yang_ditimpa(db):
    """A file at the same snapshot date overwrites stored households; undo brings every table back exactly
    (content checksums of households, members, derived tables, targets, priority villages, aggregates)."""
    awal = sidik_data(db)
    ada = pke_db.buka(db).execute("SELECT id_keluarga_p3ke, nik FROM keluarga_aktif WHERE kode_kemendagri = $d "
                                  "ORDER BY 1 LIMIT 2", {"d": DESA}).fetchall()
    rows = [baris(i + 1, id_keluarga_p3ke=idk, nik=nik, kepala_keluarga="Nama Baru") for i, (idk, nik) in enumerate(ada)]
    impor.impor_keluarga(db, csv_bytes(rows), "timpa.csv", "Budi", dt_snapshot_demo())
    assert _satu(db, "SELECT count(*) FROM keluarga WHERE kepala_keluarga = 'Nama Baru'") == 2
    assert sidik_data(db) != awal
    impor.batalkan_impor(db, 1, "Budi")
    assert sidik_data(db) == awal
    # the undo is recorded
    assert _satu(db, "SELECT dibatalkan_oleh FROM impor WHERE id = 1") == "Budi"


def dt_snapshot_demo():
    from pke.demo import SNAPSHOT

    return SNAPSHOT


def test_turunan_deterministik(db):
    """Deriving a kabupaten again from its stored rows gives the very same bytes."""
    versi = _satu(db, "SELECT versi FROM partisi WHERE kab = '33.15'")
    kerja = db.with_name("ulang.duckdb")
    gudang.salin(db, kerja)
    cat = duckdb.connect(str(kerja))
    with gudang.kerja_kab(cat):
        gudang.muat_kab(cat, kerja, "33.15", versi)
        turunan.bangun_kab(cat)
        baru = gudang.simpan_kab(cat, kerja, "33.15")
    cat.close()
    lama_dir = gudang.folder(kerja) / "33.15" / versi
    baru_dir = gudang.folder(kerja) / "33.15" / baru
    assert baru != versi
    for p in sorted(lama_dir.iterdir()):
        assert hashlib.sha256(p.read_bytes()).digest() == hashlib.sha256((baru_dir / p.name).read_bytes()).digest(), p.name


def _cli_impor(db, berkas, snapshot="2025-06-30"):
    return subprocess.Popen([sys.executable, "-m", "pke", "impor", str(berkas), "--db", str(db), "--pengguna", "Budi",
                             "--snapshot", snapshot], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.parametrize("jeda", [0.8, 2.0])
def test_proses_dibunuh_data_sebelum_atau_sesudah(fixture_db, tmp_path, jeda):
    """Kill an import at several points: the data is exactly as before or exactly as after, and the next write
    works."""
    berkas = tmp_path / "besar.csv"
    berkas.write_bytes(csv_bytes([baris(i) for i in range(1, 5001)]))
    acuan = gudang.salin(fixture_db, tmp_path / "acuan" / "pke.duckdb")
    assert _cli_impor(acuan, berkas).wait() == 0
    sesudah = sidik_data(acuan)
    db = gudang.salin(fixture_db, tmp_path / "uji" / "pke.duckdb")
    sebelum = sidik_data(db)
    p = _cli_impor(db, berkas)
    time.sleep(jeda)
    p.send_signal(signal.SIGKILL)
    p.wait()
    assert sidik_data(db) in (sebelum, sesudah)
    hasil = impor.impor_keluarga(db, csv_bytes([baris(9001)]), "kecil.csv", "Budi", SNAP)
    assert hasil.id_impor in (1, 2)


def test_dua_impor_bersamaan(db, tmp_path):
    """Two imports started at once queue on the writer lock: both land, neither is lost."""
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_bytes(csv_bytes([baris(1)]))
    b.write_bytes(csv_bytes([baris(2, kode_kemdagri="33.15.01.2002", id_keluarga_p3ke="P331501200200002",
                                   nik="3315014107899902")]))
    proses = [_cli_impor(db, a), _cli_impor(db, b)]
    assert [p.wait() for p in proses] == [0, 0], [p.stderr.read().decode()[-500:] for p in proses]
    c = pke_db.buka(db)
    assert c.execute("SELECT count(*) FROM impor").fetchone()[0] == 2
    assert c.execute("SELECT count(*) FROM keluarga_aktif WHERE kode_kemendagri IN ('33.15.01.2001', '33.15.01.2002') "
                     "AND snapshot = DATE '2025-06-30'").fetchone()[0] == 2
    c.close()


def test_folder_salinan_berdiri_sendiri(db, tmp_path):
    """A copied folder is a working backup: once re-pointed it reads its own partitions, even with the original
    gone."""
    import shutil

    tujuan = tmp_path / "cadangan"
    tujuan.mkdir()
    shutil.copyfile(db, tujuan / "pke.duckdb")
    shutil.copytree(gudang.folder(db), gudang.folder(tujuan / "pke.duckdb"))
    total = _aktif(db)
    shutil.rmtree(gudang.folder(db))
    assert gudang.sesuaikan_folder(tujuan / "pke.duckdb")
    assert _aktif(tujuan / "pke.duckdb") == total
    assert not gudang.sesuaikan_folder(tujuan / "pke.duckdb")  # already its own


PENULIS = """
import sys
import time
import pandas as pd
from pke import impor, progres
from tests.test_impor import SNAP, baris, csv_bytes
db = sys.argv[1]
impor.impor_keluarga(db, csv_bytes([baris(i) for i in range(1, 201)]), "desa.csv", "Budi", SNAP)
time.sleep(1.5)  # long enough for the readers to see the import before it is undone
impor.batalkan_impor(db, 1, "Budi")
tabel = pd.DataFrame({"klaster": ["air"], "triwulan": [1], "target_keluarga": [0]})
for i in range(100):
    progres.simpan_target(db, "33.15", 2027, tabel.assign(target_keluarga=[i]), "Budi")
"""


def test_pembaca_tidak_pernah_gagal_saat_penulisan(db, toko_sendiri):
    """20 readers on the dashboard's own read path (pke.db.Pembaca) while an import, an undo and a burst of 100
    target edits run: no error, and no read mixes two versions (each read checks two tables against each other)."""
    pembaca = pke_db.Pembaca(db)
    berhenti = threading.Event()
    galat: list[str] = []
    jumlah = [0]
    campur = [0]
    dilihat: set[int] = set()

    def baca():
        while not berhenti.is_set():
            try:
                cur = pembaca.kursor()
                try:
                    kel, ringkas = cur.execute(
                        "SELECT (SELECT count(*) FROM keluarga_aktif), "
                        "(SELECT sum(n_keluarga) FROM ringkas_keluarga WHERE kode = '33.15')").fetchone()
                    pke_db.jalankan(cur, "target_wilayah", kode="33.15", tahun=2027, lingkup="")
                finally:
                    cur.close()
                if kel != ringkas:
                    campur[0] += 1
                jumlah[0] += 1
                dilihat.add(kel)
            except Exception as e:  # noqa: BLE001 - any failure is what this test counts
                galat.append(repr(e))

    benang = [threading.Thread(target=baca) for _ in range(20)]
    for b in benang:
        b.start()
    try:  # the writer is another process, as the CLI or a second server would be
        penulis = subprocess.run([sys.executable, "-c", PENULIS, str(db)], cwd=ROOT, capture_output=True, text=True,
                                 env=dict(os.environ, PKE_STORE=str(toko_sendiri)), timeout=300)
        assert penulis.returncode == 0, penulis.stderr[-2000:]
        time.sleep(0.3)
    finally:
        berhenti.set()
        for b in benang:
            b.join()
    assert galat == [] and campur[0] == 0
    assert jumlah[0] > 100 and len(dilihat) >= 2  # the readers did see the import land (and go)


@pytest.mark.parametrize("jeda", [0.5, 1.2])
def test_batal_dibunuh_data_sebelum_atau_sesudah(db, tmp_path, jeda):
    """Kill an undo midway: the import is either still there or undone exactly, and the next start works."""
    berkas = tmp_path / "a.csv"
    berkas.write_bytes(csv_bytes([baris(i) for i in range(1, 2001)]))
    sebelum_impor = sidik_data(db)
    assert _cli_impor(db, berkas).wait() == 0
    sesudah_impor = sidik_data(db)
    p = subprocess.Popen([sys.executable, "-m", "pke", "batal-impor", "1", "--db", str(db), "--pengguna", "Budi"],
                         cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(jeda)
    p.send_signal(signal.SIGKILL)
    p.wait()
    assert sidik_data(db) in (sesudah_impor, sebelum_impor)
    if sidik_data(db) == sesudah_impor:
        impor.batalkan_impor(db, 1, "Budi")
    assert sidik_data(db) == sebelum_impor


LAPOR_TERUS = """
import sys
from pke import akun, lapor, operasional
con = operasional.buka(sys.argv[1])
opd = akun.Pengguna("opd.uji", "opd", "33.15", opd="Dinsos")
analis = akun.Pengguna("analis.uji", "analis", "33.15")
i = 0
while True:
    i += 1
    id_ = lapor.buat_draf(con, opd, "33.15.01.2001", "air", 2030 + i // 4, 1 + i % 4, i)
    lapor.ajukan(con, opd, id_)
    lapor.setujui(con, analis, id_)
    print(i, flush=True)
"""


def test_laporan_dibunuh_tidak_setengah(tmp_path):
    """Kill a process in the middle of a stream of report writes: every report in the store has exactly the audit
    entries of the steps it went through, and the audit chain is intact."""
    from pke import audit, operasional

    toko = tmp_path / "ops.sqlite"
    p = subprocess.Popen([sys.executable, "-c", LAPOR_TERUS, str(toko)], cwd=ROOT, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    p.stdout.readline()
    time.sleep(1.0)
    p.send_signal(signal.SIGKILL)
    p.wait()
    con = operasional.buka(toko)
    laporan = con.execute("SELECT id, status FROM laporan_opd").fetchall()
    assert len(laporan) > 1
    langkah = {}
    for aksi, rincian in con.execute("SELECT aksi, rincian FROM audit WHERE aksi LIKE 'lapor_%'").fetchall():
        import json
        langkah.setdefault(json.loads(rincian)["id"], []).append(aksi)
    harap = {"draf": [audit.LAPOR_BUAT], "diajukan": [audit.LAPOR_BUAT, audit.LAPOR_AJUKAN],
             "disetujui": [audit.LAPOR_BUAT, audit.LAPOR_AJUKAN, audit.LAPOR_SETUJUI]}
    assert all(langkah[id_] == harap[status] for id_, status in laporan)
    assert audit.periksa(con)[0]
    con.close()


def test_demo_membangun_instalasi_lengkap(tmp_path, monkeypatch):
    """`python -m pke demo --db DIR/x.duckdb` builds everything the database needs beside it: catalog, partitions,
    operational store; a plain DuckDB connection answers the tables scripts use."""
    monkeypatch.delenv("PKE_STORE", raising=False)
    tujuan = tmp_path / "kantor" / "x.duckdb"
    p = subprocess.run([sys.executable, "-m", "pke", "demo", "--db", str(tujuan), "--kabupaten", "33.15",
                        "--tanpa-batas", "--sampai", "2026-11-23", "--skala", "0.05"], cwd=ROOT, capture_output=True, text=True,
                       env={k: v for k, v in os.environ.items() if k != "PKE_STORE"})
    assert p.returncode == 0, p.stderr[-1000:]
    assert sorted(x.name for x in tujuan.parent.iterdir() if not x.name.endswith(".lock")) == [
        "x.duckdb", "x.operasional.sqlite", "x.partisi"]
    c = duckdb.connect(str(tujuan), read_only=True)
    assert c.execute("SELECT count(*) FROM keluarga_aktif").fetchone()[0] > 5_000
    assert c.execute("SELECT count(*) FROM impor").fetchone()[0] == 0
    c.close()
    # the meeting's opening slide has last rakor's decisions for Grobogan (one done, one late, one running)
    from pke import operasional, tindak_lanjut

    toko = operasional.buka(tujuan.parent / "x.operasional.sqlite")
    keputusan = tindak_lanjut.daftar(toko, "33.15", "")
    toko.close()
    assert sorted(keputusan["status"]) == ["berjalan", "selesai", "terlambat"]


def test_versi_lama_disimpan_sejam_setelah_tak_terpakai(db):
    """An undone import's version is kept an hour after it was let go (readers on the previous catalog may still
    read it), then removed; the versions an undo could need are never removed."""
    impor.impor_keluarga(db, csv_bytes([baris(1)]), "satu.csv", "Budi", SNAP)
    impor.batalkan_impor(db, 1, "Budi")
    versi_impor = gudang.folder(db) / "33.15" / "000002"
    assert versi_impor.exists()  # unreferenced now, but just let go
    os.utime(versi_impor, (0, 0))  # an old directory: its age is not what counts
    assert gudang.bersihkan(db) == 0 and versi_impor.exists()
    assert gudang.bersihkan(db, semua=True) == 1 and not versi_impor.exists()
    assert (gudang.folder(db) / "33.15" / "000001").exists()  # still the current version
