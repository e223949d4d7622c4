-- ronde_verval: one row per verification round covering region $kode (set for its kabupaten or province).
-- params: $kode, $lingkup (the user's region scope, a code prefix; '' for all)
SELECT id, nama, kode_wilayah, mulai, tenggat
FROM ronde_verval
WHERE (starts_with($kode, kode_wilayah) OR di_bawah(kode_wilayah, $kode)) AND di_bawah($kode, $lingkup)
ORDER BY mulai DESC, id;
