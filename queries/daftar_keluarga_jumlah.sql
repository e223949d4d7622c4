-- daftar_keluarga_jumlah: one row, `total`: the number of households of region $kode that pass the filters of
-- daftar_keluarga (the same FROM and WHERE text, kept identical by a test), for its pages and its export.
-- params: $kode, $cari, $desil, $klaster, $status, $lansia, $sendiri, $disabilitas, $kronis, $belum_terjangkau, $pkh, $bpnt, $sembako, $bst, $bpum, $nama_sebagian, $lingkup (the user's region scope, a code prefix; '' for all)
SELECT count(*)::INTEGER AS total
FROM keluarga_fitur f
JOIN keluarga_aktif k ON k.kode_kemendagri = f.kode_desa AND k.id_keluarga_p3ke = f.id_keluarga_p3ke
JOIN wilayah w ON w.kode = f.kode_desa
JOIN wilayah kec ON kec.kode = w.kode_induk
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
  AND ($bpum IS NULL OR coalesce(k.penerima_bpum, FALSE) = $bpum);
