-- intervensi_per_opd: one row per OPD and cluster with interventions in region $kode, as of the end of the
-- selected quarter: interventions planned, in progress and done, and the rupiah value of those done.
-- params: $kode (Kemendagri code prefix, '' for all), $tahun, $triwulan, $lingkup (the user's region scope, a code prefix; '' for all)
WITH p AS (SELECT ($tahun * 4 + $triwulan - 1)::INTEGER AS qi)
SELECT
    r.opd,
    r.klaster,
    k.label_singkat,
    coalesce(sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) = 'rencana'), 0)::BIGINT AS rencana,
    coalesce(sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) = 'proses'), 0)::BIGINT AS proses,
    coalesce(sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) = 'selesai'), 0)::BIGINT AS selesai,
    coalesce(sum(r.nilai_rp) FILTER (WHERE r.qi_selesai <= p.qi), 0)::BIGINT AS nilai_rp_selesai
FROM ringkas_intervensi r
CROSS JOIN p
JOIN klaster k ON k.kunci = r.klaster
WHERE r.kode = $kode AND di_bawah($kode, $lingkup) AND r.qi_tag <= p.qi
GROUP BY r.opd, r.klaster, k.label_singkat, k.urutan
ORDER BY r.opd, k.urutan;
