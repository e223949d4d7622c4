-- peta_garis: one row per boundary drawn as an outline within $kode: regions whose codes have $panjang
-- characters (e.g. kecamatan borders inside a kabupaten).
-- params: $kode (code prefix), $panjang, $lingkup (the user's region scope, a code prefix; '' for all)
SELECT kode, nama, geojson
FROM batas_wilayah
WHERE (di_bawah(kode, $kode) AND di_bawah(kode, $lingkup)) AND length(kode) = $panjang AND geojson IS NOT NULL
ORDER BY kode;
