-- evaluasi_kabupaten: one row per kabupaten/kota (child region) of $kode, as of the end of the selected
-- quarter: whether it is a provincial priority, desil-1 families, gaps and the share closed, households with
-- a gap and the share of them with an intervention tagged, this year's target and realisation cumulated to
-- the quarter, its biggest remaining gap ("PR terbesar"), and the share closed at the end of the previous quarter
-- with the change since (persen_tertutup - persen_tertutup_lalu, a share: 0.021 is 2.1 percentage points).
-- target_triwulan is the selected quarter's own part of target_kumulatif (pro-rated while the quarter runs:
-- pke.progres.capaian_pro_rata); capaian_target is against the full cumulative target.
-- params: $kode (province code), $tahun, $triwulan, $lingkup (the user's region scope, a code prefix; '' for all)
WITH p AS (SELECT ($tahun * 4 + $triwulan - 1)::INTEGER AS qi),
kel AS (
    SELECT r.kode,
           sum(r.n_keluarga) AS keluarga,
           sum(r.n_keluarga) FILTER (WHERE r.desil = 1) AS keluarga_desil1,
           sum(r.n_keluarga) FILTER (WHERE r.punya_kebutuhan) AS keluarga_berkebutuhan,
           sum(r.n_keluarga) FILTER (WHERE r.punya_kebutuhan AND r.qi_tag <= p.qi) AS keluarga_tertandai
    FROM ringkas_keluarga r, p
    WHERE (di_bawah(r.kode, $kode) AND di_bawah(r.kode, $lingkup)) AND r.kode_induk = $kode
    GROUP BY r.kode
),
per_klaster AS (
    SELECT r.kode, r.klaster,
           sum(r.n) AS kebutuhan,
           sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) = 'selesai') AS selesai,
           sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi - 1) = 'selesai')
               AS selesai_lalu,
           sum(r.n) FILTER (WHERE r.qi_selesai BETWEEN $tahun * 4 AND p.qi) AS realisasi_tahun
    FROM ringkas_kebutuhan r, p
    WHERE (di_bawah(r.kode, $kode) AND di_bawah(r.kode, $lingkup)) AND r.kode_induk = $kode
    GROUP BY ALL
),
keb AS (
    SELECT pk.kode,
           sum(pk.kebutuhan) AS kebutuhan,
           sum(coalesce(pk.selesai, 0)) AS selesai,
           sum(coalesce(pk.selesai_lalu, 0)) AS selesai_lalu,
           sum(coalesce(pk.realisasi_tahun, 0)) AS realisasi_kumulatif,
           arg_max(k.label_singkat, pk.kebutuhan - coalesce(pk.selesai, 0)) AS pr_terbesar,
           max(pk.kebutuhan - coalesce(pk.selesai, 0)) AS pr_terbesar_tersisa
    FROM per_klaster pk JOIN klaster k ON k.kunci = pk.klaster
    GROUP BY pk.kode
),
tgt AS (
    SELECT kode_wilayah AS kode, sum(target_keluarga) AS target_kumulatif,
           sum(target_keluarga) FILTER (WHERE triwulan = $triwulan) AS target_triwulan
    FROM target
    WHERE tahun = $tahun AND triwulan <= $triwulan AND (di_bawah(kode_wilayah, $kode) AND di_bawah(kode_wilayah, $lingkup))
    GROUP BY 1
)
SELECT
    kel.kode,
    w.nama,
    kp.kode IS NOT NULL AS prioritas,
    kel.keluarga::BIGINT AS keluarga,
    coalesce(kel.keluarga_desil1, 0)::BIGINT AS keluarga_desil1,
    keb.kebutuhan::BIGINT AS kebutuhan,
    keb.selesai::BIGINT AS selesai,
    keb.selesai / nullif(keb.kebutuhan, 0) AS persen_tertutup,
    keb.selesai_lalu / nullif(keb.kebutuhan, 0) AS persen_tertutup_lalu,
    (keb.selesai - keb.selesai_lalu) / nullif(keb.kebutuhan, 0) AS perubahan_tertutup,
    coalesce(kel.keluarga_tertandai, 0) / nullif(kel.keluarga_berkebutuhan, 0) AS persen_tertandai,
    tgt.target_kumulatif::BIGINT AS target_kumulatif,
    tgt.target_triwulan::BIGINT AS target_triwulan,
    keb.realisasi_kumulatif::BIGINT AS realisasi_kumulatif,
    keb.realisasi_kumulatif / nullif(tgt.target_kumulatif, 0) AS capaian_target,
    keb.pr_terbesar,
    keb.pr_terbesar_tersisa::BIGINT AS pr_terbesar_tersisa
FROM kel
JOIN wilayah w USING (kode)
LEFT JOIN keb USING (kode)
LEFT JOIN tgt USING (kode)
LEFT JOIN kabupaten_prioritas kp USING (kode)
ORDER BY keluarga_desil1 DESC;
