-- keluarga_per_desil: one row per welfare decile (1..4) of region $kode: families and people.
-- params: $kode (Kemendagri code), $lingkup (the user's region scope, a code prefix; '' for all)
SELECT d.desil, coalesce(sum(r.n_keluarga), 0)::BIGINT AS keluarga, coalesce(sum(r.n_individu), 0)::BIGINT AS individu
FROM (SELECT unnest([1, 2, 3, 4]) AS desil) d
LEFT JOIN ringkas_keluarga r ON r.desil = d.desil AND r.kode = $kode AND di_bawah($kode, $lingkup)
GROUP BY d.desil
ORDER BY d.desil;
