-- verval_keluarga: one row per household in $ids with the P3KE 2022 export columns (region names included),
-- for the field verification (verval) sheet.
-- params: $ids (list of id_keluarga_p3ke), $lingkup (the user's region scope, a code prefix; '' for all)
SELECT
    k.id_keluarga_p3ke, prov.nama AS provinsi, kab.nama AS kabupaten_kota, kec.nama AS kecamatan,
    d.nama AS desa_kelurahan, k.kode_kemendagri AS kode_kemdagri, k.desil_kesejahteraan, k.alamat,
    k.kepala_keluarga, k.nik, CASE WHEN k.padan_dukcapil THEN 'Padan' ELSE 'Tidak Padan' END AS padan_dukcapil,
    k.jenis_kelamin, k.tanggal_lahir, k.pekerjaan, k.pendidikan, k.kepemilikan_rumah,
    CASE WHEN k.memiliki_simpanan_uang_perhiasan_ternak_lainnya THEN 'Ya' ELSE 'Tidak' END
        AS memiliki_simpanan_uang_perhiasan_ternak_lainnya,
    k.jenis_atap, k.jenis_dinding, k.jenis_lantai, k.sumber_penerangan, k.bahan_bakar_memasak, k.sumber_air_minum,
    k.memiliki_fasilitas_buang_air_besar,
    CASE WHEN k.penerima_bpnt THEN 'Ya' ELSE 'Tidak' END AS penerima_bpnt,
    CASE WHEN k.penerima_bpum THEN 'Ya' ELSE 'Tidak' END AS penerima_bpum,
    CASE WHEN k.penerima_bst THEN 'Ya' ELSE 'Tidak' END AS penerima_bst,
    CASE WHEN k.penerima_pkh THEN 'Ya' ELSE 'Tidak' END AS penerima_pkh,
    CASE WHEN k.penerima_sembako THEN 'Ya' ELSE 'Tidak' END AS penerima_sembako,
    k.resiko_stunting::INTEGER AS resiko_stunting
FROM keluarga_aktif k
JOIN wilayah d ON d.kode = k.kode_kemendagri
JOIN wilayah kec ON kec.kode = d.kode_induk
JOIN wilayah kab ON kab.kode = kec.kode_induk
JOIN wilayah prov ON prov.kode = kab.kode_induk
WHERE list_contains($ids, k.id_keluarga_p3ke) AND di_bawah(k.kode_kemendagri, $lingkup);
