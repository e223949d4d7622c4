-- kualitas_individu: one row per member of region $kode with problem $masalah ('tidak_padan': not matched to
-- Dukcapil; 'meninggal' or 'pindah': recorded deceased or moved; 'nik_ganda_individu': a NIK held by more than
-- one member record), for follow-up; at most $batas rows (the
-- totals are in kualitas_ringkas).
-- params: $kode, $masalah, $batas, $lingkup (the user's region scope, a code prefix; '' for all)
WITH ganda AS (
    SELECT i.nik FROM individu i JOIN keluarga_aktif k USING (id_keluarga_p3ke, snapshot)
    WHERE $masalah = 'nik_ganda_individu' AND i.nik IS NOT NULL GROUP BY i.nik HAVING count(*) > 1
)
SELECT i.id_keluarga_p3ke, i.id_individu, i.nama, i.nik, i.hubungan_dengan_kepala_keluarga AS hubungan,
       w.nama AS desa, kec.nama AS kecamatan, i.keterangan
FROM keluarga_aktif k
JOIN individu i USING (id_keluarga_p3ke, snapshot)
JOIN wilayah w ON w.kode = k.kode_kemendagri
JOIN wilayah kec ON kec.kode = w.kode_induk
WHERE (di_bawah(k.kode_kemendagri, $kode) AND di_bawah(k.kode_kemendagri, $lingkup))
  AND CASE $masalah WHEN 'tidak_padan' THEN NOT coalesce(i.padan_dukcapil, FALSE)
                    WHEN 'meninggal' THEN i.keterangan = 'Meninggal'
                    WHEN 'pindah' THEN i.keterangan = 'Pindah'
                    WHEN 'nik_ganda_individu' THEN i.nik IN (SELECT nik FROM ganda) ELSE FALSE END
ORDER BY i.nik, k.kode_kemendagri, i.id_individu
LIMIT $batas;
