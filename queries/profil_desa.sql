-- profil_desa: one row describing village $kode in year $tahun: names up to the province, desa or
-- kelurahan, priority status with its legal basis and OPD pendamping, families and people in P3KE, and its
-- data-quality counts.
-- params: $kode (desa code), $tahun, $lingkup (the user's region scope, a code prefix; '' for all)
SELECT
    d.kode, d.nama, d.is_kelurahan,
    kec.kode AS kode_kecamatan, kec.nama AS kecamatan,
    kab.nama AS kabupaten, prov.nama AS provinsi,
    dp.kode IS NOT NULL AS prioritas, dp.dasar_penetapan, dp.opd_pendamping,
    (SELECT min(tahun) FROM desa_prioritas WHERE kode = $kode AND di_bawah($kode, $lingkup)) AS prioritas_sejak,
    coalesce((SELECT sum(n_keluarga) FROM ringkas_keluarga WHERE kode = $kode AND di_bawah($kode, $lingkup)), 0)::BIGINT AS keluarga,
    coalesce((SELECT sum(n_individu) FROM ringkas_keluarga WHERE kode = $kode AND di_bawah($kode, $lingkup)), 0)::BIGINT AS individu,
    q.individu_tidak_padan, q.individu_meninggal, q.individu_pindah, q.keluarga_nik_ganda,
    q.rtlh_tidak_di_daftar, q.daftar_bukan_rtlh, q.kebutuhan_tanpa_intervensi,
    b.kode IS NOT NULL AS ada_batas
FROM wilayah d
JOIN wilayah kec ON kec.kode = d.kode_induk
JOIN wilayah kab ON kab.kode = kec.kode_induk
JOIN wilayah prov ON prov.kode = kab.kode_induk
LEFT JOIN desa_prioritas dp ON dp.kode = d.kode AND dp.tahun = $tahun
LEFT JOIN ringkas_kualitas q ON q.kode = d.kode
LEFT JOIN batas_wilayah b ON b.kode = d.kode
WHERE d.kode = $kode AND di_bawah($kode, $lingkup) AND d.tingkat = 'desa';
