-- kebutuhan_per_subwilayah: one row per child region of $kode (kabupaten of a province, kecamatan of a
-- kabupaten, desa of a kecamatan) and cluster, as of the end of the selected quarter: households with
-- the gap, intervened (rencana / proses / selesai), remaining and the share closed.
-- params: $kode (Kemendagri code; '' means per province), $tahun, $triwulan, $lingkup (the user's region scope, a code prefix; '' for all)
WITH p AS (SELECT ($tahun * 4 + $triwulan - 1)::INTEGER AS qi),
agg AS (
    SELECT
        r.kode,
        r.klaster,
        sum(r.n) AS kebutuhan,
        sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) = 'selesai') AS selesai,
        sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) = 'proses') AS proses,
        sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) = 'rencana') AS rencana
    FROM ringkas_kebutuhan r, p
    WHERE (di_bawah(r.kode, $kode) AND di_bawah(r.kode, $lingkup)) AND r.kode_induk = $kode
    GROUP BY ALL
)
SELECT
    a.kode,
    w.nama,
    a.klaster,
    k.label_singkat,
    a.kebutuhan::BIGINT AS kebutuhan,
    coalesce(a.rencana, 0)::BIGINT AS rencana,
    coalesce(a.proses, 0)::BIGINT AS proses,
    coalesce(a.selesai, 0)::BIGINT AS selesai,
    (a.kebutuhan - coalesce(a.selesai, 0))::BIGINT AS tersisa,
    coalesce(a.selesai, 0) / a.kebutuhan AS persen_tertutup
FROM agg a
JOIN wilayah w USING (kode)
JOIN klaster k ON k.kunci = a.klaster
ORDER BY a.kode, k.urutan;
