-- wilayah_anak: one row per child region of $induk that has P3KE households in the database
-- ($induk = '' lists the provinces), ordered by code.
-- params: $induk (Kemendagri code or '')
SELECT w.kode, w.nama, w.tingkat
FROM (SELECT DISTINCT kode FROM ringkas_keluarga
      WHERE di_bawah(kode, $induk) AND kode_induk = $induk) anak
JOIN wilayah w USING (kode)
ORDER BY w.kode;
