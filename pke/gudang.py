"""How the analytic data is stored: a small catalog DuckDB file plus immutable Parquet partitions per kabupaten.

    data/pke.duckdb                      the catalog: regions, clusters, priority villages, targets, the import log,
                                         the kabupaten-and-above aggregates, and views named like the tables
    data/pke.partisi/33.15/000007/...    one version of one kabupaten: households, members, interventions, sector
                                         lists, derived gaps and the kecamatan/village aggregates, one Parquet file
                                         per table
    data/pke.partisi/umum/               boundaries (written once by the build)

Why (figures in the README): a write rewrites only the kabupaten it touches (a new version directory, never
touching the old one), then swaps the small catalog file (os.replace) in which the views point at the new version.
So an import costs what it changes; a reader keeps the catalog and files it opened until its next query (nothing
it reads is ever modified in place, and old versions stay until no undo can need them); a killed writer leaves an
unreferenced directory that the next write removes; and undo points the catalog back at the versions the import
replaced — row for row what was there before. Parquet has no primary-key index (the members' index was 1.05 GB of
the 2.37 GB province file) and compresses with zstd.

Views keep the names queries and scripts use (`keluarga_aktif`, `keluarga`, `ringkas_kebutuhan`, …), with absolute
paths, so a plain `duckdb.connect(path)` answers them. A folder copied elsewhere is re-pointed by the first writer
or start (`sesuaikan_folder`).
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from pathlib import Path

import duckdb

# Tables kept per kabupaten, in Parquet. keluarga_aktif holds the active snapshot's households and keluarga_lama
# the older snapshots (each household row is stored once; the view `keluarga` is both).
TABEL_KAB = ("keluarga_aktif", "keluarga_lama", "individu", "intervensi", "sumber_sektor", "liputan",
             "kebutuhan", "keluarga_fitur", "ringkas_kebutuhan", "ringkas_intervensi", "ringkas_keluarga",
             "ringkas_snapshot", "ringkas_kualitas")
# Aggregates whose kabupaten rows live in the catalog (with the province and national rows summed from them):
# table -> measure columns (every other column except kode and kode_induk is a grouping key).
RINGKAS_ATAS = {
    "ringkas_kebutuhan": ("n",),
    "ringkas_intervensi": ("n", "nilai_rp"),
    "ringkas_keluarga": ("n_keluarga", "n_individu"),
    "ringkas_kualitas": ("keluarga_nik_ganda", "rtlh_tidak_di_daftar", "daftar_bukan_rtlh", "individu_tidak_padan",
                         "individu_nik_ganda", "individu_meninggal", "individu_pindah", "kebutuhan_tanpa_intervensi",
                         "p3ke_tidak_di_dtks", "dtks_tidak_di_p3ke"),
}
SIMPAN_LAMA_DETIK = 3600  # an unreferenced version stays this long, for readers still on an older catalog


def folder(db_path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.stem + ".partisi")


def skema_partisi(con: duckdb.DuckDBPyConnection) -> None:
    """The catalog's bookkeeping of partitions and of what each import replaced (for exact undo)."""
    con.execute("""
        CREATE TABLE IF NOT EXISTS partisi (
            kab VARCHAR PRIMARY KEY,
            versi VARCHAR NOT NULL          -- directory under <db>.partisi/<kab>/
        );
        CREATE TABLE IF NOT EXISTS partisi_impor (
            id_impor INTEGER NOT NULL,
            kab VARCHAR NOT NULL,
            versi_lama VARCHAR,             -- NULL: the kabupaten had no data before
            versi_baru VARCHAR              -- NULL: the import changed only catalog rows of this kabupaten
        );
        CREATE TABLE IF NOT EXISTS cadangan_desa_prioritas AS SELECT *, 0 AS untuk_impor FROM desa_prioritas LIMIT 0;
        CREATE TABLE IF NOT EXISTS cadangan_target AS SELECT *, 0 AS untuk_impor FROM target_dasar LIMIT 0;
    """)


def versi_baru(db_path, kab: str) -> tuple[str, Path]:
    """A fresh version directory name for kabupaten `kab` (never reused)."""
    dasar = folder(db_path) / kab
    dasar.mkdir(parents=True, exist_ok=True)
    ada = [int(p.name) for p in dasar.iterdir() if p.name.isdigit()]
    versi = f"{(max(ada) + 1 if ada else 1):06d}"
    d = dasar / versi
    d.mkdir()
    return versi, d


def berkas(db_path, kab: str, versi: str, tabel: str) -> Path:
    return folder(db_path) / kab / versi / f"{tabel}.parquet"


def tulis_kab(con: duckdb.DuckDBPyConnection, db_path, kab: str) -> str:
    """Write kabupaten `kab`'s tables from working connection `con` (tables named as TABEL_KAB, with
    ringkas_* holding only kecamatan and village rows) into a new version directory; returns the version."""
    versi, d = versi_baru(db_path, kab)
    for tabel in TABEL_KAB:
        urut = _URUTAN.get(tabel, "")
        con.execute(f"COPY (SELECT * FROM {tabel}{' ORDER BY ' + urut if urut else ''}) "
                    f"TO '{d / (tabel + '.parquet')}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)")
    for tabel in RINGKAS_ATAS:  # the kabupaten rows too, so an undo can put them back in the catalog
        con.execute(f"COPY (SELECT * FROM {tabel}_kab_baru ORDER BY ALL) TO '{d / (tabel + '_kab.parquet')}' "
                    "(FORMAT parquet, COMPRESSION zstd)")
    for p in d.iterdir():
        os.chmod(p, 0o600)  # personal data: the service's own user only
    return versi


# A total order per table, so that writing the same data twice gives the same bytes.
_URUTAN = {
    "keluarga_aktif": "kode_kemendagri, id_keluarga_p3ke",
    "keluarga_lama": "kode_kemendagri, id_keluarga_p3ke, snapshot",
    "individu": "id_keluarga_p3ke, id_individu, snapshot",
    "intervensi": "kode_kemendagri, id",
    "sumber_sektor": "kode_kemendagri, sumber, id, nik",
    "liputan": "kode_desa, snapshot",
    "kebutuhan": "kode_desa, id_keluarga_p3ke, klaster",
    "keluarga_fitur": "kode_desa, id_keluarga_p3ke",
    "ringkas_kebutuhan": "ALL",
    "ringkas_intervensi": "ALL",
    "ringkas_keluarga": "ALL",
    "ringkas_snapshot": "ALL",
    "ringkas_kualitas": "ALL",
}


def muat_kab(con: duckdb.DuckDBPyConnection, db_path, kab: str, versi: str | None) -> None:
    """Fill working connection `con` (schema already created) with kabupaten `kab`'s stored base tables."""
    if versi is None:
        return
    p = lambda t: str(berkas(db_path, kab, versi, t))  # noqa: E731
    con.execute(f"INSERT INTO keluarga BY NAME SELECT * FROM read_parquet(['{p('keluarga_aktif')}', "
                f"'{p('keluarga_lama')}'], union_by_name = true)")
    for tabel in ("individu", "intervensi", "sumber_sektor", "liputan"):
        con.execute(f"INSERT INTO {tabel} BY NAME SELECT * FROM read_parquet('{p(tabel)}')")


def segarkan_katalog(cat: duckdb.DuckDBPyConnection, db_path) -> None:
    """(Re)create the catalog's views over the current partitions and the province and national aggregate rows.
    Runs inside the writer's transaction on the catalog copy: cheap (the catalog is small)."""
    db_path = Path(db_path)
    bagian = cat.execute("SELECT kab, versi FROM partisi WHERE kab <> 'umum' ORDER BY kab").fetchall()
    umum = cat.execute("SELECT versi FROM partisi WHERE kab = 'umum'").fetchall()
    for tabel in TABEL_KAB:
        daftar = [str(berkas(db_path, kab, versi, tabel)) for kab, versi in bagian]
        nama = f"{tabel}_bawah" if tabel in RINGKAS_ATAS else tabel
        if daftar:
            # Every version of a table has the same columns (one code version writes them all; an upgrade rebuilds),
            # so DuckDB binds the view from the first file instead of reading every file's schema (union_by_name
            # read 514 footers per table per query at national scale).
            sumber = "read_parquet([" + ", ".join(_kutip(x) for x in daftar) + "])"
            cat.execute(f"CREATE OR REPLACE VIEW {nama} AS SELECT * FROM {sumber}")
        else:
            cat.execute(f"CREATE OR REPLACE VIEW {nama} AS SELECT * FROM _kosong_{tabel}")
    for tabel, ukuran in RINGKAS_ATAS.items():
        kolom = [r[0] for r in cat.execute(f"DESCRIBE {tabel}_kab").fetchall()]
        kunci = [c for c in kolom if c not in ukuran and c not in ("kode", "kode_induk")]
        jumlah = ", ".join(f"sum({u})::{'BIGINT' if u == 'nilai_rp' else 'INTEGER'} AS {u}" for u in ukuran)
        cat.execute(f"""
            CREATE OR REPLACE TABLE {tabel}_atas AS
            SELECT left(kode, p.panjang) AS kode, kode_induk(left(kode, p.panjang)) AS kode_induk,
                   {''.join(k + ', ' for k in kunci)}{jumlah}
            FROM {tabel}_kab CROSS JOIN (VALUES (0), (2)) p(panjang)
            GROUP BY ALL
            UNION ALL BY NAME SELECT * FROM {tabel}_kab
            ORDER BY ALL""")
        cat.execute(f"CREATE OR REPLACE VIEW {tabel} AS "
                    f"SELECT {', '.join(kolom)} FROM {tabel}_atas UNION ALL SELECT {', '.join(kolom)} FROM {tabel}_bawah")
    cat.execute("CREATE OR REPLACE VIEW keluarga AS SELECT * FROM keluarga_aktif "
                "UNION ALL BY NAME SELECT * FROM keluarga_lama")
    if umum:  # boundaries are written once per build, as their own partition
        if cat.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'batas_wilayah' "
                       "AND database_name = current_database()").fetchone()[0]:
            cat.execute("DROP TABLE batas_wilayah")
        cat.execute("CREATE OR REPLACE VIEW batas_wilayah AS SELECT * FROM read_parquet("
                    + _kutip(str(berkas(db_path, "umum", umum[0][0], "batas_wilayah"))) + ")")
    cat.execute("""
        CREATE OR REPLACE TABLE periode AS
        WITH batas AS (
            SELECT min(tanggal) AS awal, max(greatest(tanggal, coalesce(tanggal_selesai, tanggal))) AS akhir
            FROM intervensi
        )
        SELECT year(d)::SMALLINT AS tahun, quarter(d)::TINYINT AS triwulan, (year(d) * 4 + quarter(d) - 1)::INTEGER AS qi
        FROM batas, range(date_trunc('quarter', coalesce(batas.awal, current_date)),
                          coalesce(batas.akhir, current_date) + INTERVAL 1 DAY, INTERVAL 3 MONTH) AS t(d)
        ORDER BY qi""")
    cat.execute("INSERT OR REPLACE INTO meta VALUES ('folder_partisi', $f)", {"f": str(folder(db_path).resolve())})


def _kutip(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def sesuaikan_folder(db_path, paksa: bool = False) -> bool:
    """A catalog copied or moved with its folder still names the old partition paths: re-point its views (with
    `paksa`, recreate them anyway, e.g. after an upgrade changed how views are written). Returns True when it did."""
    from pke.tulis import berkas_baru

    db_path = Path(db_path)
    if not db_path.exists() or not folder(db_path).exists():
        return False
    from pke import db

    con = db.buka(db_path)
    try:
        baris = con.execute("SELECT nilai FROM meta WHERE kunci = 'folder_partisi'").fetchall()
    except duckdb.CatalogException:
        return False
    finally:
        con.close()
    if baris and baris[0][0] == str(folder(db_path).resolve()) and not paksa:
        return False
    with berkas_baru(db_path, salin=True) as cat:
        segarkan_katalog(cat, db_path)
    return True


def bersihkan(db_path, cat: duckdb.DuckDBPyConnection | None = None, semua: bool = False) -> int:
    """Remove version directories nothing refers to (left by a killed writer, let go by an undo or a rebuild) once
    they have been unreferenced for SIMPAN_LAMA_DETIK (readers on an older catalog may still be reading them), or at
    once with `semua`. Returns the number removed."""
    db_path = Path(db_path)
    tutup = cat is None
    if cat is None:
        from pke import db

        cat = db.buka(db_path)  # the catalog now at the path (a plain connect may return a cached older instance)
    try:
        dipakai = {(k, v) for k, v in cat.execute("SELECT kab, versi FROM partisi").fetchall()}
        dipakai |= {(k, v) for k, a, b in cat.execute(
            "SELECT p.kab, p.versi_lama, p.versi_baru FROM partisi_impor p JOIN impor i ON i.id = p.id_impor "
            "WHERE i.dibatalkan_pada IS NULL").fetchall() for v in (a, b) if v}
    finally:
        if tutup:
            cat.close()
    akar = folder(db_path)
    if not akar.exists():
        return 0
    # When each directory was first seen unreferenced: a version an undo or a rebuild has just let go may be old
    # itself, and readers still on the previous catalog may be reading it.
    catatan = akar / ".tak_terpakai.json"
    try:
        sejak = json.loads(catatan.read_text())
    except (OSError, ValueError):
        sejak = {}
    sekarang, n, baru = time.time(), 0, {}
    for kab_dir in akar.iterdir():
        if not kab_dir.is_dir():
            continue
        for d in kab_dir.iterdir():
            if not d.is_dir() or (kab_dir.name, d.name) in dipakai:
                continue
            kunci = f"{kab_dir.name}/{d.name}"
            mulai = sejak.get(kunci, sekarang)
            if semua or sekarang - mulai >= SIMPAN_LAMA_DETIK:
                shutil.rmtree(d, ignore_errors=True)
                n += 1
            else:
                baru[kunci] = mulai
    tmp = catatan.with_name(catatan.name + ".tmp")
    tmp.write_text(json.dumps(baru))
    os.replace(tmp, catatan)
    return n


def nama_katalog(cat: duckdb.DuckDBPyConnection) -> str:
    return cat.execute("SELECT database_name FROM duckdb_databases() WHERE path IS NOT NULL AND NOT internal "
                       "AND database_name <> 'kerja'").fetchone()[0]


@contextlib.contextmanager
def kerja_kab(cat: duckdb.DuckDBPyConnection):
    """Attach a working database for one kabupaten to catalog connection `cat`: unqualified names
    resolve there first (the kabupaten tables of schema_kab.sql), then in the catalog (regions, clusters, priority
    villages, targets). Memory is released when the block ends. Yields the catalog's database name."""
    from pke import turunan

    nama = cat.execute("SELECT current_database()").fetchone()[0]
    # A temporary file, not ':memory:': DuckDB can then evict its blocks under the writer's memory limit, so a
    # kabupaten of any size fits (an in-memory database failed with "failed to pin block" at 6x scale).
    berkas_kerja = Path(cat.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()")
                        .fetchone()[0] + f".kerja{os.getpid()}")
    for p in (berkas_kerja, Path(str(berkas_kerja) + ".wal")):
        p.unlink(missing_ok=True)
    cat.execute(f"ATTACH {_kutip(str(berkas_kerja))} AS kerja")
    cat.execute("USE kerja")
    cat.execute(f"SET search_path = 'kerja.main,\"{nama}\".main'")
    try:
        turunan.jalankan(cat, "schema_kab")
        yield nama
    finally:
        cat.execute(f'USE "{nama}"')
        cat.execute("RESET search_path")
        cat.execute("DETACH kerja")
        for p in (berkas_kerja, Path(str(berkas_kerja) + ".wal")):
            p.unlink(missing_ok=True)


def simpan_kab(cat: duckdb.DuckDBPyConnection, db_path, kab: str, id_impor: int | None = None) -> str:
    """Inside kerja_kab, after derivation: write the kabupaten's new version, move its kabupaten aggregate rows
    into the catalog, point the catalog at the new version (recording the old one for undo). Returns the version."""
    nama = nama_katalog(cat)
    for tabel in TABEL_KAB:  # the schema of an empty partition, for views when no kabupaten has data
        if tabel != "keluarga_lama":
            cat.execute(f'CREATE TABLE IF NOT EXISTS "{nama}".main._kosong_{tabel} AS SELECT * FROM kerja.{tabel} LIMIT 0')
    cat.execute(f'CREATE TABLE IF NOT EXISTS "{nama}".main._kosong_keluarga_lama AS SELECT * FROM kerja.keluarga LIMIT 0')
    for tabel in RINGKAS_ATAS:
        cat.execute(f'CREATE TABLE IF NOT EXISTS "{nama}".main.{tabel}_kab AS '
                    f'SELECT * FROM kerja.{tabel}_kab_baru LIMIT 0')
    cat.execute("CREATE OR REPLACE TABLE kerja.keluarga_lama AS SELECT k.* FROM kerja.keluarga k "
                "ANTI JOIN kerja.keluarga_aktif a USING (id_keluarga_p3ke, snapshot)")
    versi = tulis_kab(cat, db_path, kab)
    for tabel in RINGKAS_ATAS:
        cat.execute(f'DELETE FROM "{nama}".main.{tabel}_kab WHERE kode = $k', {"k": kab})
        cat.execute(f'INSERT INTO "{nama}".main.{tabel}_kab BY NAME SELECT * FROM kerja.{tabel}_kab_baru')
    lama = cat.execute(f'SELECT versi FROM "{nama}".main.partisi WHERE kab = $k', {"k": kab}).fetchall()
    cat.execute(f'INSERT OR REPLACE INTO "{nama}".main.partisi VALUES ($k, $v)', {"k": kab, "v": versi})
    if id_impor is not None:
        cat.execute(f'INSERT INTO "{nama}".main.partisi_impor VALUES ($i, $k, $l, $v)',
                    {"i": id_impor, "k": kab, "l": lama[0][0] if lama else None, "v": versi})
    return versi


def pulihkan_kab(cat: duckdb.DuckDBPyConnection, db_path, kab: str, versi: str | None) -> None:
    """Point the catalog back at version `versi` of kabupaten `kab` (None: the kabupaten had no data), with its
    kabupaten aggregate rows as they were."""
    for tabel in RINGKAS_ATAS:
        cat.execute(f"DELETE FROM {tabel}_kab WHERE kode = $k", {"k": kab})
        if versi is not None:
            cat.execute(f"INSERT INTO {tabel}_kab BY NAME SELECT * FROM read_parquet("
                        f"{_kutip(str(berkas(db_path, kab, versi, tabel + '_kab')))})")
    cat.execute("DELETE FROM partisi WHERE kab = $k", {"k": kab})
    if versi is not None:
        cat.execute("INSERT INTO partisi VALUES ($k, $v)", {"k": kab, "v": versi})


def salin(asal, tujuan) -> Path:
    """Copy an installation's catalog and partitions to `tujuan` (a backup, a test's own database) and point the
    copy at its own partitions."""
    asal, tujuan = Path(asal), Path(tujuan)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(asal, tujuan)
    if folder(asal).exists():
        shutil.copytree(folder(asal), folder(tujuan), dirs_exist_ok=True)
    sesuaikan_folder(tujuan)
    return tujuan
