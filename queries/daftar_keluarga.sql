-- daftar_keluarga: one row per household of region $kode that passes the filters, with its priority score
-- (weights $b_* from pke.prioritas, the rule shown on the page), highest score first, at most $batas rows;
-- `total` is the number of households passing the filters. Gaps and their status are as of the latest data
-- (an operational list for verval, not a historical one). Empty lists mean "no filter"; $status values are
-- belum / rencana / proses / selesai; $cari ('' for none) matches part of the head's name, a whole NIK (never a prefix: that would reveal
-- masked digits one at a time), or an ID.
-- params: $kode, $cari, $desil, $klaster, $status, $lansia, $sendiri, $disabilitas, $kronis, $belum_terjangkau, $batas, $b_desil1, $b_desil2, $b_desil3, $b_kebutuhan, $b_lansia, $b_sendiri, $b_disabilitas, $b_kronis, $b_belum_terjangkau, $nama_sebagian, $lingkup (the user's region scope, a code prefix; '' for all)
SELECT
    f.id_keluarga_p3ke, f.kode_desa, w.nama AS desa, kec.nama AS kecamatan,
    f.kepala_keluarga, f.nik, f.alamat, f.desil, f.n_individu,
    f.kepala_lansia, f.tinggal_sendiri, f.ada_disabilitas, f.ada_kronis, f.belum_terjangkau,
    f.n_kebutuhan_terbuka, f.kebutuhan_terbuka,
    (CASE f.desil WHEN 1 THEN $b_desil1 WHEN 2 THEN $b_desil2 WHEN 3 THEN $b_desil3 ELSE 0 END
     + $b_kebutuhan * f.n_kebutuhan_terbuka
     + CASE WHEN f.kepala_lansia THEN $b_lansia ELSE 0 END
     + CASE WHEN f.tinggal_sendiri THEN $b_sendiri ELSE 0 END
     + CASE WHEN f.ada_disabilitas THEN $b_disabilitas ELSE 0 END
     + CASE WHEN f.ada_kronis THEN $b_kronis ELSE 0 END
     + CASE WHEN f.belum_terjangkau THEN $b_belum_terjangkau ELSE 0 END)::INTEGER AS skor,
    count(*) OVER () AS total
FROM keluarga_fitur f
JOIN wilayah w ON w.kode = f.kode_desa
JOIN wilayah kec ON kec.kode = w.kode_induk
WHERE (di_bawah(f.kode_desa, $kode) AND di_bawah(f.kode_desa, $lingkup))
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
ORDER BY skor DESC, f.id_keluarga_p3ke
LIMIT $batas;
