-- target_wilayah: one row per cluster and quarter of year $tahun with the target set for exactly region
-- $kode (a kabupaten), who set it and when, for editing.
-- params: $kode (kabupaten code), $tahun, $lingkup (the user's region scope, a code prefix; '' for all)
SELECT k.kunci AS klaster, k.label, tw.triwulan, t.target_keluarga, t.diubah_oleh, t.diubah_pada
FROM klaster k
CROSS JOIN (SELECT unnest([1, 2, 3, 4]) AS triwulan) tw
LEFT JOIN target t ON t.kode_wilayah = $kode AND di_bawah($kode, $lingkup) AND t.tahun = $tahun AND t.klaster = k.kunci AND t.triwulan = tw.triwulan
ORDER BY k.urutan, tw.triwulan;
