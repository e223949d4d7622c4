-- ringkasan_kpi: headline figures of region $kode; one row for the selected quarter (periode = 'ini')
-- and one for the quarter before it (periode = 'sebelumnya'), so the page can show the change.
-- Families and people count the P3KE snapshot current at the quarter's end (per kabupaten); gap figures are as
-- of the end of the quarter; "tahun ini" runs from the year's first quarter.
-- params: $kode (Kemendagri code prefix, '' for all), $tahun, $triwulan, $lingkup (the user's region scope, a code prefix; '' for all)
WITH p AS (
    SELECT 'ini' AS periode, ($tahun * 4 + $triwulan - 1)::INTEGER AS qi
    UNION ALL
    SELECT 'sebelumnya', ($tahun * 4 + $triwulan - 2)::INTEGER
),
-- Families and people: for each kabupaten, the newest snapshot on or before the quarter's end.
snap AS (
    SELECT p.periode, r.kode_kab, max(r.snapshot) AS snapshot
    FROM p
    JOIN ringkas_snapshot r
      ON r.snapshot <= make_date(p.qi // 4, (p.qi % 4) * 3 + 1, 1) + INTERVAL 3 MONTH - INTERVAL 1 DAY
    WHERE CASE WHEN length($kode) <= 2 THEN length(r.kode) = 5 AND (di_bawah(r.kode, $kode) AND di_bawah(r.kode, $lingkup)) ELSE r.kode = $kode AND di_bawah($kode, $lingkup) END
    GROUP BY ALL
),
jumlah AS (
    SELECT s.periode, sum(r.n_keluarga) AS keluarga, sum(r.n_individu) AS individu, sum(r.n_desil1) AS keluarga_desil1
    FROM snap s
    JOIN ringkas_snapshot r ON r.kode_kab = s.kode_kab AND r.snapshot = s.snapshot
    WHERE CASE WHEN length($kode) <= 2 THEN length(r.kode) = 5 AND di_bawah(r.kode, $kode) AND di_bawah(r.kode, $lingkup) ELSE r.kode = $kode AND di_bawah($kode, $lingkup) END
    GROUP BY s.periode
),
kel AS (
    SELECT
        p.periode,
        coalesce(sum(r.n_keluarga) FILTER (WHERE r.punya_kebutuhan
                                           AND (r.qi_tuntas IS NULL OR r.qi_tuntas > p.qi)), 0) AS keluarga_berkebutuhan
    FROM p
    CROSS JOIN ringkas_keluarga r
    WHERE r.kode = $kode AND di_bawah($kode, $lingkup)
    GROUP BY p.periode
),
keb AS (
    SELECT
        p.periode,
        coalesce(sum(r.n) FILTER (WHERE r.qi_selesai IS NULL OR r.qi_selesai >= p.qi // 4 * 4), 0) AS kebutuhan_awal_tahun,
        coalesce(sum(r.n) FILTER (WHERE r.qi_selesai BETWEEN p.qi // 4 * 4 AND p.qi), 0) AS tertutup_tahun_ini,
        coalesce(sum(r.n) FILTER (WHERE r.qi_selesai IS NULL OR r.qi_selesai > p.qi), 0) AS kebutuhan_tersisa
    FROM p
    CROSS JOIN ringkas_kebutuhan r
    WHERE r.kode = $kode AND di_bawah($kode, $lingkup)
    GROUP BY p.periode
),
prio AS (
    SELECT p.periode, count(d.kode) AS desa_prioritas
    FROM p
    LEFT JOIN desa_prioritas d ON d.tahun = p.qi // 4 AND (di_bawah(d.kode, $kode) AND di_bawah(d.kode, $lingkup))
    GROUP BY p.periode
)
SELECT
    p.periode,
    p.qi // 4 AS tahun,
    p.qi % 4 + 1 AS triwulan,
    coalesce(jumlah.keluarga, 0) AS keluarga,
    coalesce(jumlah.individu, 0) AS individu,
    coalesce(jumlah.keluarga_desil1, 0) AS keluarga_desil1,
    coalesce(prio.desa_prioritas, 0) AS desa_prioritas,
    coalesce(kel.keluarga_berkebutuhan, 0) AS keluarga_berkebutuhan,
    coalesce(keb.kebutuhan_tersisa, 0) AS kebutuhan_tersisa,
    coalesce(keb.tertutup_tahun_ini, 0) AS tertutup_tahun_ini,
    coalesce(keb.kebutuhan_awal_tahun, 0) AS kebutuhan_awal_tahun,
    keb.tertutup_tahun_ini / nullif(keb.kebutuhan_awal_tahun, 0) AS persen_tertutup_tahun_ini
FROM p
LEFT JOIN jumlah USING (periode)
LEFT JOIN kel USING (periode)
LEFT JOIN keb USING (periode)
LEFT JOIN prio USING (periode)
ORDER BY p.qi DESC;
