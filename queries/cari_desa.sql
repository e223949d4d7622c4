-- cari_desa: villages of the user's scope whose name contains $cari (case-insensitive; a plain substring, never a
-- pattern), those whose name starts with it first, then priority villages of $tahun, with kecamatan and kabupaten
-- names — the sidebar's village search. At most 12.
-- params: $cari (text typed by the user), $tahun, $lingkup (the user's region scope, a code prefix; '' for all)
WITH ada AS (  -- villages with P3KE households in the database
    SELECT DISTINCT kode FROM ringkas_keluarga
    WHERE length(kode) = 13 AND di_bawah(kode, $lingkup)
)
SELECT d.kode, d.nama, kec.nama AS kecamatan, kab.nama AS kabupaten, p.kode IS NOT NULL AS prioritas
FROM wilayah d
JOIN ada USING (kode)
LEFT JOIN (SELECT DISTINCT kode FROM desa_prioritas WHERE tahun = $tahun) p ON p.kode = d.kode
JOIN wilayah kec ON kec.kode = d.kode_induk
JOIN wilayah kab ON kab.kode = kec.kode_induk
WHERE strpos(lower(d.nama), lower(trim($cari))) > 0
ORDER BY NOT starts_with(lower(d.nama), lower(trim($cari))), p.kode IS NULL, d.nama, d.kode
LIMIT 12;
