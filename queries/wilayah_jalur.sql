-- wilayah_jalur: region $kode and the regions above it, province first (the title of a report).
-- params: $kode (Kemendagri code; '' gives no rows)
SELECT kode, nama, tingkat
FROM wilayah
WHERE $kode <> '' AND starts_with($kode, kode) AND (length($kode) = length(kode) OR substr($kode, length(kode) + 1, 1) = '.')
ORDER BY length(kode);
