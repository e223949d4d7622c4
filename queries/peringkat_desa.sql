-- peringkat_desa: one row per village of region $kode where households have the gap of cluster $klaster, ranked:
-- households remaining at the end of the selected quarter and at the end of the quarter before, the change,
-- remaining per 100 families, not yet handled by anyone (belum) and planned or in progress (ditangani), the OPDs
-- with interventions of the cluster tagged in the village by then, the cluster's responsible OPD, and the village's
-- priority status and OPD pendamping in $tahun. Rank 1 is the largest value of measure $ukuran ('jumlah' remaining
-- households, 'per100' remaining per 100 families, 'perubahan' change since the previous quarter) — the smallest
-- when $naik; ties by remaining households, then code. Only priority villages when $hanya_prioritas.
-- params: $kode (Kemendagri code prefix, '' for all), $tahun, $triwulan, $klaster, $ukuran, $naik (bool), $hanya_prioritas (bool), $lingkup (the user's region scope, a code prefix; '' for all)
WITH p AS (SELECT ($tahun * 4 + $triwulan - 1)::INTEGER AS qi),
keb AS (
    SELECT r.kode, r.kode_induk,
           sum(r.n) AS kebutuhan,
           sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) <> 'selesai') AS tersisa,
           sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi - 1) <> 'selesai')
               AS tersisa_lalu,
           sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) = 'belum') AS belum,
           sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) IN ('rencana', 'proses'))
               AS ditangani
    FROM ringkas_kebutuhan r, p
    WHERE di_bawah(r.kode, $kode) AND di_bawah(r.kode, $lingkup) AND length(r.kode) = 13 AND r.klaster = $klaster
    GROUP BY ALL
),
dp AS (
    SELECT kode, opd_pendamping FROM desa_prioritas
    WHERE tahun = $tahun AND di_bawah(kode, $kode) AND di_bawah(kode, $lingkup)
),
pilih AS (
    SELECT keb.*, dp.kode IS NOT NULL AS prioritas, dp.opd_pendamping
    FROM keb LEFT JOIN dp USING (kode)
    WHERE keb.kebutuhan > 0 AND (dp.kode IS NOT NULL OR NOT $hanya_prioritas)
),
kel AS (
    SELECT kode, sum(n_keluarga) AS keluarga FROM ringkas_keluarga
    WHERE di_bawah(kode, $kode) AND di_bawah(kode, $lingkup) AND length(kode) = 13 GROUP BY 1
),
opd AS (
    SELECT r.kode, string_agg(DISTINCT r.opd, ', ' ORDER BY r.opd) AS opd_menangani
    FROM ringkas_intervensi r, p
    WHERE di_bawah(r.kode, $kode) AND di_bawah(r.kode, $lingkup) AND length(r.kode) = 13 AND r.klaster = $klaster
      AND r.qi_tag <= p.qi AND r.opd IS NOT NULL
    GROUP BY 1
),
baris AS (
    SELECT s.kode, w.nama AS desa, s.kode_induk AS kode_kecamatan, kec.nama AS kecamatan,
           coalesce(kel.keluarga, 0)::BIGINT AS keluarga,
           s.kebutuhan::BIGINT AS kebutuhan,
           coalesce(s.tersisa, 0)::BIGINT AS tersisa,
           100.0 * coalesce(s.tersisa, 0) / nullif(kel.keluarga, 0) AS per_100,
           coalesce(s.tersisa_lalu, 0)::BIGINT AS tersisa_lalu,
           (coalesce(s.tersisa, 0) - coalesce(s.tersisa_lalu, 0))::BIGINT AS perubahan,
           coalesce(s.belum, 0)::BIGINT AS belum,
           coalesce(s.ditangani, 0)::BIGINT AS ditangani,
           o.opd_menangani,
           k.opd AS opd_klaster, k.label_singkat,
           s.prioritas, s.opd_pendamping
    FROM pilih s
    JOIN wilayah w ON w.kode = s.kode
    JOIN wilayah kec ON kec.kode = s.kode_induk
    JOIN klaster k ON k.kunci = $klaster
    LEFT JOIN kel ON kel.kode = s.kode
    LEFT JOIN opd o ON o.kode = s.kode
),
nilai AS (
    SELECT *, CASE $ukuran WHEN 'per100' THEN per_100 WHEN 'perubahan' THEN perubahan::DOUBLE
                           ELSE tersisa::DOUBLE END * CASE WHEN $naik THEN 1 ELSE -1 END AS urutan
    FROM baris
)
SELECT row_number() OVER (ORDER BY urutan NULLS LAST, tersisa DESC, kode)::INTEGER AS peringkat,
       * EXCLUDE (urutan)
FROM nilai
ORDER BY peringkat;
