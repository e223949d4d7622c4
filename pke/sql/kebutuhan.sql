-- Derived gaps: one row of `kebutuhan` is one household of the active snapshot with one cluster gap.
-- The criteria are DESIGN.md's "eight indicator clusters", applied to the raw P3KE columns, so imported
-- files and demo data are judged by the same rule. Run after every import (pke.turunan). The two placeholders in
-- double braces below are filled in from pke/klaster.py, the one definition of each cluster (its SQL criterion).

-- The active households of a village are those of its newest covering snapshot (table liputan); a household
-- that moved keeps only its newest row.
CREATE OR REPLACE TABLE keluarga_aktif AS
SELECT k.*
FROM keluarga k
JOIN (SELECT kode_desa, max(snapshot) AS snapshot FROM liputan GROUP BY 1) l
  ON l.kode_desa = k.kode_kemendagri AND l.snapshot = k.snapshot
QUALIFY row_number() OVER (PARTITION BY k.id_keluarga_p3ke ORDER BY k.snapshot DESC, k.kode_kemendagri) = 1
ORDER BY k.kode_kemendagri, k.id_keluarga_p3ke;  -- a region's households are contiguous, so zone maps skip the rest

-- Member facts per household; people recorded as deceased or moved no longer count.
CREATE OR REPLACE TABLE anggota_keluarga AS
SELECT
    i.id_keluarga_p3ke,
    count(*)::INTEGER AS n_individu,
    coalesce(bool_or(i.usia BETWEEN 7 AND 18
                     AND i.status_sekolah IN ('Tidak sekolah lagi', 'Belum pernah sekolah')), FALSE) AS ada_ats,
    coalesce(bool_or(i.disabilitas), FALSE) AS ada_disabilitas,
    count(*) FILTER (WHERE i.usia BETWEEN 19 AND 59)::INTEGER AS n_usia_kerja,
    count(*) FILTER (WHERE i.usia BETWEEN 19 AND 59
                     AND i.pekerjaan NOT IN ('Tidak bekerja', 'Belum/tidak bekerja',
                                             'Mengurus rumah tangga', 'Pelajar/mahasiswa'))::INTEGER AS n_bekerja,
    coalesce(bool_or(i.usia >= 60 AND i.hubungan_dengan_kepala_keluarga = 'Kepala keluarga'), FALSE) AS kepala_lansia,
    coalesce(bool_or(i.penyakit_kronis), FALSE) AS ada_kronis
FROM (
    SELECT ind.*, date_sub('year', ind.tanggal_lahir, ind.snapshot) AS usia
    FROM individu ind
    JOIN keluarga_aktif ka USING (id_keluarga_p3ke, snapshot)
    WHERE coalesce(ind.keterangan, '') NOT IN ('Meninggal', 'Pindah')
) i
GROUP BY i.id_keluarga_p3ke
ORDER BY i.id_keluarga_p3ke;

CREATE OR REPLACE TABLE kebutuhan_dasar AS
WITH f AS (
    SELECT
        k.id_keluarga_p3ke,
        k.kode_kemendagri AS kode_desa,
        {{KRITERIA}}
    FROM keluarga_aktif k
    LEFT JOIN anggota_keluarga a USING (id_keluarga_p3ke)
    LEFT JOIN wilayah w ON w.kode = k.kode_kemendagri
)
SELECT id_keluarga_p3ke, kode_desa, klaster
FROM (UNPIVOT f ON {{KUNCI}}
      INTO NAME klaster VALUE ada)
WHERE ada
ORDER BY kode_desa, id_keluarga_p3ke, klaster;
