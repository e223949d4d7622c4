-- register_desa_prioritas: one row per priority village of $tahun in region $kode: its kecamatan, the decree it
-- was set by (dasar_penetapan) and its OPD pendamping; the needs assessed (families, families with any gap,
-- household gaps and those remaining at the end of the selected quarter); the interventions tagged in the village
-- by then, planned / in progress / done, by the OPD pendamping itself and by other OPDs (names compared through
-- $opd_alias, pke.peringkat.parameter_opd: 'Dinas Kesehatan' is 'Dinkes'); and progress against the village's own
-- targets where any are set: the target cumulated to the quarter over the clusters that have one, the same with the
-- selected quarter's own target counted by $fraksi, the share of the quarter the data covers (1 for a quarter ended,
-- days elapsed / days for one still running: pke.progres.fraksi_triwulan, rounded as progres.target_pro_rata), the
-- gaps of those clusters closed in the year up to the quarter, and the achievement against the pro-rated target
-- (capaian) and the full one (capaian_penuh); NULL without a village target.
-- Order $urut: 'wilayah' (kecamatan, village), 'pendamping' (OPD pendamping first), 'tersisa' (most remaining
-- first), 'capaian' (lowest achievement first, villages without a target last).
-- params: $kode (Kemendagri code prefix, '' for all), $tahun, $triwulan, $fraksi, $opd_alias (MAP VARCHAR -> VARCHAR), $urut, $lingkup (the user's region scope, a code prefix; '' for all)
WITH p AS (SELECT ($tahun * 4 + $triwulan - 1)::INTEGER AS qi),
dp AS (
    SELECT kode, dasar_penetapan, nullif(trim(opd_pendamping), '') AS opd_pendamping,
           CASE WHEN nullif(trim(opd_pendamping), '') IS NOT NULL THEN
               coalesce($opd_alias[lower(regexp_replace(trim(opd_pendamping), '\s+', ' ', 'g'))],
                        lower(regexp_replace(trim(opd_pendamping), '\s+', ' ', 'g'))) END AS kunci_pendamping
    FROM desa_prioritas
    WHERE tahun = $tahun AND length(kode) = 13 AND di_bawah(kode, $kode) AND di_bawah(kode, $lingkup)
),
kel AS (
    SELECT kode, sum(n_keluarga) AS keluarga, sum(n_keluarga) FILTER (WHERE punya_kebutuhan) AS berkebutuhan
    FROM ringkas_keluarga
    WHERE di_bawah(kode, $kode) AND di_bawah(kode, $lingkup) AND length(kode) = 13 AND kode IN (SELECT kode FROM dp)
    GROUP BY 1
),
keb AS (
    SELECT r.kode, sum(r.n) AS kebutuhan,
           sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) = 'selesai') AS selesai
    FROM ringkas_kebutuhan r, p
    WHERE di_bawah(r.kode, $kode) AND di_bawah(r.kode, $lingkup) AND length(r.kode) = 13
      AND r.kode IN (SELECT kode FROM dp)
    GROUP BY 1
),
itv AS (
    SELECT r.kode,
           coalesce(coalesce($opd_alias[lower(regexp_replace(trim(r.opd), '\s+', ' ', 'g'))],
                             lower(regexp_replace(trim(r.opd), '\s+', ' ', 'g'))) = dp.kunci_pendamping, FALSE)
               AS oleh_pendamping,
           status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) AS status,
           sum(r.n) AS n
    FROM ringkas_intervensi r
    JOIN dp USING (kode)
    CROSS JOIN p
    WHERE di_bawah(r.kode, $kode) AND di_bawah(r.kode, $lingkup) AND length(r.kode) = 13 AND r.qi_tag <= p.qi
    GROUP BY ALL
),
itv_desa AS (
    SELECT kode,
           sum(n) FILTER (WHERE oleh_pendamping AND status = 'rencana') AS pendamping_rencana,
           sum(n) FILTER (WHERE oleh_pendamping AND status = 'proses') AS pendamping_proses,
           sum(n) FILTER (WHERE oleh_pendamping AND status = 'selesai') AS pendamping_selesai,
           sum(n) FILTER (WHERE NOT oleh_pendamping AND status = 'rencana') AS lain_rencana,
           sum(n) FILTER (WHERE NOT oleh_pendamping AND status = 'proses') AS lain_proses,
           sum(n) FILTER (WHERE NOT oleh_pendamping AND status = 'selesai') AS lain_selesai
    FROM itv GROUP BY 1
),
tgt AS (
    SELECT kode_wilayah AS kode, klaster, sum(target_keluarga) AS target_kumulatif,
           sum(target_keluarga) FILTER (WHERE triwulan = $triwulan) AS target_triwulan
    FROM target
    WHERE tahun = $tahun AND triwulan <= $triwulan AND length(kode_wilayah) = 13
      AND di_bawah(kode_wilayah, $kode) AND di_bawah(kode_wilayah, $lingkup)
      AND kode_wilayah IN (SELECT kode FROM dp)
    GROUP BY ALL
),
real AS (
    SELECT r.kode, r.klaster, sum(r.n) AS realisasi
    FROM ringkas_kebutuhan r
    JOIN tgt USING (kode, klaster)
    WHERE di_bawah(r.kode, $kode) AND di_bawah(r.kode, $lingkup) AND length(r.kode) = 13
      AND r.qi_selesai BETWEEN $tahun * 4 AND $tahun * 4 + $triwulan - 1
    GROUP BY ALL
),
capai AS (
    SELECT t.kode, sum(t.target_kumulatif) AS target_kumulatif, sum(t.target_triwulan) AS target_triwulan,
           floor(sum(t.target_kumulatif) - coalesce(sum(t.target_triwulan), 0) * (1 - $fraksi) + 0.5)
               AS target_pro_rata,
           sum(coalesce(r.realisasi, 0)) AS realisasi_kumulatif
    FROM tgt t LEFT JOIN real r USING (kode, klaster)
    GROUP BY 1
),
baris AS (
    SELECT dp.kode, w.nama AS desa, w.kode_induk AS kode_kecamatan, kec.nama AS kecamatan,
           dp.dasar_penetapan, dp.opd_pendamping,
           coalesce(kel.keluarga, 0)::BIGINT AS keluarga,
           coalesce(kel.berkebutuhan, 0)::BIGINT AS keluarga_berkebutuhan,
           coalesce(keb.kebutuhan, 0)::BIGINT AS kebutuhan,
           (coalesce(keb.kebutuhan, 0) - coalesce(keb.selesai, 0))::BIGINT AS tersisa,
           coalesce(i.pendamping_rencana, 0)::BIGINT AS pendamping_rencana,
           coalesce(i.pendamping_proses, 0)::BIGINT AS pendamping_proses,
           coalesce(i.pendamping_selesai, 0)::BIGINT AS pendamping_selesai,
           coalesce(i.lain_rencana, 0)::BIGINT AS lain_rencana,
           coalesce(i.lain_proses, 0)::BIGINT AS lain_proses,
           coalesce(i.lain_selesai, 0)::BIGINT AS lain_selesai,
           c.target_kumulatif::BIGINT AS target_kumulatif,
           c.target_triwulan::BIGINT AS target_triwulan,
           c.target_pro_rata::BIGINT AS target_pro_rata,
           c.realisasi_kumulatif::BIGINT AS realisasi_kumulatif,
           c.realisasi_kumulatif / nullif(c.target_pro_rata, 0) AS capaian,
           c.realisasi_kumulatif / nullif(c.target_kumulatif, 0) AS capaian_penuh
    FROM dp
    JOIN wilayah w ON w.kode = dp.kode
    LEFT JOIN wilayah kec ON kec.kode = w.kode_induk
    LEFT JOIN kel ON kel.kode = dp.kode
    LEFT JOIN keb ON keb.kode = dp.kode
    LEFT JOIN itv_desa i ON i.kode = dp.kode
    LEFT JOIN capai c ON c.kode = dp.kode
)
SELECT * FROM baris
ORDER BY CASE $urut WHEN 'tersisa' THEN -tersisa::DOUBLE WHEN 'capaian' THEN capaian END NULLS LAST,
         CASE WHEN $urut = 'pendamping' THEN opd_pendamping END NULLS LAST,
         kecamatan, desa, kode;
