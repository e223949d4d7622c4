-- The catalog's tables (pke.gudang): regions, clusters, priority villages, targets, the import log. The
-- households and everything derived from them are kept per kabupaten (schema_kab.sql).
-- Base tables of the PKE database. Column names follow the P3KE exports (DESIGN.md).
-- Codes are dotted Kemendagri codes: '33', '33.15', '33.15.01', '33.15.01.2001'.

CREATE TABLE IF NOT EXISTS meta (
    kunci VARCHAR PRIMARY KEY,
    nilai VARCHAR
);

-- The eight clusters, filled from pke.klaster at build time so queries can join labels and order.
CREATE TABLE IF NOT EXISTS klaster (
    kunci VARCHAR PRIMARY KEY,
    label VARCHAR NOT NULL,
    label_singkat VARCHAR NOT NULL,
    urutan TINYINT NOT NULL,
    opd VARCHAR
);

CREATE TABLE IF NOT EXISTS wilayah (
    kode VARCHAR PRIMARY KEY,
    nama VARCHAR NOT NULL,
    tingkat VARCHAR NOT NULL,          -- provinsi | kabupaten | kecamatan | desa
    kode_induk VARCHAR,
    is_kelurahan BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE IF NOT EXISTS batas_wilayah (
    kode VARCHAR PRIMARY KEY,
    tingkat VARCHAR NOT NULL,
    nama VARCHAR,
    lat DOUBLE,
    lng DOUBLE,
    geojson VARCHAR,                   -- simplified GeoJSON geometry (lng, lat) for drawing
    wkb BLOB                           -- repaired full-resolution geometry
);



CREATE TABLE IF NOT EXISTS desa_prioritas (
    kode VARCHAR NOT NULL,
    tahun SMALLINT NOT NULL,
    dasar_penetapan VARCHAR,
    opd_pendamping VARCHAR,
    id_impor INTEGER,
    PRIMARY KEY (kode, tahun)
);

CREATE TABLE IF NOT EXISTS kabupaten_prioritas (
    kode VARCHAR PRIMARY KEY,          -- kabupaten/kota set as provincial priority
    dasar VARCHAR
);


CREATE TABLE IF NOT EXISTS ronde_verval (
    id INTEGER PRIMARY KEY,
    nama VARCHAR NOT NULL,
    kode_wilayah VARCHAR NOT NULL,     -- kabupaten (or province) the round covers
    mulai DATE NOT NULL,
    tenggat DATE NOT NULL              -- deadline for villages (Banjarnegara rakor: two days)
);

-- Targets set by the build or imported from a file. Targets edited in the app live in the operational store
-- (pke.operasional target_ubah, with their history) and reach queries as `target_app`; `target` is the newest of
-- the two per cell. A target is set per kabupaten/kota, kecamatan or priority village of its year (kode_wilayah of
-- 5, 8 or 13 characters) and is that region's own: a kabupaten's is never its kecamatan's summed (pke.progres).
CREATE TABLE IF NOT EXISTS target_dasar (
    kode_wilayah VARCHAR NOT NULL,
    klaster VARCHAR NOT NULL,
    tahun SMALLINT NOT NULL,
    triwulan TINYINT NOT NULL,
    target_keluarga INTEGER NOT NULL,  -- households whose gap is to be closed within this quarter
    diubah_oleh VARCHAR,
    diubah_pada TIMESTAMP,
    id_impor INTEGER,
    PRIMARY KEY (kode_wilayah, klaster, tahun, triwulan)
);

-- Empty here: shadowed at query time by the operational store's rows of the same shape (pke.db.jalankan).
CREATE TABLE IF NOT EXISTS target_app (
    kode_wilayah VARCHAR, klaster VARCHAR, tahun SMALLINT, triwulan TINYINT, target_keluarga BIGINT,
    diubah_oleh VARCHAR, diubah_pada TIMESTAMP
);
CREATE TABLE IF NOT EXISTS laporan_opd (
    id BIGINT, opd VARCHAR, kode_desa VARCHAR, klaster VARCHAR, tahun SMALLINT, triwulan TINYINT,
    keluarga_terjangkau BIGINT, program VARCHAR, sumber_dana VARCHAR, nilai_rp BIGINT
);
CREATE OR REPLACE VIEW target AS
SELECT kode_wilayah, klaster, tahun, triwulan, target_keluarga::INTEGER AS target_keluarga, diubah_oleh, diubah_pada,
       id_impor
FROM (
    SELECT kode_wilayah, klaster, tahun, triwulan, target_keluarga, diubah_oleh, diubah_pada, id_impor, 0 AS dari_app
    FROM target_dasar
    UNION ALL
    SELECT kode_wilayah, klaster, tahun, triwulan, target_keluarga, diubah_oleh, diubah_pada, NULL, 1
    FROM target_app
)
QUALIFY row_number() OVER (PARTITION BY kode_wilayah, klaster, tahun, triwulan
                           ORDER BY diubah_pada DESC NULLS LAST, dari_app DESC) = 1
    AND target_keluarga IS NOT NULL;


CREATE TABLE IF NOT EXISTS impor (
    id INTEGER PRIMARY KEY,
    file VARCHAR,
    hash VARCHAR,                      -- sha256 of the file: the same file is not imported twice
    jenis VARCHAR,                     -- keluarga | individu | ...
    snapshot DATE,
    waktu TIMESTAMP,
    baris_diterima INTEGER,
    baris_ditolak INTEGER,
    pengguna VARCHAR,
    dibatalkan_pada TIMESTAMP,         -- set when the import is undone
    dibatalkan_oleh VARCHAR
);
