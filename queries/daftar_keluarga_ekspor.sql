-- daftar_keluarga_ekspor: one row per household of region $kode that passes the filters of daftar_keluarga (the
-- same FROM and WHERE, kept identical by a test; the region names joined after them), all of them, highest priority
-- score first: the P3KE 2022 export columns (as verval_keluarga) and the score, for the verval sheet and the CSV
-- of the whole filtered list. Read in batches by pke.ekspor, never held whole.
-- params: $kode, $cari, $desil, $klaster, $status, $lansia, $sendiri, $disabilitas, $kronis, $belum_terjangkau, $pkh, $bpnt, $sembako, $bst, $bpum, $b_desil1, $b_desil2, $b_desil3, $b_kebutuhan, $b_lansia, $b_sendiri, $b_disabilitas, $b_kronis, $b_belum_terjangkau, $nama_sebagian, $lingkup (the user's region scope, a code prefix; '' for all)
SELECT
    k.id_keluarga_p3ke, prov.nama AS provinsi, kab.nama AS kabupaten_kota, kec.nama AS kecamatan,
    w.nama AS desa_kelurahan, k.kode_kemendagri AS kode_kemdagri, k.desil_kesejahteraan, k.alamat,
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
    k.resiko_stunting::INTEGER AS resiko_stunting,
    (CASE f.desil WHEN 1 THEN $b_desil1 WHEN 2 THEN $b_desil2 WHEN 3 THEN $b_desil3 ELSE 0 END
     + $b_kebutuhan * f.n_kebutuhan_terbuka
     + CASE WHEN f.kepala_lansia THEN $b_lansia ELSE 0 END
     + CASE WHEN f.tinggal_sendiri THEN $b_sendiri ELSE 0 END
     + CASE WHEN f.ada_disabilitas THEN $b_disabilitas ELSE 0 END
     + CASE WHEN f.ada_kronis THEN $b_kronis ELSE 0 END
     + CASE WHEN f.belum_terjangkau THEN $b_belum_terjangkau ELSE 0 END)::INTEGER AS skor_prioritas
FROM keluarga_fitur f
JOIN keluarga_aktif k ON k.kode_kemendagri = f.kode_desa AND k.id_keluarga_p3ke = f.id_keluarga_p3ke
JOIN wilayah w ON w.kode = f.kode_desa
JOIN wilayah kec ON kec.kode = w.kode_induk
LEFT JOIN wilayah kab ON kab.kode = kec.kode_induk
LEFT JOIN wilayah prov ON prov.kode = kab.kode_induk
WHERE di_bawah(f.kode_desa, $kode) AND di_bawah(f.kode_desa, $lingkup)
  AND di_bawah(k.kode_kemendagri, $kode) AND di_bawah(k.kode_kemendagri, $lingkup)
  AND ($cari = '' OR f.nik = $cari OR f.id_keluarga_p3ke = $cari
       OR CASE WHEN $nama_sebagian THEN contains(lower(f.kepala_keluarga), lower($cari))
               ELSE lower(f.kepala_keluarga) = lower($cari) END)
  AND (len($desil) = 0 OR list_contains($desil, f.desil))
  AND (len($klaster) = 0 OR len(list_intersect(f.klaster_terbuka, $klaster)) > 0)
  AND (len($status) = 0 OR len(list_intersect(f.status_kebutuhan, $status)) > 0)
  AND (NOT $lansia OR f.kepala_lansia)
  AND (NOT $sendiri OR f.tinggal_sendiri)
  AND (NOT $disabilitas OR f.ada_disabilitas)
  AND (NOT $kronis OR f.ada_kronis)
  AND (NOT $belum_terjangkau OR f.belum_terjangkau)
  AND ($pkh IS NULL OR coalesce(k.penerima_pkh, FALSE) = $pkh)
  AND ($bpnt IS NULL OR coalesce(k.penerima_bpnt, FALSE) = $bpnt)
  AND ($sembako IS NULL OR coalesce(k.penerima_sembako, FALSE) = $sembako)
  AND ($bst IS NULL OR coalesce(k.penerima_bst, FALSE) = $bst)
  AND ($bpum IS NULL OR coalesce(k.penerima_bpum, FALSE) = $bpum)
ORDER BY skor_prioritas DESC, f.id_keluarga_p3ke;
