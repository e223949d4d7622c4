-- progres_per_subwilayah: one row per child region of $kode and cluster: the target and the realisation
-- (gaps closed) cumulated from the first quarter of $tahun up to quarter $triwulan, and the year's target.
-- Targets exist per kabupaten, so below kabupaten level target columns are NULL.
-- params: $kode (Kemendagri code; '' means per province), $tahun, $triwulan, $lingkup (the user's region scope, a code prefix; '' for all)
WITH tgt AS (
    SELECT left(kode_wilayah, CASE length($kode) WHEN 0 THEN 2 WHEN 2 THEN 5 WHEN 5 THEN 8 ELSE 13 END) AS kode,
           klaster,
           sum(target_keluarga) FILTER (WHERE triwulan <= $triwulan) AS target_kumulatif,
           sum(target_keluarga) AS target_tahun
    FROM target
    WHERE tahun = $tahun AND (di_bawah(kode_wilayah, $kode) AND di_bawah(kode_wilayah, $lingkup)) AND kode_wilayah <> $kode
    GROUP BY ALL
),
real AS (
    SELECT kode, klaster, sum(n) AS realisasi_kumulatif
    FROM ringkas_kebutuhan
    WHERE (di_bawah(kode, $kode) AND di_bawah(kode, $lingkup)) AND kode_induk = $kode
      AND qi_selesai BETWEEN $tahun * 4 AND $tahun * 4 + $triwulan - 1
    GROUP BY ALL
),
anak AS (
    SELECT DISTINCT kode FROM ringkas_keluarga WHERE (di_bawah(kode, $kode) AND di_bawah(kode, $lingkup)) AND kode_induk = $kode
)
SELECT a.kode, w.nama, k.kunci AS klaster, k.label_singkat,
       t.target_kumulatif::BIGINT AS target_kumulatif,
       coalesce(r.realisasi_kumulatif, 0)::BIGINT AS realisasi_kumulatif,
       t.target_tahun::BIGINT AS target_tahun
FROM anak a
CROSS JOIN klaster k
JOIN wilayah w ON w.kode = a.kode
LEFT JOIN tgt t ON t.kode = a.kode AND t.klaster = k.kunci
LEFT JOIN real r ON r.kode = a.kode AND r.klaster = k.kunci
ORDER BY a.kode, k.urutan;
