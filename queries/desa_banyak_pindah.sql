-- desa_banyak_pindah: one row per village of region $kode with members recorded as moved, most first: moved
-- members and the share of its members (the Grobogan rakor named villages with many households that moved).
-- params: $kode, $lingkup (the user's region scope, a code prefix; '' for all)
SELECT w.nama AS desa, kec.nama AS kecamatan, q.individu_pindah,
       q.individu_pindah / nullif((SELECT sum(n_individu) FROM ringkas_keluarga r WHERE r.kode = q.kode)
                                  + q.individu_pindah + q.individu_meninggal, 0) AS persen_pindah
FROM ringkas_kualitas q
JOIN wilayah w ON w.kode = q.kode
JOIN wilayah kec ON kec.kode = w.kode_induk
WHERE (di_bawah(q.kode, $kode) AND di_bawah(q.kode, $lingkup)) AND length(q.kode) = 13 AND q.individu_pindah > 0
ORDER BY persen_pindah DESC
LIMIT 20;
