-- padan_per_wilayah: data matching of region $kode and of each of its child regions (the kabupaten/kota of a
-- province, the kecamatan of a kabupaten, the villages of a kecamatan), as the Kotawaringin Timur evaluation
-- ranked its kecamatan: one row per region with its member records of active households, those matched with
-- Dukcapil (padan_dukcapil) and the rate, and its families, those found in DTKS and the rate. `wilayah_ini` marks
-- the row of $kode itself (first); the children follow, worst Dukcapil rate first (then worst DTKS rate).
-- Member records are every member of an active household, the deceased and moved included — the rows that
-- ringkas_kualitas.individu_tidak_padan counts (ringkas_keluarga.n_individu counts the present members only).
-- Read from the precomputed aggregates only (ringkas_kualitas, ringkas_keluarga).
-- params: $kode (Kemendagri code, '' for all), $lingkup (the user's region scope, a code prefix; '' for all)
WITH kel AS (
    SELECT kode, sum(n_keluarga) AS keluarga, sum(n_individu) AS individu_ada
    FROM ringkas_keluarga
    WHERE (di_bawah(kode, $kode) AND di_bawah(kode, $lingkup)) AND (kode = $kode OR kode_induk = $kode)
    GROUP BY kode
),
baris AS (
    SELECT q.kode,
           q.kode = $kode AS wilayah_ini,
           (kel.individu_ada + q.individu_meninggal + q.individu_pindah)::BIGINT AS individu,
           (kel.individu_ada + q.individu_meninggal + q.individu_pindah - q.individu_tidak_padan)::BIGINT
               AS individu_padan,
           kel.keluarga::BIGINT AS keluarga,
           (kel.keluarga - q.p3ke_tidak_di_dtks)::BIGINT AS keluarga_dtks
    FROM ringkas_kualitas q
    JOIN kel USING (kode)
    WHERE (di_bawah(q.kode, $kode) AND di_bawah(q.kode, $lingkup)) AND (q.kode = $kode OR q.kode_induk = $kode)
)
SELECT b.kode, w.nama, b.wilayah_ini,
       b.individu, b.individu_padan, b.individu - b.individu_padan AS individu_tidak_padan,
       b.individu_padan / nullif(b.individu, 0) AS persen_padan,
       b.keluarga, b.keluarga_dtks, b.keluarga - b.keluarga_dtks AS keluarga_tidak_dtks,
       b.keluarga_dtks / nullif(b.keluarga, 0) AS persen_dtks
FROM baris b
JOIN wilayah w USING (kode)
ORDER BY b.wilayah_ini DESC, persen_padan ASC NULLS LAST, persen_dtks ASC NULLS LAST, w.nama, b.kode;
