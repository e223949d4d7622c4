-- wilayah_anak: one row per child region of $induk that has P3KE households in the database
-- ($induk = '' lists the provinces), ordered by code: only regions inside the user's scope, or above it (the
-- path down to it).
-- params: $induk (Kemendagri code or ''), $lingkup (the user's region scope, a code prefix; '' for all)
SELECT w.kode, w.nama, w.tingkat
FROM (SELECT DISTINCT kode FROM ringkas_keluarga
      WHERE di_bawah(kode, $induk) AND kode_induk = $induk
        AND (di_bawah(kode, $lingkup) OR di_bawah($lingkup, kode))) anak
JOIN wilayah w USING (kode)
ORDER BY w.kode;
