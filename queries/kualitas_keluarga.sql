-- kualitas_keluarga: one row per household of region $kode with problem $masalah: 'nik_ganda' (the head's NIK is
-- also another household's), 'rtlh_tidak_di_daftar' (RTLH in P3KE, missing from the Disperakim list),
-- 'tidak_di_dtks' (in P3KE, not in DTKS), 'tanpa_intervensi' (a gap with no intervention tagged); at most $batas
-- rows (the totals are in kualitas_ringkas).
-- params: $kode, $masalah, $batas, $lingkup (the user's region scope, a code prefix; '' for all)
-- Every list is read for the region only (its kabupaten for NIK duplicates, as kualitas_ringkas counts them): the
-- partitions of other kabupaten are never scanned.
WITH ganda AS (SELECT nik FROM keluarga_aktif WHERE nik IS NOT NULL AND di_bawah(kode_kemendagri, left($kode, 5))
               GROUP BY nik HAVING count(*) > 1),
rtlh AS (SELECT DISTINCT id_keluarga_p3ke FROM kebutuhan WHERE klaster = 'rtlh' AND di_bawah(kode_desa, $kode)),
daftar AS (SELECT DISTINCT id FROM sumber_sektor WHERE klaster = 'rtlh' AND di_bawah(kode_kemendagri, $kode)),
dtks AS (SELECT DISTINCT id FROM sumber_sektor WHERE sumber = 'DTKS' AND di_bawah(kode_kemendagri, $kode)),
tanpa AS (SELECT id_keluarga_p3ke, string_agg(klaster, ', ' ORDER BY klaster) AS klaster
          FROM kebutuhan WHERE tanggal_tag IS NULL AND (di_bawah(kode_desa, $kode) AND di_bawah(kode_desa, $lingkup)) GROUP BY 1)
SELECT k.id_keluarga_p3ke, k.kepala_keluarga AS nama, k.nik, k.desil_kesejahteraan AS desil,
       w.nama AS desa, kec.nama AS kecamatan, t.klaster AS klaster_tanpa_intervensi
FROM keluarga_aktif k
JOIN wilayah w ON w.kode = k.kode_kemendagri
JOIN wilayah kec ON kec.kode = w.kode_induk
LEFT JOIN tanpa t USING (id_keluarga_p3ke)
WHERE (di_bawah(k.kode_kemendagri, $kode) AND di_bawah(k.kode_kemendagri, $lingkup))
  AND CASE $masalah
        WHEN 'nik_ganda' THEN k.nik IN (SELECT nik FROM ganda)
        WHEN 'rtlh_tidak_di_daftar' THEN k.id_keluarga_p3ke IN (SELECT id_keluarga_p3ke FROM rtlh)
                                         AND k.id_keluarga_p3ke NOT IN (SELECT id FROM daftar)
        WHEN 'tidak_di_dtks' THEN k.id_keluarga_p3ke NOT IN (SELECT id FROM dtks)
        WHEN 'tanpa_intervensi' THEN t.id_keluarga_p3ke IS NOT NULL
        ELSE FALSE END
ORDER BY k.kode_kemendagri, k.nik, k.id_keluarga_p3ke
LIMIT $batas;
