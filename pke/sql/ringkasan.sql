-- Small, pre-aggregated relations the pages read. Run after kebutuhan.sql and after interventions
-- and targets are in place. Time is a quarter index qi = tahun * 4 + triwulan - 1, so "as of the end of
-- quarter q" is a plain comparison: tagged when qi_tag <= q, done when qi_selesai <= q.

-- One row: one household gap (household x cluster) with what has been done about it.
CREATE OR REPLACE TABLE kebutuhan AS
SELECT
    kd.id_keluarga_p3ke,
    kd.kode_desa,
    kd.klaster,
    min(i.tanggal) AS tanggal_tag,
    min(i.tanggal_selesai) FILTER (WHERE i.status = 'selesai') AS tanggal_selesai,
    CASE WHEN bool_or(i.status = 'selesai') THEN 'selesai'
         WHEN bool_or(i.status = 'proses') THEN 'proses'
         WHEN count(i.id) > 0 THEN 'rencana' END AS status_akhir
FROM kebutuhan_dasar kd
LEFT JOIN intervensi i
  ON i.id_keluarga_p3ke = kd.id_keluarga_p3ke AND i.klaster = kd.klaster
GROUP BY ALL
ORDER BY kd.kode_desa;

-- The aggregates below hold one set of rows per region at every level — nation (kode ''), province,
-- kabupaten, kecamatan, desa — so a page asks for exactly its region (kode = $kode) or its children
-- (kode_induk = $kode) and reads a few hundred rows at any scale. Rows are sorted by kode, so a
-- region's rows are contiguous and DuckDB's zone maps skip the rest.
-- Levels derived per kabupaten: the kabupaten itself, its kecamatan and villages. The province and national rows
-- are summed from the kabupaten rows in the catalog (pke.gudang.segarkan_katalog).
CREATE OR REPLACE TEMP TABLE tingkat AS SELECT unnest([5, 8, 13]) AS panjang;

-- One row: the household gaps of one region and cluster that share a tagging quarter, a completion
-- quarter and a final status. Status as of quarter q: selesai if qi_selesai <= q; otherwise tagged
-- (rencana, or proses when the last known status is beyond rencana) if qi_tag <= q; otherwise belum.
CREATE OR REPLACE TABLE ringkas_kebutuhan AS
WITH desa AS (
    SELECT kode_desa, klaster,
           (year(tanggal_tag) * 4 + quarter(tanggal_tag) - 1)::INTEGER AS qi_tag,
           (year(tanggal_selesai) * 4 + quarter(tanggal_selesai) - 1)::INTEGER AS qi_selesai,
           status_akhir, count(*) AS n
    FROM kebutuhan
    GROUP BY ALL
)
SELECT left(kode_desa, t.panjang) AS kode, kode_induk(left(kode_desa, t.panjang)) AS kode_induk,
       klaster, qi_tag, qi_selesai, status_akhir, sum(n)::INTEGER AS n
FROM desa CROSS JOIN tingkat t
GROUP BY ALL
ORDER BY kode, klaster;

-- One row: interventions of one region, cluster, OPD, funding source, status and quarters.
CREATE OR REPLACE TABLE ringkas_intervensi AS
WITH desa AS (
    SELECT kode_kemendagri AS kode_desa, klaster, opd, sumber_dana, status AS status_akhir,
           (year(tanggal) * 4 + quarter(tanggal) - 1)::INTEGER AS qi_tag,
           (year(tanggal_selesai) * 4 + quarter(tanggal_selesai) - 1)::INTEGER AS qi_selesai,
           count(*) AS n, sum(nilai_rp) AS nilai_rp
    FROM intervensi
    GROUP BY ALL
)
SELECT left(kode_desa, t.panjang) AS kode, kode_induk(left(kode_desa, t.panjang)) AS kode_induk,
       klaster, opd, sumber_dana, status_akhir, qi_tag, qi_selesai,
       sum(n)::INTEGER AS n, sum(nilai_rp)::BIGINT AS nilai_rp
FROM desa CROSS JOIN tingkat t
GROUP BY ALL
ORDER BY kode, klaster;

-- One row: the households of one region and desil that share whether they have any gap, the quarter
-- in which their last gap was closed (qi_tuntas, NULL while any gap remains) and the quarter their first
-- intervention was tagged (qi_tag, NULL if none).
CREATE OR REPLACE TABLE ringkas_keluarga AS
WITH per_keluarga AS (
    SELECT
        k.id_keluarga_p3ke,
        k.kode_kemendagri AS kode_desa,
        k.desil_kesejahteraan AS desil,
        coalesce(a.n_individu, 0) AS n_individu,
        count(kb.klaster) AS n_kebutuhan,
        count(kb.tanggal_selesai) AS n_selesai,
        max(kb.tanggal_selesai) AS tanggal_tuntas,
        min(kb.tanggal_tag) AS tanggal_tag
    FROM keluarga_aktif k
    LEFT JOIN anggota_keluarga a USING (id_keluarga_p3ke)
    LEFT JOIN kebutuhan kb USING (id_keluarga_p3ke)
    GROUP BY ALL
),
desa AS (
    SELECT
        kode_desa,
        desil,
        n_kebutuhan > 0 AS punya_kebutuhan,
        CASE WHEN n_kebutuhan > 0 AND n_selesai = n_kebutuhan
             THEN (year(tanggal_tuntas) * 4 + quarter(tanggal_tuntas) - 1)::INTEGER END AS qi_tuntas,
        (year(tanggal_tag) * 4 + quarter(tanggal_tag) - 1)::INTEGER AS qi_tag,
        count(*) AS n_keluarga,
        sum(n_individu) AS n_individu
    FROM per_keluarga
    GROUP BY ALL
)
SELECT left(kode_desa, t.panjang) AS kode, kode_induk(left(kode_desa, t.panjang)) AS kode_induk,
       desil, punya_kebutuhan, qi_tuntas, qi_tag,
       sum(n_keluarga)::INTEGER AS n_keluarga, sum(n_individu)::INTEGER AS n_individu
FROM desa CROSS JOIN tingkat t
GROUP BY ALL
ORDER BY kode;

-- One row: the families, desil-1 families and people of one region (kabupaten level and below) in one P3KE
-- snapshot, so a past quarter counts the snapshot that was current then (quarter-over-quarter comparison).
CREATE OR REPLACE TABLE ringkas_snapshot AS
WITH anggota AS (
    SELECT id_keluarga_p3ke, snapshot, count(*) AS n
    FROM individu WHERE coalesce(keterangan, '') NOT IN ('Meninggal', 'Pindah')
    GROUP BY ALL
),
desa AS (
    SELECT k.kode_kemendagri AS kode_desa, k.snapshot, count(*) AS n_keluarga,
           count(*) FILTER (WHERE k.desil_kesejahteraan = 1) AS n_desil1, sum(coalesce(a.n, 0)) AS n_individu
    FROM keluarga k LEFT JOIN anggota a USING (id_keluarga_p3ke, snapshot)
    GROUP BY ALL
)
SELECT left(kode_desa, t.panjang) AS kode, left(kode_desa, 5) AS kode_kab, snapshot,
       sum(n_keluarga)::BIGINT AS n_keluarga, sum(n_desil1)::BIGINT AS n_desil1, sum(n_individu)::BIGINT AS n_individu
FROM desa CROSS JOIN tingkat t
GROUP BY ALL
ORDER BY kode, snapshot;

-- One row: a region's counts of the data problems the source documents describe (people not matched to
-- Dukcapil, deceased or moved members, household heads whose NIK appears in another household, RTLH status
-- that disagrees between P3KE and the Disperakim list, gaps with no intervention tagged, households in P3KE
-- but not in DTKS and the reverse).
CREATE OR REPLACE TABLE ringkas_kualitas AS
WITH nik_ganda AS (
    SELECT nik FROM keluarga_aktif WHERE nik IS NOT NULL GROUP BY nik HAVING count(*) > 1
),
rtlh_p3ke AS (SELECT DISTINCT id_keluarga_p3ke FROM kebutuhan WHERE klaster = 'rtlh'),
daftar AS (SELECT DISTINCT id FROM sumber_sektor WHERE klaster = 'rtlh'),
dtks AS (SELECT DISTINCT id FROM sumber_sektor WHERE sumber = 'DTKS'),
per_keluarga AS (
    SELECT k.kode_kemendagri AS kode_desa,
           k.nik IN (SELECT nik FROM nik_ganda) AS nik_ganda,
           r.id_keluarga_p3ke IS NOT NULL AS rtlh_p3ke,
           d.id IS NOT NULL AS rtlh_daftar,
           t.id IS NOT NULL AS di_dtks
    FROM keluarga_aktif k
    LEFT JOIN rtlh_p3ke r USING (id_keluarga_p3ke)
    LEFT JOIN daftar d ON d.id = k.id_keluarga_p3ke
    LEFT JOIN dtks t ON t.id = k.id_keluarga_p3ke
),
desa_kel AS (
    SELECT kode_desa,
           count(*) FILTER (WHERE nik_ganda) AS keluarga_nik_ganda,
           count(*) FILTER (WHERE rtlh_p3ke AND NOT rtlh_daftar) AS rtlh_tidak_di_daftar,
           count(*) FILTER (WHERE rtlh_daftar AND NOT rtlh_p3ke) AS daftar_bukan_rtlh,
           count(*) FILTER (WHERE NOT di_dtks) AS p3ke_tidak_di_dtks
    FROM per_keluarga GROUP BY 1
),
desa_dtks AS (
    SELECT s.kode_kemendagri AS kode_desa, count(DISTINCT s.id) AS dtks_tidak_di_p3ke
    FROM sumber_sektor s LEFT JOIN keluarga_aktif k ON k.id_keluarga_p3ke = s.id
    WHERE s.sumber = 'DTKS' AND k.id_keluarga_p3ke IS NULL
    GROUP BY 1
),
nik_individu_ganda AS (
    SELECT i.nik FROM individu i JOIN keluarga_aktif k USING (id_keluarga_p3ke, snapshot)
    WHERE i.nik IS NOT NULL GROUP BY i.nik HAVING count(*) > 1
),
desa_ind AS (
    SELECT k.kode_kemendagri AS kode_desa,
           count(*) FILTER (WHERE i.nik IN (SELECT nik FROM nik_individu_ganda)) AS individu_nik_ganda,
           count(*) FILTER (WHERE NOT coalesce(i.padan_dukcapil, FALSE)) AS individu_tidak_padan,
           count(*) FILTER (WHERE i.keterangan = 'Meninggal') AS individu_meninggal,
           count(*) FILTER (WHERE i.keterangan = 'Pindah') AS individu_pindah
    FROM individu i JOIN keluarga_aktif k USING (id_keluarga_p3ke, snapshot)
    GROUP BY 1
),
desa_keb AS (
    SELECT kode_desa, count(*) FILTER (WHERE tanggal_tag IS NULL) AS kebutuhan_tanpa_intervensi
    FROM kebutuhan GROUP BY 1
),
desa AS (
    SELECT kode_desa, coalesce(dk.keluarga_nik_ganda, 0) AS keluarga_nik_ganda,
           coalesce(dk.rtlh_tidak_di_daftar, 0) AS rtlh_tidak_di_daftar,
           coalesce(dk.daftar_bukan_rtlh, 0) AS daftar_bukan_rtlh,
           coalesce(di.individu_tidak_padan, 0) AS individu_tidak_padan,
           coalesce(di.individu_nik_ganda, 0) AS individu_nik_ganda,
           coalesce(di.individu_meninggal, 0) AS individu_meninggal,
           coalesce(di.individu_pindah, 0) AS individu_pindah,
           coalesce(dkb.kebutuhan_tanpa_intervensi, 0) AS kebutuhan_tanpa_intervensi,
           coalesce(dk.p3ke_tidak_di_dtks, 0) AS p3ke_tidak_di_dtks,
           coalesce(dd.dtks_tidak_di_p3ke, 0) AS dtks_tidak_di_p3ke
    FROM desa_kel dk
    FULL JOIN desa_ind di USING (kode_desa)
    FULL JOIN desa_keb dkb USING (kode_desa)
    FULL JOIN desa_dtks dd USING (kode_desa)
)
SELECT left(kode_desa, t.panjang) AS kode, kode_induk(left(kode_desa, t.panjang)) AS kode_induk,
       sum(keluarga_nik_ganda)::INTEGER AS keluarga_nik_ganda,
       sum(rtlh_tidak_di_daftar)::INTEGER AS rtlh_tidak_di_daftar,
       sum(daftar_bukan_rtlh)::INTEGER AS daftar_bukan_rtlh,
       sum(individu_tidak_padan)::INTEGER AS individu_tidak_padan,
       sum(individu_nik_ganda)::INTEGER AS individu_nik_ganda,
       sum(individu_meninggal)::INTEGER AS individu_meninggal,
       sum(individu_pindah)::INTEGER AS individu_pindah,
       sum(kebutuhan_tanpa_intervensi)::INTEGER AS kebutuhan_tanpa_intervensi,
       sum(p3ke_tidak_di_dtks)::INTEGER AS p3ke_tidak_di_dtks,
       sum(dtks_tidak_di_p3ke)::INTEGER AS dtks_tidak_di_p3ke
FROM desa CROSS JOIN tingkat t
GROUP BY ALL
ORDER BY kode;

-- One row: a household of the active snapshot with what the household list filters, scores and shows:
-- its open gaps and their status as of the latest data, and its vulnerability signs.
CREATE OR REPLACE TABLE keluarga_fitur AS
WITH keb AS (
    SELECT kb.id_keluarga_p3ke,
           list(k.label_singkat ORDER BY k.urutan) FILTER (WHERE kb.tanggal_selesai IS NULL) AS kebutuhan_terbuka,
           list(kb.klaster ORDER BY k.urutan) FILTER (WHERE kb.tanggal_selesai IS NULL) AS klaster_terbuka,
           list_sort(list_distinct(list(CASE WHEN kb.tanggal_selesai IS NOT NULL THEN 'selesai'
                                   ELSE coalesce(kb.status_akhir, 'belum') END))) AS status_kebutuhan,
           count(*) FILTER (WHERE kb.tanggal_selesai IS NULL) AS n_terbuka,
           count(kb.tanggal_tag) AS n_tertandai
    FROM kebutuhan kb JOIN klaster k ON k.kunci = kb.klaster
    GROUP BY 1
)
SELECT
    k.id_keluarga_p3ke,
    k.kode_kemendagri AS kode_desa,
    k.desil_kesejahteraan AS desil,
    k.kepala_keluarga,
    k.nik,
    k.alamat,
    coalesce(a.n_individu, 0) AS n_individu,
    coalesce(a.kepala_lansia, FALSE) AS kepala_lansia,
    coalesce(a.n_individu, 0) = 1 AS tinggal_sendiri,
    coalesce(a.ada_disabilitas, FALSE) AS ada_disabilitas,
    coalesce(a.ada_kronis, FALSE) AS ada_kronis,
    NOT coalesce(k.penerima_bpnt OR k.penerima_bpum OR k.penerima_bst OR k.penerima_pkh OR k.penerima_sembako, FALSE)
        AND coalesce(keb.n_tertandai, 0) = 0 AS belum_terjangkau,
    coalesce(keb.n_terbuka, 0)::INTEGER AS n_kebutuhan_terbuka,
    array_to_string(coalesce(keb.kebutuhan_terbuka, []), ', ') AS kebutuhan_terbuka,
    coalesce(keb.klaster_terbuka, []) AS klaster_terbuka,
    coalesce(keb.status_kebutuhan, []) AS status_kebutuhan
FROM keluarga_aktif k
LEFT JOIN anggota_keluarga a USING (id_keluarga_p3ke)
LEFT JOIN keb USING (id_keluarga_p3ke)
ORDER BY kode_desa;

-- The kabupaten rows of the aggregates go to the catalog (summed there into province and national rows); the
-- kecamatan and village rows stay in the kabupaten's Parquet files.
CREATE OR REPLACE TABLE ringkas_kebutuhan_kab_baru AS SELECT * FROM ringkas_kebutuhan WHERE length(kode) = 5 ORDER BY ALL;
DELETE FROM ringkas_kebutuhan WHERE length(kode) = 5;
CREATE OR REPLACE TABLE ringkas_intervensi_kab_baru AS SELECT * FROM ringkas_intervensi WHERE length(kode) = 5 ORDER BY ALL;
DELETE FROM ringkas_intervensi WHERE length(kode) = 5;
CREATE OR REPLACE TABLE ringkas_keluarga_kab_baru AS SELECT * FROM ringkas_keluarga WHERE length(kode) = 5 ORDER BY ALL;
DELETE FROM ringkas_keluarga WHERE length(kode) = 5;
CREATE OR REPLACE TABLE ringkas_kualitas_kab_baru AS SELECT * FROM ringkas_kualitas WHERE length(kode) = 5 ORDER BY ALL;
DELETE FROM ringkas_kualitas WHERE length(kode) = 5;
