-- daftar_keluarga: one page of the households of region $kode that pass the filters, with their priority score
-- (weights $b_* from pke.prioritas, the rule shown on the page), highest score first: $batas rows from row $mulai
-- (0-based). The filters (the WHERE clause) are the same text in daftar_keluarga_jumlah (the total, for the pages)
-- and daftar_keluarga_ekspor (the whole list as a verval sheet); a test keeps the three identical.
-- Gaps and their status are as of the latest data (an operational list for verval, not a historical one).
-- Empty lists mean "no filter"; $status values are belum / rencana / proses / selesai; $cari ('' for none) matches
-- part of the head's name, a whole NIK (never a prefix: that would reveal masked digits one at a time), or an ID.
-- $pkh, $bpnt, $sembako, $bst, $bpum: TRUE recipients of the programme only, FALSE non-recipients only (an empty
-- value in the source counts as not receiving), NULL either. $lansia: the head is 60 or older; $sendiri: one member.
-- params: $kode, $cari, $desil, $klaster, $status, $lansia, $sendiri, $disabilitas, $kronis, $belum_terjangkau, $pkh, $bpnt, $sembako, $bst, $bpum, $mulai, $batas, $b_desil1, $b_desil2, $b_desil3, $b_kebutuhan, $b_lansia, $b_sendiri, $b_disabilitas, $b_kronis, $b_belum_terjangkau, $nama_sebagian, $lingkup (the user's region scope, a code prefix; '' for all)
SELECT
    f.id_keluarga_p3ke, f.kode_desa, w.nama AS desa, kec.nama AS kecamatan,
    f.kepala_keluarga, f.nik, f.alamat, f.desil, f.n_individu,
    f.kepala_lansia, f.tinggal_sendiri, f.ada_disabilitas, f.ada_kronis, f.belum_terjangkau,
    f.n_kebutuhan_terbuka, f.kebutuhan_terbuka,
    concat_ws(', ', CASE WHEN k.penerima_pkh THEN 'PKH' END, CASE WHEN k.penerima_bpnt THEN 'BPNT' END,
              CASE WHEN k.penerima_sembako THEN 'Sembako' END, CASE WHEN k.penerima_bst THEN 'BST' END,
              CASE WHEN k.penerima_bpum THEN 'BPUM' END) AS program_diterima,
    (CASE f.desil WHEN 1 THEN $b_desil1 WHEN 2 THEN $b_desil2 WHEN 3 THEN $b_desil3 ELSE 0 END
     + $b_kebutuhan * f.n_kebutuhan_terbuka
     + CASE WHEN f.kepala_lansia THEN $b_lansia ELSE 0 END
     + CASE WHEN f.tinggal_sendiri THEN $b_sendiri ELSE 0 END
     + CASE WHEN f.ada_disabilitas THEN $b_disabilitas ELSE 0 END
     + CASE WHEN f.ada_kronis THEN $b_kronis ELSE 0 END
     + CASE WHEN f.belum_terjangkau THEN $b_belum_terjangkau ELSE 0 END)::INTEGER AS skor
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
  AND ($bpum IS NULL OR coalesce(k.penerima_bpum, FALSE) = $bpum)
ORDER BY skor DESC, f.id_keluarga_p3ke
LIMIT $batas OFFSET $mulai;
