-- Keys are kept by the writers (pke.impor deletes what a file replaces before inserting it), not by primary-key
-- indexes: an index must stay in memory, and at six times the province one kabupaten's member index no longer fit
-- the writer's memory limit.
-- Tables kept per kabupaten (pke.gudang): created in the in-memory working database of one kabupaten, filled
-- from its stored Parquet version, changed, derived (kebutuhan.sql, ringkasan.sql) and written as a new version.

CREATE TABLE IF NOT EXISTS keluarga (
    id_keluarga_p3ke VARCHAR NOT NULL,
    kode_kemendagri VARCHAR NOT NULL,  -- desa/kelurahan code
    desil_kesejahteraan TINYINT NOT NULL,
    alamat VARCHAR,
    kepala_keluarga VARCHAR,
    nik VARCHAR,
    padan_dukcapil BOOLEAN,
    jenis_kelamin VARCHAR,
    tanggal_lahir DATE,
    pekerjaan VARCHAR,
    pendidikan VARCHAR,
    kepemilikan_rumah VARCHAR,
    memiliki_simpanan_uang_perhiasan_ternak_lainnya BOOLEAN,
    jenis_atap VARCHAR,
    jenis_dinding VARCHAR,
    jenis_lantai VARCHAR,
    luas_lantai DOUBLE,                -- m², from DTKS/verval; NULL when unknown
    sumber_penerangan VARCHAR,
    bahan_bakar_memasak VARCHAR,
    sumber_air_minum VARCHAR,
    memiliki_fasilitas_buang_air_besar VARCHAR,
    jenis_kloset VARCHAR,
    penerima_bpnt BOOLEAN,
    penerima_bpum BOOLEAN,
    penerima_bst BOOLEAN,
    penerima_pkh BOOLEAN,
    penerima_sembako BOOLEAN,
    resiko_stunting BOOLEAN,
    status_verval VARCHAR,             -- belum | sudah
    tanggal_verval DATE,               -- when the village verified and validated the household
    snapshot DATE NOT NULL,            -- date of the P3KE data this row comes from
    id_impor INTEGER                   -- the import that brought the row (NULL for demo data); key (id, snapshot)
);

CREATE TABLE IF NOT EXISTS individu (
    id_individu VARCHAR NOT NULL,
    id_keluarga_p3ke VARCHAR NOT NULL,
    snapshot DATE NOT NULL,
    nama VARCHAR,
    nik VARCHAR,
    padan_dukcapil BOOLEAN,
    jenis_kelamin VARCHAR,
    hubungan_dengan_kepala_keluarga VARCHAR,
    tanggal_lahir DATE,
    status_sekolah VARCHAR,            -- Masih sekolah | Tidak sekolah lagi | Belum pernah sekolah | NULL
    disabilitas BOOLEAN,
    penyakit_kronis BOOLEAN,           -- DTKS Penyakit_kronis / verval
    pekerjaan VARCHAR,                 -- 'Tidak bekerja' or an occupation
    keterangan VARCHAR,                -- NULL, 'Meninggal', 'Pindah'
    id_impor INTEGER  -- key (id_individu, snapshot)
);

CREATE TABLE IF NOT EXISTS intervensi (
    id VARCHAR NOT NULL,               -- key
    id_keluarga_p3ke VARCHAR,
    kode_kemendagri VARCHAR NOT NULL,  -- desa of the household (or the village for village-level work)
    klaster VARCHAR NOT NULL,
    program VARCHAR,
    opd VARCHAR,
    sumber_dana VARCHAR,
    status VARCHAR NOT NULL,           -- rencana | proses | selesai
    tanggal DATE NOT NULL,             -- date the intervention was tagged (planned)
    tanggal_selesai DATE,              -- date it was done; NULL unless status = 'selesai'
    nilai_rp BIGINT,
    id_impor INTEGER
);

CREATE TABLE IF NOT EXISTS sumber_sektor (
    sumber VARCHAR NOT NULL,           -- e.g. 'Disperakim RTLH', 'DTKS'
    nik VARCHAR,
    id VARCHAR,
    kode_kemendagri VARCHAR,
    klaster VARCHAR,
    status VARCHAR,
    id_impor INTEGER
);

-- Which snapshot is active in each village: a household file covers the villages it contains (or, when the user
-- chose so, its whole kabupaten) from its snapshot date on. A village's active households are those of its newest
-- covering snapshot.
CREATE TABLE IF NOT EXISTS liputan (
    kode_desa VARCHAR NOT NULL,
    snapshot DATE NOT NULL,
    id_impor INTEGER  -- key (kode_desa, snapshot)
);
