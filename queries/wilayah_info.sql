-- wilayah_info: one row per region on the path from the province down to $kode (the region itself last),
-- with its name and level, for titles and breadcrumbs.
-- params: $kode (Kemendagri code)
SELECT kode, nama, tingkat
FROM wilayah
WHERE kode IN (left($kode, 2), left($kode, 5), left($kode, 8), $kode)
ORDER BY length(kode);
