-- tren_subwilayah: one row per child region of $kode and quarter with data: the share of its gaps closed
-- and the households' gaps still open at the end of that quarter, for trend lines.
-- params: $kode (Kemendagri code; '' means per province), $lingkup (the user's region scope, a code prefix; '' for all)
SELECT
    r.kode,
    w.nama,
    pr.tahun,
    pr.triwulan,
    pr.qi,
    sum(r.n) FILTER (WHERE r.qi_selesai <= pr.qi) / sum(r.n) AS persen_tertutup,
    (sum(r.n) - coalesce(sum(r.n) FILTER (WHERE r.qi_selesai <= pr.qi), 0))::BIGINT AS tersisa
FROM ringkas_kebutuhan r
CROSS JOIN periode pr
JOIN wilayah w ON w.kode = r.kode
WHERE (di_bawah(r.kode, $kode) AND di_bawah(r.kode, $lingkup)) AND r.kode_induk = $kode
GROUP BY ALL
ORDER BY r.kode, pr.qi;
