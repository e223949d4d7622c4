-- kebutuhan_per_klaster: one row per cluster (all eight, in the programme's order) for region $kode,
-- as of the end of the selected quarter: households with the gap, how many are untouched (belum),
-- planned (rencana), in progress (proses) or done (selesai), what remains and the share closed.
-- params: $kode (Kemendagri code prefix, '' for all), $tahun, $triwulan, $lingkup (the user's region scope, a code prefix; '' for all)
WITH p AS (SELECT ($tahun * 4 + $triwulan - 1)::INTEGER AS qi),
agg AS (
    SELECT
        r.klaster,
        sum(r.n) AS kebutuhan,
        sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) = 'selesai') AS selesai,
        sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) = 'proses') AS proses,
        sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) = 'rencana') AS rencana,
        sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) = 'belum') AS belum
    FROM ringkas_kebutuhan r, p
    WHERE r.kode = $kode AND di_bawah($kode, $lingkup)
    GROUP BY r.klaster
)
SELECT
    k.kunci AS klaster,
    k.label,
    k.label_singkat,
    k.opd,
    coalesce(a.kebutuhan, 0)::BIGINT AS kebutuhan,
    coalesce(a.belum, 0)::BIGINT AS belum,
    coalesce(a.rencana, 0)::BIGINT AS rencana,
    coalesce(a.proses, 0)::BIGINT AS proses,
    coalesce(a.selesai, 0)::BIGINT AS selesai,
    (coalesce(a.kebutuhan, 0) - coalesce(a.selesai, 0))::BIGINT AS tersisa,
    coalesce(a.selesai, 0) / nullif(a.kebutuhan, 0) AS persen_tertutup
FROM klaster k
LEFT JOIN agg a ON a.klaster = k.kunci
ORDER BY k.urutan;
