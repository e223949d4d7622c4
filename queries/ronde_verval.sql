-- ronde_verval: one row per verification round covering region $kode (set for its kabupaten or province).
-- params: $kode
SELECT id, nama, kode_wilayah, mulai, tenggat
FROM ronde_verval
WHERE starts_with($kode, kode_wilayah) OR di_bawah(kode_wilayah, $kode)
ORDER BY mulai DESC, id;
