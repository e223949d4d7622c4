"""Accounts, login lockout, sessions, the hash-chained audit log and their CLI, each on its own temporary store."""
from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pke import akun, audit, operasional
from pke.akun import AkunError, Pengguna

AKAR = Path(__file__).resolve().parent.parent
SANDI = "rahasia-panjang"
T0 = 1_800_000_000.0  # a fixed "now" for the time-dependent tests


@pytest.fixture()
def store(tmp_path):
    return tmp_path / "op" / "operasional.sqlite"


@pytest.fixture()
def con(store):
    c = operasional.buka(store)
    yield c
    c.close()


def _baris_audit(con, aksi=None):
    return [e for e in audit.daftar(con, batas=None) if aksi is None or e["aksi"] == aksi]


# --- the store ---------------------------------------------------------------------------------------------------

def test_store_file_is_private_and_in_wal_mode(con, store):
    akun.tambah(con, "budi", SANDI, "analis", "33.15")  # something in the -wal file
    assert stat.S_IMODE(store.stat().st_mode) == 0o600
    for akhiran in ("-wal", "-shm"):
        assert stat.S_IMODE(store.with_name(store.name + akhiran).stat().st_mode) == 0o600
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == operasional.VERSI_SKEMA


def test_open_store_tightens_loose_companion_files(store):
    operasional.buka(store).close()
    wal = store.with_name(store.name + "-wal")
    wal.touch()
    os.chmod(wal, 0o644)
    c = operasional.buka(store)
    assert stat.S_IMODE(wal.stat().st_mode) == 0o600
    c.close()


def test_store_opens_twice_and_keeps_data(store):
    c1 = operasional.buka(store)
    akun.tambah(c1, "budi", SANDI, "analis", "33.15")
    c1.close()
    c2 = operasional.buka(store)
    assert akun.ambil(c2, "budi").wilayah == "33.15"
    c2.close()


def test_store_path_follows_environment(monkeypatch, tmp_path):
    from pke import config

    monkeypatch.setenv("PKE_STORE", str(tmp_path / "x.sqlite"))
    assert config.store_path() == tmp_path / "x.sqlite"
    monkeypatch.delenv("PKE_STORE")
    monkeypatch.delenv("PKE_DB", raising=False)
    assert config.store_path() == config.DATA_DIR / "pke.operasional.sqlite"
    # beside the database it serves: a copied folder is a complete installation
    assert config.store_path("/srv/pke/jateng.duckdb") == Path("/srv/pke/jateng.operasional.sqlite")


def test_pengaturan(con):
    assert operasional.pengaturan(con, "publik", "0") == "0"
    operasional.atur_pengaturan(con, "publik", "1")
    assert operasional.pengaturan(con, "publik") == "1"
    operasional.atur_pengaturan(con, "publik", "0", oleh="admin")
    assert operasional.pengaturan(con, "publik") == "0"
    [e] = _baris_audit(con, audit.PENGATURAN)
    assert e["pengguna"] == "admin" and e["rincian"] == {"kunci": "publik", "nilai": "0"}


# --- accounts ----------------------------------------------------------------------------------------------------

def test_argon2id_parameters(con):
    akun.tambah(con, "budi", SANDI, "analis", "33.15")
    hash_ = con.execute("SELECT hash FROM akun WHERE nama = 'budi'").fetchone()[0]
    assert hash_.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert SANDI not in hash_


def test_add_list_deactivate_change_password(con):
    p = akun.tambah(con, "  Budi.S ", SANDI, "wilayah", "33.15.01", email="Budi@Grobogan.go.id", oleh="admin")
    assert p == Pengguna("budi.s", "wilayah", "33.15.01", None, "budi@grobogan.go.id", False)
    akun.tambah(con, "dinsos", SANDI, "opd", "33.15", opd="Dinas Sosial")
    akun.tambah(con, "bupati", SANDI, "pimpinan", "33.04")
    akun.tambah(con, "pusat", SANDI, "admin", "nasional")

    assert [a["nama"] for a in akun.daftar(con)] == ["budi.s", "bupati", "dinsos", "pusat"]
    assert [a["nama"] for a in akun.daftar(con, "33.15")] == ["budi.s", "dinsos"]
    assert [a["nama"] for a in akun.daftar(con, "33.1")] == []  # a prefix of a code is not its parent
    assert akun.daftar(con, None) == []
    assert all("hash" not in a for a in akun.daftar(con))
    assert akun.ambil(con, "dinsos").opd == "Dinas Sosial"
    assert akun.dari_email(con, " BUDI@grobogan.go.id ").nama == "budi.s"
    assert akun.dari_email(con, "lain@x.id") is None

    akun.ubah_sandi(con, "budi.s", "sandi-baru-panjang", oleh="admin")
    assert akun.masuk(con, "budi.s", SANDI) is None
    assert akun.masuk(con, "budi.s", "sandi-baru-panjang").nama == "budi.s"

    akun.nonaktifkan(con, "budi.s", oleh="admin")
    assert akun.ambil(con, "budi.s") is None
    assert akun.dari_email(con, "budi@grobogan.go.id") is None
    assert akun.masuk(con, "budi.s", "sandi-baru-panjang") is None
    assert [a["aktif"] for a in akun.daftar(con, "33.15.01")] == [False]

    aksi = [(e["aksi"], e["pengguna"], e["rincian"].get("nama")) for e in reversed(_baris_audit(con))]
    assert ("akun_tambah", "admin", "budi.s") in aksi
    assert ("akun_sandi", "admin", "budi.s") in aksi
    assert ("akun_nonaktif", "admin", "budi.s") in aksi
    assert SANDI not in json.dumps(_baris_audit(con))


@pytest.mark.parametrize("nama,sandi,peran,wilayah,opd,pesan", [
    ("budi", SANDI, "raja", "33.15", None, "Peran tidak dikenal: raja"),
    ("budi", SANDI, "analis", "33.99", None, "Kode wilayah tidak dikenal: 33.99"),
    ("budi", SANDI, "analis", "33.1", None, "Kode wilayah tidak dikenal: 33.1"),
    ("budi", SANDI, "analis", "3315", None, "Kode wilayah tidak dikenal: 3315"),
    ("budi", SANDI, "analis", "", None, "Kode wilayah tidak dikenal"),
    ("budi santoso", SANDI, "analis", "33.15", None, "Nama pengguna tidak sah"),
    ("bu", SANDI, "analis", "33.15", None, "Nama pengguna tidak sah"),
    ("_budi", SANDI, "analis", "33.15", None, "Nama pengguna tidak sah"),
    ("x" * 33, SANDI, "analis", "33.15", None, "Nama pengguna tidak sah"),
    ("budi", "pendek", "analis", "33.15", None, "Kata sandi minimal 10 karakter."),
    ("budi", "x" * 129, "analis", "33.15", None, "Kata sandi paling panjang 128 karakter."),
    ("budi", SANDI, "opd", "33.15", None, "wajib menyebut nama OPD"),
    ("budi", SANDI, "opd", "33.15", "  ", "wajib menyebut nama OPD"),
])
def test_invalid_values_are_refused(con, nama, sandi, peran, wilayah, opd, pesan):
    with pytest.raises(AkunError, match=pesan.replace(".", r"\.")):
        akun.tambah(con, nama, sandi, peran, wilayah, opd=opd)
    assert akun.daftar(con) == [] and _baris_audit(con) == []


def test_invalid_email_and_duplicates(con):
    with pytest.raises(AkunError, match="Alamat email tidak sah"):
        akun.tambah(con, "budi", SANDI, "analis", "33.15", email="budi@")
    akun.tambah(con, "budi", SANDI, "analis", "33.15", email="budi@x.id")
    with pytest.raises(AkunError, match="Akun budi sudah ada."):
        akun.tambah(con, "BUDI", SANDI, "pimpinan", "33")
    with pytest.raises(AkunError, match="Email budi@x.id sudah dipakai"):
        akun.tambah(con, "budi2", SANDI, "analis", "33.15", email="Budi@X.id")
    assert len(akun.daftar(con)) == 1
    with pytest.raises(AkunError, match="Akun siti tidak ada."):
        akun.nonaktifkan(con, "siti", oleh="admin")
    with pytest.raises(AkunError, match="Akun siti tidak ada."):
        akun.ubah_sandi(con, "siti", SANDI, oleh="admin")
    with pytest.raises(AkunError, match="minimal"):
        akun.ubah_sandi(con, "budi", "pendek", oleh="admin")


def test_boleh_kelola():
    admin_kab = Pengguna("adm", "admin", "33.15")
    assert akun.boleh_kelola(admin_kab, "wilayah", "33.15.01")
    assert akun.boleh_kelola(admin_kab, "opd", "33.15")
    assert akun.boleh_kelola(admin_kab, "analis", "33.15.01.2001")
    for wilayah in ("33", "nasional", "33.04", "33.1", "33.150", "62.02"):
        assert not akun.boleh_kelola(admin_kab, "wilayah", wilayah), wilayah
    assert not akun.boleh_kelola(admin_kab, "raja", "33.15.01")
    assert not akun.boleh_kelola(admin_kab, "wilayah", "33.15.99")  # not a real kecamatan

    admin_pusat = Pengguna("pusat", "admin", "nasional")
    assert akun.boleh_kelola(admin_pusat, "admin", "nasional")
    assert akun.boleh_kelola(admin_pusat, "pimpinan", "62.02")

    for peran in ("analis", "pimpinan", "opd", "wilayah"):
        assert not akun.boleh_kelola(Pengguna("x", peran, "nasional"), "analis", "33.15.01")


def test_pengguna_scope_and_rights():
    kab = Pengguna("a", "wilayah", "33.15")
    assert kab.lingkup == "33.15"
    assert kab.mencakup("33.15") and kab.mencakup("33.15.01") and kab.mencakup("33.15.01.2001")
    assert not kab.mencakup("33.150") and not kab.mencakup("33.1") and not kab.mencakup("33")
    assert not kab.mencakup("33.04.01") and not kab.mencakup("nasional") and not kab.mencakup("")

    assert Pengguna("b", "wilayah", "33.1").mencakup("33.1") is True  # literal prefix only with its dot
    assert not Pengguna("b", "wilayah", "33.1").mencakup("33.15.01")

    nas = Pengguna("p", "pimpinan", "nasional")
    assert nas.lingkup == "" and nas.mencakup("62.02.05.2001") and nas.mencakup("nasional")

    for kosong in (Pengguna("c", "analis", None), Pengguna("c", "analis", "")):
        assert kosong.lingkup is None
        assert not kosong.mencakup("33.15") and not kosong.mencakup("nasional")

    assert akun.ANONIM.hak == akun.HAK_ANONIM == {"agregat", "presentasi"}
    assert akun.ANONIM.lingkup == ""
    assert kab.boleh("nama_lengkap") and not kab.boleh("akun")
    analis = Pengguna("x", "analis", "33")
    assert analis.boleh("daftar_nama") and not analis.boleh("nama_lengkap")
    assert Pengguna("x", "admin", "33").boleh("akun") and not Pengguna("x", "admin", "33").boleh("daftar_nama")
    assert Pengguna("x", "raja", "33").hak == frozenset()
    assert set(akun.HAK) == set(akun.PERAN) == set(akun.LABEL_PERAN)
    assert all(isinstance(h, frozenset) for h in akun.HAK.values())


# --- login -------------------------------------------------------------------------------------------------------

def test_lockout_after_five_failures(con):
    akun.tambah(con, "budi", SANDI, "analis", "33.15")
    for i in range(5):
        assert not akun.terkunci(con, "budi", T0 + i)
        assert akun.masuk(con, "budi", "salah-salah-salah", sekarang=T0 + i) is None
    assert akun.terkunci(con, " BUDI ", T0 + 5)
    assert akun.masuk(con, "budi", SANDI, sekarang=T0 + 10) is None          # right password, refused
    assert akun.masuk(con, "budi", SANDI, sekarang=T0 + 14 * 60) is None     # still within 15 minutes
    assert akun.terkunci(con, "budi", T0 + 15 * 60 - 1)
    assert not akun.terkunci(con, "budi", T0 + 4 + 15 * 60)
    assert akun.masuk(con, "budi", SANDI, sekarang=T0 + 4 + 15 * 60).nama == "budi"

    gagal = _baris_audit(con, audit.MASUK_GAGAL)
    assert len(gagal) == 7 and {e["rincian"]["nama"] for e in gagal} == {"budi"}
    assert [e["rincian"]["alasan"] for e in gagal[:2]] == ["terkunci", "terkunci"]
    assert len(_baris_audit(con, audit.MASUK)) == 1
    assert SANDI not in json.dumps(_baris_audit(con)) and "salah-salah-salah" not in json.dumps(_baris_audit(con))


def test_lockout_counts_unknown_names_too(con, monkeypatch):
    verif = []
    asli = akun._verifikasi
    monkeypatch.setattr(akun, "_verifikasi", lambda h, s: verif.append(h) or asli(h, s))
    for i in range(5):
        assert akun.masuk(con, "Hantu", "apa-saja-apa-saja", sekarang=T0 + i) is None
    assert len(verif) == 5  # an argon2 verification per attempt even though the name does not exist
    assert akun.terkunci(con, "hantu", T0 + 6)
    assert akun.masuk(con, "hantu", "apa-saja-apa-saja", sekarang=T0 + 7) is None
    assert len(verif) == 5  # locked: no verification at all
    gagal = _baris_audit(con, audit.MASUK_GAGAL)
    assert len(gagal) == 6 and gagal[-1]["rincian"] == {"nama": "hantu", "alasan": "tidak_dikenal"}


def test_every_failure_looks_the_same(con):
    akun.tambah(con, "budi", SANDI, "analis", "33.15")
    akun.tambah(con, "siti", SANDI, "analis", "33.15")
    akun.nonaktifkan(con, "siti", oleh="admin")
    for i in range(5):
        akun.masuk(con, "kunci", "x" * 12, sekarang=T0)
    akun.tambah(con, "kunci", SANDI, "analis", "33.15")
    hasil = [akun.masuk(con, "tidak.ada", SANDI, sekarang=T0),       # unknown user
             akun.masuk(con, "budi", "sandi-keliru-x", sekarang=T0),  # wrong password
             akun.masuk(con, "siti", SANDI, sekarang=T0),             # inactive
             akun.masuk(con, "kunci", SANDI, sekarang=T0 + 1),        # locked
             akun.masuk(con, "budi", "x" * 500, sekarang=T0),         # absurdly long
             akun.masuk(con, "budi", "", sekarang=T0)]
    assert hasil == [None] * 6
    assert akun.PESAN_GAGAL.startswith("Nama pengguna atau kata sandi salah")
    assert akun.masuk(con, "Budi ", SANDI, sekarang=T0).nama == "budi"


def test_outdated_hash_is_rehashed_on_login(con):
    from argon2 import PasswordHasher

    akun.tambah(con, "budi", SANDI, "analis", "33.15")
    lama = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(SANDI)
    con.execute("UPDATE akun SET hash = ? WHERE nama = 'budi'", (lama,))
    assert akun.masuk(con, "budi", SANDI).nama == "budi"
    assert con.execute("SELECT hash FROM akun").fetchone()[0].startswith("$argon2id$v=19$m=19456,t=2,p=1$")


# --- sessions ----------------------------------------------------------------------------------------------------

def test_session_idle_and_absolute_timeout(con):
    akun.tambah(con, "budi", SANDI, "analis", "33.15")
    token = akun.buat_sesi(con, "budi", sekarang=T0)
    assert len(token) >= 40
    disimpan = json.dumps([list(r) for r in con.execute("SELECT * FROM sesi")])
    assert token not in disimpan
    assert akun.cek_sesi(con, token, T0 + 60).nama == "budi"
    assert akun.cek_sesi(con, token, T0 + 60 + akun.IDLE) is not None       # exactly at the limit
    assert akun.cek_sesi(con, token, T0 + 60 + 2 * akun.IDLE + 1) is None   # idle too long
    assert akun.cek_sesi(con, "tidak-ada", T0) is None and akun.cek_sesi(con, None, T0) is None

    aktif = akun.buat_sesi(con, "budi", sekarang=T0)
    t_ = T0
    while t_ < T0 + akun.MAKS - 20 * 60:
        t_ += 20 * 60
        assert akun.cek_sesi(con, aktif, t_) is not None
    assert akun.cek_sesi(con, aktif, T0 + akun.MAKS + 1) is None  # active all day, still ends after 8 h


def test_session_last_seen_written_at_most_every_30_s(con):
    akun.tambah(con, "budi", SANDI, "analis", "33.15")
    token = akun.buat_sesi(con, "budi", sekarang=T0)
    akun.cek_sesi(con, token, T0 + 10)
    assert con.execute("SELECT terakhir FROM sesi").fetchone()[0] == T0
    akun.cek_sesi(con, token, T0 + 31)
    assert con.execute("SELECT terakhir FROM sesi").fetchone()[0] == T0 + 31


def test_session_revoked_on_logout_deactivate_and_password_change(con):
    akun.tambah(con, "budi", SANDI, "analis", "33.15")
    a, b = akun.buat_sesi(con, "budi", T0), akun.buat_sesi(con, "budi", T0)
    akun.akhiri_sesi(con, a, T0 + 5)
    assert akun.cek_sesi(con, a, T0 + 6) is None and akun.cek_sesi(con, b, T0 + 6) is not None
    assert [e["pengguna"] for e in _baris_audit(con, audit.KELUAR)] == ["budi"]
    akun.akhiri_sesi(con, a, T0 + 7)  # twice: no second entry
    assert len(_baris_audit(con, audit.KELUAR)) == 1

    akun.ubah_sandi(con, "budi", "sandi-baru-panjang", oleh="admin")
    assert akun.cek_sesi(con, b, T0 + 8) is None
    c = akun.buat_sesi(con, "budi", T0 + 9)
    assert akun.cek_sesi(con, c, T0 + 10) is not None
    akun.nonaktifkan(con, "budi", oleh="admin")
    assert akun.cek_sesi(con, c, T0 + 11) is None
    with pytest.raises(AkunError):
        akun.buat_sesi(con, "budi", T0 + 12)


def test_session_ends_when_account_is_deactivated_elsewhere(con):
    akun.tambah(con, "budi", SANDI, "analis", "33.15")
    token = akun.buat_sesi(con, "budi", T0)
    con.execute("UPDATE akun SET aktif = 0")  # e.g. by hand, without revoking the sessions
    assert akun.cek_sesi(con, token, T0 + 1) is None


# --- audit -------------------------------------------------------------------------------------------------------

def _isi_audit(con, n=50):
    for i in range(n):
        audit.catat(con, f"u{i % 3}", audit.LIHAT_NAMA, "33.15", {"filter": {"desa": "33.15.01.2001"}, "baris": i})


def test_audit_chain_intact_after_many_entries(con):
    _isi_audit(con, 300)
    assert audit.periksa(con) == (True, None, 300)
    kosong = operasional.buka(":memory:")
    assert audit.periksa(kosong) == (True, None, 0)
    kosong.close()


def test_audit_is_append_only(con):
    _isi_audit(con, 3)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("UPDATE audit SET pengguna = 'x' WHERE id = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("DELETE FROM audit WHERE id = 2")


def _tanpa_pemicu(store):
    c = sqlite3.connect(store, isolation_level=None)
    c.execute("DROP TRIGGER audit_tanpa_ubah")
    c.execute("DROP TRIGGER audit_tanpa_hapus")
    return c


def test_audit_edit_is_detected(con, store):
    _isi_audit(con, 20)
    with _tanpa_pemicu(store) as c:
        c.execute("""UPDATE audit SET rincian = '{"baris":0,"filter":{}}' WHERE id = 7""")
    assert audit.periksa(con) == (False, 7, 6)


def test_audit_edit_with_recomputed_hash_breaks_the_next_link(con, store):
    _isi_audit(con, 20)
    with _tanpa_pemicu(store) as c:
        b = c.execute("SELECT * FROM audit WHERE id = 7").fetchone()
        _, waktu, pengguna, aksi, lingkup, _, sebelum, _ = b
        baru = audit._hash(sebelum, 7, waktu, "orang-lain", aksi, lingkup, {})
        c.execute("UPDATE audit SET pengguna = 'orang-lain', rincian = '{}', hash = ? WHERE id = 7", (baru,))
    assert audit.periksa(con) == (False, 8, 7)


@pytest.mark.parametrize("hapus,rusak", [(1, 1), (7, 7), (20, 20)])
def test_audit_deletion_is_detected(con, store, hapus, rusak):
    _isi_audit(con, 20)
    with _tanpa_pemicu(store) as c:
        c.execute("DELETE FROM audit WHERE id = ?", (hapus,))
    ok, id_, _ = audit.periksa(con)
    assert (ok, id_) == (False, rusak)
    audit.catat(con, "u", audit.MASUK)  # a later entry does not reuse the id or heal the chain
    assert audit.periksa(con)[:2] == (False, rusak)


def test_audit_masks_nik(con):
    nik = "3315010101900001"
    audit.catat(con, "siti", audit.BUKA_NAMA, "33.15.01",
                {"nik": nik, "tujuan": f"verifikasi {nik} di desa", "daftar": [int(nik), {"lagi": nik}],
                 "kode": "33.15.01.2001", "baris": 12})
    [e] = audit.daftar(con)
    mentah = con.execute("SELECT rincian FROM audit").fetchone()[0]
    assert nik not in mentah and nik not in json.dumps(e)
    assert e["rincian"]["nik"] == "3315********0001"
    assert e["rincian"]["tujuan"] == "verifikasi 3315********0001 di desa"
    assert e["rincian"]["daftar"] == ["3315********0001", {"lagi": "3315********0001"}]
    assert e["rincian"]["kode"] == "33.15.01.2001" and e["rincian"]["baris"] == 12
    assert audit.periksa(con) == (True, None, 1)


def test_audit_filters_are_parameters(con):
    audit.catat(con, "budi", audit.MASUK, sekarang=T0)
    audit.catat(con, "siti", audit.LIHAT_NAMA, "33.15", {"baris": 3}, sekarang=T0 + 86400)
    audit.catat(con, "budi", audit.KELUAR, sekarang=T0 + 2 * 86400)
    hari = operasional.waktu_iso(T0 + 86400)[:10]
    assert [e["id"] for e in audit.daftar(con)] == [3, 2, 1]
    assert [e["id"] for e in audit.daftar(con, pengguna="budi")] == [3, 1]
    assert [e["id"] for e in audit.daftar(con, aksi="lihat_nama")] == [2]
    assert [e["id"] for e in audit.daftar(con, dari=hari, sampai=hari)] == [2]
    assert [e["id"] for e in audit.daftar(con, dari=hari)] == [3, 2]
    assert [e["id"] for e in audit.daftar(con, sampai=operasional.waktu_iso(T0 + 86400))] == [2, 1]
    assert [e["id"] for e in audit.daftar(con, batas=1)] == [3]
    assert audit.daftar(con, pengguna="budi' OR '1'='1") == []
    with pytest.raises(ValueError, match="Waktu tidak dikenali"):
        audit.daftar(con, dari="kemarin")


def test_audit_error_when_store_is_read_only(con):
    akun.tambah(con, "budi", SANDI, "wilayah", "33.15")
    con.execute("PRAGMA query_only = 1")
    with pytest.raises(audit.AuditError, match="Log audit tidak dapat ditulis"):
        audit.catat(con, "budi", audit.LIHAT_NAMA, "33.15", {"baris": 3})
    assert not con.in_transaction
    con.execute("PRAGMA query_only = 0")
    assert audit.periksa(con) == (True, None, 1)


def test_account_change_rolls_back_when_audit_fails(con, monkeypatch):
    def gagal(*a, **k):
        raise audit.AuditError("x")

    monkeypatch.setattr(audit, "catat", gagal)
    with pytest.raises(audit.AuditError):
        akun.tambah(con, "budi", SANDI, "analis", "33.15")
    assert akun.daftar(con) == [] and not con.in_transaction


def test_action_labels():
    nama = [v for k, v in vars(audit).items() if k.isupper() and isinstance(v, str) and k != "GENESIS"]
    assert set(nama) == set(audit.LABEL_AKSI)
    assert len(audit.LABEL_AKSI) == 22


def _tulis_audit(path: str, siapa: str, n: int) -> None:
    c = operasional.buka(path)
    for i in range(n):
        audit.catat(c, siapa, audit.LIHAT_NAMA, "33.15", {"i": i})
    c.close()


def test_concurrent_processes_keep_the_chain(store):
    operasional.buka(store).close()
    # Separate Python processes, as two servers or a server and the CLI would be (not multiprocessing: after an
    # AppTest the app script is the __main__ module, which spawn would re-run in its children).
    kode = ("import sys; from tests.test_akun import _tulis_audit; "
            "_tulis_audit(sys.argv[1], sys.argv[2], int(sys.argv[3]))")
    proses = [subprocess.Popen([sys.executable, "-c", kode, str(store), f"p{i}", "200"], cwd=AKAR) for i in range(2)]
    for p in proses:
        assert p.wait(120) == 0
    c = operasional.buka(store)
    assert audit.periksa(c) == (True, None, 400)
    assert {e["pengguna"] for e in audit.daftar(c, batas=None)} == {"p0", "p1"}
    c.close()


# --- command line ------------------------------------------------------------------------------------------------

def _cli(*args, masukan=""):
    return subprocess.run([sys.executable, "-m", "pke", *args], cwd=AKAR, input=masukan, capture_output=True,
                          text=True, timeout=120)


def test_cli_accounts_and_audit(store, monkeypatch):
    monkeypatch.setenv("PKE_STORE", str(store))
    r = _cli("akun", "tambah", "admin", "--peran", "admin", "--wilayah", "33", masukan=SANDI + "\n")
    assert r.returncode == 0, r.stderr
    assert "Akun admin dibuat" in r.stdout
    assert stat.S_IMODE(store.stat().st_mode) == 0o600

    r = _cli("akun", "tambah", "dinsos", "--peran", "opd", "--wilayah", "33.15", masukan=SANDI + "\n")
    assert r.returncode == 2 and "OPD" in r.stderr
    r = _cli("akun", "tambah", "budi", "--peran", "wilayah", "--wilayah", "33.99", masukan=SANDI + "\n")
    assert r.returncode == 2 and "Kode wilayah tidak dikenal: 33.99" in r.stderr
    r = _cli("akun", "tambah", "budi", "--peran", "wilayah", "--wilayah", "33.15", masukan="pendek\n")
    assert r.returncode == 2 and "Kata sandi minimal 10 karakter." in r.stderr
    r = _cli("akun", "tambah", "dinsos", "--peran", "opd", "--wilayah", "33.15", "--opd", "Dinas Sosial",
             "--email", "dinsos@grobogan.go.id", masukan=SANDI)  # no trailing newline is fine too
    assert r.returncode == 0, r.stderr

    r = _cli("akun", "daftar", "--json")
    assert r.returncode == 0, r.stderr
    daftar = [json.loads(b) for b in r.stdout.splitlines()]
    assert [(a["nama"], a["peran"], a["wilayah"], a["aktif"]) for a in daftar] == [
        ("admin", "admin", "33", True), ("dinsos", "opd", "33.15", True)]
    assert daftar[0]["dibuat_oleh"].startswith("cli:")
    assert "dinsos" in _cli("akun", "daftar").stdout

    c = operasional.buka(store)
    assert akun.masuk(c, "admin", SANDI) is not None
    r = _cli("akun", "sandi", "admin", masukan="sandi-baru-panjang\n")
    assert r.returncode == 0, r.stderr
    assert akun.masuk(c, "admin", SANDI) is None and akun.masuk(c, "admin", "sandi-baru-panjang") is not None
    assert _cli("akun", "nonaktifkan", "dinsos").returncode == 0
    assert akun.ambil(c, "dinsos") is None
    r = _cli("akun", "nonaktifkan", "siapa")
    assert r.returncode == 2 and "Akun siapa tidak ada." in r.stderr

    r = _cli("audit", "--json")
    assert r.returncode == 0, r.stderr
    entri = [json.loads(b) for b in r.stdout.splitlines()]
    assert [e["aksi"] for e in entri][:3] == ["akun_nonaktif", "masuk", "masuk_gagal"]
    assert entri[-1]["aksi"] == "akun_tambah" and entri[-1]["pengguna"].startswith("cli:")
    r = _cli("audit", "--aksi", "akun_tambah", "--json")
    assert {json.loads(b)["rincian"]["nama"] for b in r.stdout.splitlines()} == {"admin", "dinsos"}
    assert "akun_sandi" in _cli("audit").stdout
    assert _cli("audit", "--dari", "kemarin").returncode == 2

    r = _cli("audit", "periksa")
    assert r.returncode == 0 and r.stdout.strip() == f"Rantai audit utuh: {len(entri)} entri."
    with _tanpa_pemicu(store) as t:
        t.execute("UPDATE audit SET pengguna = 'bukan-saya' WHERE id = 2")
    r = _cli("audit", "periksa")
    assert r.returncode == 1 and r.stdout.strip() == "Rantai audit rusak mulai entri #2."
    c.close()


def test_cli_store_option(tmp_path):
    lain = tmp_path / "lain.sqlite"
    r = _cli("akun", "tambah", "pusat", "--peran", "admin", "--wilayah", "nasional", "--store", str(lain),
             masukan=SANDI + "\n")
    assert r.returncode == 0, r.stderr
    assert "pusat" in _cli("akun", "daftar", "--store", str(lain)).stdout
    assert _cli("audit", "periksa", "--store", str(lain)).stdout.strip() == "Rantai audit utuh: 1 entri."
    assert os.path.exists(lain)
