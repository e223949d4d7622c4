-- progres_triwulan: one row per cluster and quarter of year $tahun for region $kode: the quarter's target
-- (households whose gap is to be closed in it; NULL where none is set), the realisation (gaps closed in that
-- quarter), both cumulated from the first quarter, whether the quarter has data yet, and the targets of the
-- regions one level down summed (kecamatan for a kabupaten, villages for a kecamatan) beside the region's own.
-- A region's target is its own (a kabupaten's is never its kecamatan's summed); a province (or '') sums its
-- kabupaten's.
-- params: $kode (Kemendagri code prefix, '' for all), $tahun, $lingkup (the user's region scope, a code prefix; '' for all)
WITH tw AS (SELECT unnest([1, 2, 3, 4]) AS triwulan),
batas AS (SELECT max(qi) AS qi_akhir FROM periode),
tgt_semua AS (
    SELECT kode_wilayah, klaster, triwulan, target_keluarga
    FROM target
    WHERE tahun = $tahun AND di_bawah(kode_wilayah, $kode) AND di_bawah(kode_wilayah, $lingkup)
),
tgt AS (
    SELECT klaster, triwulan, sum(target_keluarga) AS target
    FROM tgt_semua
    WHERE CASE WHEN length($kode) <= 2 THEN length(kode_wilayah) = 5 ELSE kode_wilayah = $kode END
    GROUP BY ALL
),
tgt_anak AS (
    SELECT klaster, triwulan, sum(target_keluarga) AS target_anak
    FROM tgt_semua
    WHERE length($kode) IN (5, 8) AND kode_induk(kode_wilayah) = $kode
    GROUP BY ALL
),
real AS (
    SELECT klaster, qi_selesai % 4 + 1 AS triwulan, sum(n) AS realisasi
    FROM ringkas_kebutuhan
    WHERE kode = $kode AND di_bawah($kode, $lingkup) AND qi_selesai // 4 = $tahun
    GROUP BY ALL
),
grid AS (
    SELECT k.kunci AS klaster, k.label, k.label_singkat, k.urutan, tw.triwulan,
           ($tahun * 4 + tw.triwulan - 1) <= (SELECT qi_akhir FROM batas) AS ada_data
    FROM klaster k CROSS JOIN tw
)
SELECT
    g.klaster, g.label, g.label_singkat, g.triwulan, g.ada_data,
    t.target::BIGINT AS target,
    CASE WHEN g.ada_data THEN coalesce(r.realisasi, 0) END::BIGINT AS realisasi,
    sum(t.target) OVER w::BIGINT AS target_kumulatif,
    CASE WHEN g.ada_data THEN sum(coalesce(r.realisasi, 0)) OVER w END::BIGINT AS realisasi_kumulatif,
    a.target_anak::BIGINT AS target_anak,
    sum(a.target_anak) OVER w::BIGINT AS target_anak_kumulatif
FROM grid g
LEFT JOIN tgt t USING (klaster, triwulan)
LEFT JOIN tgt_anak a USING (klaster, triwulan)
LEFT JOIN real r USING (klaster, triwulan)
WINDOW w AS (PARTITION BY g.klaster ORDER BY g.triwulan)
ORDER BY g.urutan, g.triwulan;
