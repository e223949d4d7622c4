-- kualitas_sektor: one row per record of a sector list in region $kode that P3KE does not match: $masalah
-- 'daftar_bukan_rtlh' (on the Disperakim RTLH list, not RTLH in P3KE) or 'dtks_tidak_di_p3ke' (in DTKS, not in
-- P3KE); at most $batas rows (the
-- totals are in kualitas_ringkas).
-- params: $kode, $masalah, $batas, $lingkup (the user's region scope, a code prefix; '' for all)
WITH rtlh AS (SELECT DISTINCT id_keluarga_p3ke FROM kebutuhan WHERE klaster = 'rtlh' AND di_bawah(kode_desa, $kode)),
aktif AS (SELECT id_keluarga_p3ke FROM keluarga_aktif WHERE di_bawah(kode_kemendagri, $kode))
SELECT s.sumber, s.id, s.nik, w.nama AS desa, kec.nama AS kecamatan
FROM sumber_sektor s
JOIN wilayah w ON w.kode = s.kode_kemendagri
JOIN wilayah kec ON kec.kode = w.kode_induk
WHERE (di_bawah(s.kode_kemendagri, $kode) AND di_bawah(s.kode_kemendagri, $lingkup))
  AND CASE $masalah
        WHEN 'daftar_bukan_rtlh' THEN s.klaster = 'rtlh' AND s.id NOT IN (SELECT id_keluarga_p3ke FROM rtlh)
        WHEN 'dtks_tidak_di_p3ke' THEN s.sumber = 'DTKS' AND s.id NOT IN (SELECT id_keluarga_p3ke FROM aktif)
        ELSE FALSE END
ORDER BY s.kode_kemendagri, s.id
LIMIT $batas;
