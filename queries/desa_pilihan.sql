-- desa_pilihan: the villages of region $kode a presenter can open on the wall — priority villages of $tahun
-- first, then the others, each with its kecamatan; only villages inside the user's scope.
-- params: $kode (any region code; '' for all), $tahun, $lingkup (the user's region scope, a code prefix; '' for all)
SELECT d.kode, w.nama, k.nama AS kecamatan,
       EXISTS (SELECT 1 FROM desa_prioritas p WHERE p.kode = d.kode AND p.tahun = $tahun) AS prioritas
FROM (SELECT DISTINCT kode, kode_induk FROM ringkas_keluarga
      WHERE length(kode) = 13 AND di_bawah(kode, $kode) AND di_bawah(kode, $lingkup)) d
JOIN wilayah w ON w.kode = d.kode
JOIN wilayah k ON k.kode = d.kode_induk
ORDER BY prioritas DESC, kecamatan, w.nama
LIMIT 300;  -- a province has 8,563: the priority villages come first; narrow the region for the others
