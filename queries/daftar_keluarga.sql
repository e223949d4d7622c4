-- daftar_keluarga: one row per household of region $kode that passes the filters, with its priority score
-- (weights $b_* from pke.prioritas, the rule shown on the page), highest score first, at most $batas rows;
-- `total` is the number of households passing the filters. Gap status is as of the end of the quarter.
-- Empty lists mean "no filter"; $status values are belum / rencana / proses / selesai.
-- params: $kode, $tahun, $triwulan, $desil, $klaster, $status, $lansia, $sendiri, $disabilitas, $kronis, $belum_terjangkau, $batas, $b_desil1, $b_desil2, $b_desil3, $b_kebutuhan, $b_lansia, $b_sendiri, $b_disabilitas, $b_kronis, $b_belum_terjangkau
WITH p AS (SELECT ($tahun * 4 + $triwulan - 1)::INTEGER AS qi),
keb AS (
    SELECT
        kb.id_keluarga_p3ke,
        kb.klaster,
        k.label_singkat,
        k.urutan,
        status_pada((year(kb.tanggal_tag) * 4 + quarter(kb.tanggal_tag) - 1)::INTEGER,
                    (year(kb.tanggal_selesai) * 4 + quarter(kb.tanggal_selesai) - 1)::INTEGER,
                    kb.status_akhir, p.qi) AS status
    FROM kebutuhan kb
    CROSS JOIN p
    JOIN klaster k ON k.kunci = kb.klaster
    WHERE di_bawah(kb.kode_desa, $kode)
),
per_keluarga AS (
    SELECT
        id_keluarga_p3ke,
        list(label_singkat ORDER BY urutan) FILTER (WHERE status <> 'selesai') AS kebutuhan_terbuka,
        list(klaster) FILTER (WHERE status <> 'selesai') AS klaster_terbuka,
        list_distinct(list(status)) AS status_kebutuhan,
        count(*) FILTER (WHERE status <> 'selesai') AS n_terbuka,
        count(*) FILTER (WHERE status <> 'belum') AS n_tertandai
    FROM keb
    GROUP BY 1
),
dinilai AS (
    SELECT
        f.*,
        coalesce(pk.n_terbuka, 0) AS n_kebutuhan_terbuka,
        coalesce(pk.kebutuhan_terbuka, []) AS kebutuhan_terbuka,
        coalesce(pk.klaster_terbuka, []) AS klaster_terbuka,
        coalesce(pk.status_kebutuhan, []) AS status_kebutuhan,
        NOT f.penerima_bansos AND coalesce(pk.n_tertandai, 0) = 0 AS belum_terjangkau
    FROM keluarga_fitur f
    LEFT JOIN per_keluarga pk USING (id_keluarga_p3ke)
    WHERE di_bawah(f.kode_desa, $kode)
)
SELECT
    d.id_keluarga_p3ke, d.kode_desa, w.nama AS desa, kec.nama AS kecamatan,
    d.kepala_keluarga, d.nik, d.alamat, d.desil, d.n_individu,
    d.kepala_lansia, d.tinggal_sendiri, d.ada_disabilitas, d.ada_kronis, d.belum_terjangkau,
    d.n_kebutuhan_terbuka, array_to_string(d.kebutuhan_terbuka, ', ') AS kebutuhan_terbuka,
    (CASE d.desil WHEN 1 THEN $b_desil1 WHEN 2 THEN $b_desil2 WHEN 3 THEN $b_desil3 ELSE 0 END
     + $b_kebutuhan * d.n_kebutuhan_terbuka
     + CASE WHEN d.kepala_lansia THEN $b_lansia ELSE 0 END
     + CASE WHEN d.tinggal_sendiri THEN $b_sendiri ELSE 0 END
     + CASE WHEN d.ada_disabilitas THEN $b_disabilitas ELSE 0 END
     + CASE WHEN d.ada_kronis THEN $b_kronis ELSE 0 END
     + CASE WHEN d.belum_terjangkau THEN $b_belum_terjangkau ELSE 0 END)::INTEGER AS skor,
    count(*) OVER () AS total
FROM dinilai d
JOIN wilayah w ON w.kode = d.kode_desa
JOIN wilayah kec ON kec.kode = w.kode_induk
WHERE (len($desil) = 0 OR list_contains($desil, d.desil))
  AND (len($klaster) = 0 OR len(list_intersect(d.klaster_terbuka, $klaster)) > 0)
  AND (len($status) = 0 OR len(list_intersect(d.status_kebutuhan, $status)) > 0)
  AND (NOT $lansia OR d.kepala_lansia)
  AND (NOT $sendiri OR d.tinggal_sendiri)
  AND (NOT $disabilitas OR d.ada_disabilitas)
  AND (NOT $kronis OR d.ada_kronis)
  AND (NOT $belum_terjangkau OR d.belum_terjangkau)
ORDER BY skor DESC, d.id_keluarga_p3ke
LIMIT $batas;
