-- target_wilayah: one row per cluster and quarter of year $tahun with the target set for exactly region $kode
-- (a kabupaten, kecamatan or priority village), who set it and when, for editing; beside it the targets of the
-- regions one level down summed (a kabupaten's kecamatan, a kecamatan's villages; NULL where none), and whether
-- $kode may have targets that year (a kabupaten or kecamatan; a village only while it is a priority village).
-- params: $kode (kabupaten, kecamatan or village code), $tahun, $lingkup (the user's region scope, a code prefix; '' for all)
WITH anak AS (
    SELECT klaster, triwulan, sum(target_keluarga) AS target_anak
    FROM target
    WHERE tahun = $tahun AND length($kode) IN (5, 8) AND kode_induk(kode_wilayah) = $kode
      AND (di_bawah(kode_wilayah, $kode) AND di_bawah(kode_wilayah, $lingkup))
    GROUP BY ALL
),
boleh AS (
    SELECT di_bawah($kode, $lingkup) AND (length($kode) IN (5, 8) AND EXISTS (SELECT 1 FROM wilayah WHERE kode = $kode)
           OR EXISTS (SELECT 1 FROM desa_prioritas WHERE kode = $kode AND tahun = $tahun)) AS bisa_target
)
SELECT k.kunci AS klaster, k.label, tw.triwulan, t.target_keluarga, a.target_anak::BIGINT AS target_anak,
       t.diubah_oleh, t.diubah_pada, (SELECT bisa_target FROM boleh) AS bisa_target
FROM klaster k
CROSS JOIN (SELECT unnest([1, 2, 3, 4]) AS triwulan) tw
LEFT JOIN target t ON t.kode_wilayah = $kode AND di_bawah($kode, $lingkup) AND t.tahun = $tahun AND t.klaster = k.kunci AND t.triwulan = tw.triwulan
LEFT JOIN anak a ON a.klaster = k.kunci AND a.triwulan = tw.triwulan
ORDER BY k.urutan, tw.triwulan;
