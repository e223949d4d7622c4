-- kualitas_ringkas: one row with region $kode's counts of each data problem, and its families and people.
-- params: $kode (Kemendagri code, '' for all), $lingkup (the user's region scope, a code prefix; '' for all)
SELECT q.*,
       (SELECT sum(n_keluarga) FROM ringkas_keluarga WHERE kode = $kode AND di_bawah($kode, $lingkup))::BIGINT AS keluarga,
       (SELECT sum(n_individu) FROM ringkas_keluarga WHERE kode = $kode AND di_bawah($kode, $lingkup))::BIGINT AS individu
FROM ringkas_kualitas q
WHERE q.kode = $kode AND di_bawah($kode, $lingkup);
