-- desa_sekecamatan: one row per village of kecamatan $kode, as of the end of the selected quarter: families,
-- the share in desil 1, household gaps remaining (all clusters) and per 100 families, the share closed,
-- and whether it is a priority village — to compare a village with its neighbours.
-- params: $kode (kecamatan code), $tahun, $triwulan, $lingkup (the user's region scope, a code prefix; '' for all)
WITH p AS (SELECT ($tahun * 4 + $triwulan - 1)::INTEGER AS qi),
kel AS (
    SELECT kode, sum(n_keluarga) AS keluarga, sum(n_keluarga) FILTER (WHERE desil = 1) AS desil1
    FROM ringkas_keluarga WHERE (di_bawah(kode, $kode) AND di_bawah(kode, $lingkup)) AND kode_induk = $kode GROUP BY 1
),
keb AS (
    SELECT r.kode, sum(r.n) AS kebutuhan, sum(r.n) FILTER (WHERE r.qi_selesai <= p.qi) AS selesai
    FROM ringkas_kebutuhan r, p WHERE (di_bawah(r.kode, $kode) AND di_bawah(r.kode, $lingkup)) AND r.kode_induk = $kode GROUP BY 1
)
SELECT kel.kode, w.nama, kel.keluarga::BIGINT AS keluarga,
       coalesce(kel.desil1, 0) / kel.keluarga AS persen_desil1,
       (coalesce(keb.kebutuhan, 0) - coalesce(keb.selesai, 0))::BIGINT AS tersisa,
       100.0 * (coalesce(keb.kebutuhan, 0) - coalesce(keb.selesai, 0)) / kel.keluarga AS tersisa_per_100,
       keb.selesai / nullif(keb.kebutuhan, 0) AS persen_tertutup,
       EXISTS (SELECT 1 FROM desa_prioritas d WHERE d.kode = kel.kode AND d.tahun = $tahun) AS prioritas
FROM kel
JOIN wilayah w USING (kode)
LEFT JOIN keb USING (kode)
ORDER BY tersisa_per_100 DESC;
