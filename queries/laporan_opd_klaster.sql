-- laporan_opd_klaster: one row per cluster (all eight, in the programme's order) for region $kode and quarter
-- $triwulan of $tahun: households reached according to the OPDs' approved progress reports (drafts, submitted and
-- returned reports never count: laporan_opd holds approved ones only), the number of approved reports and of OPDs
-- behind them, and their rupiah value.
-- params: $kode (Kemendagri code prefix, '' for all), $tahun, $triwulan, $lingkup (the user's region scope, a code prefix; '' for all)
WITH lap AS (
    SELECT klaster,
           sum(keluarga_terjangkau) AS keluarga,
           count(*) AS laporan,
           count(DISTINCT opd) AS opd,
           sum(nilai_rp) AS nilai_rp
    FROM laporan_opd
    WHERE di_bawah(kode_desa, $kode) AND di_bawah(kode_desa, $lingkup)
      AND tahun = $tahun AND triwulan = $triwulan
    GROUP BY klaster
)
SELECT
    k.kunci AS klaster,
    k.label,
    k.label_singkat,
    k.opd AS opd_penanggung_jawab,
    coalesce(l.keluarga, 0)::BIGINT AS keluarga_terjangkau,
    coalesce(l.laporan, 0)::BIGINT AS laporan,
    coalesce(l.opd, 0)::BIGINT AS opd_melapor,
    l.nilai_rp::BIGINT AS nilai_rp
FROM klaster k
LEFT JOIN lap l ON l.klaster = k.kunci
ORDER BY k.urutan;
