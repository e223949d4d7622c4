-- wilayah_anak: one row per child region of $induk that has P3KE households in the database
-- ($induk = '' lists the provinces), ordered by code.
-- params: $induk (Kemendagri code or '')
WITH anak AS (
    SELECT DISTINCT left(kode_desa, CASE length($induk) WHEN 0 THEN 2 WHEN 2 THEN 5 WHEN 5 THEN 8 ELSE 13 END) AS kode
    FROM ringkas_keluarga
    WHERE starts_with(kode_desa, $induk) AND kode_desa <> $induk
)
SELECT w.kode, w.nama, w.tingkat
FROM anak
JOIN wilayah w USING (kode)
ORDER BY w.kode;
