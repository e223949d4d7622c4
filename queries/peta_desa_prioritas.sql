-- peta_desa_prioritas: one row per priority village of the selected year within $kode, with its kecamatan's name
-- and its boundary, for outlining (and clicking) on the province map.
-- params: $kode (code prefix), $tahun, $lingkup (the user's region scope, a code prefix; '' for all)
SELECT d.kode, w.nama, kec.nama AS nama_induk, d.opd_pendamping, b.geojson
FROM desa_prioritas d
JOIN wilayah w USING (kode)
LEFT JOIN wilayah kec ON kec.kode = w.kode_induk
JOIN batas_wilayah b USING (kode)
WHERE (di_bawah(d.kode, $kode) AND di_bawah(d.kode, $lingkup)) AND d.tahun = $tahun
ORDER BY d.kode;
