-- progres_per_subwilayah: one row per child region of $kode and cluster: the target and the realisation
-- (gaps closed) cumulated from the first quarter of $tahun up to quarter $triwulan, the selected quarter's own
-- target (to pro-rate a running quarter), the year's target, and the targets one level further down summed
-- (a kecamatan's villages; a kabupaten's kecamatan) beside the child's own. A child's target is its own; a
-- province's is its kabupaten's summed.
-- params: $kode (Kemendagri code; '' means per province), $tahun, $triwulan, $lingkup (the user's region scope, a code prefix; '' for all)
WITH lv AS (SELECT CASE length($kode) WHEN 0 THEN 2 WHEN 2 THEN 5 WHEN 5 THEN 8 ELSE 13 END AS panjang),
tgt_semua AS (
    SELECT t.kode_wilayah, left(t.kode_wilayah, lv.panjang) AS kode, length(t.kode_wilayah) AS panjang_target,
           lv.panjang, t.klaster, t.triwulan, t.target_keluarga
    FROM target t, lv
    WHERE t.tahun = $tahun AND (di_bawah(t.kode_wilayah, $kode) AND di_bawah(t.kode_wilayah, $lingkup))
      AND t.kode_wilayah <> $kode
),
tgt AS (
    SELECT kode, klaster,
           sum(target_keluarga) FILTER (WHERE triwulan <= $triwulan) AS target_kumulatif,
           sum(target_keluarga) FILTER (WHERE triwulan = $triwulan) AS target_triwulan,
           sum(target_keluarga) AS target_tahun
    FROM tgt_semua
    WHERE panjang_target = CASE panjang WHEN 2 THEN 5 ELSE panjang END
    GROUP BY ALL
),
tgt_anak AS (
    SELECT kode, klaster, sum(target_keluarga) FILTER (WHERE triwulan <= $triwulan) AS target_anak_kumulatif
    FROM tgt_semua
    WHERE panjang IN (5, 8) AND panjang_target = CASE panjang WHEN 5 THEN 8 ELSE 13 END
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
       t.target_triwulan::BIGINT AS target_triwulan,
       coalesce(r.realisasi_kumulatif, 0)::BIGINT AS realisasi_kumulatif,
       t.target_tahun::BIGINT AS target_tahun,
       ta.target_anak_kumulatif::BIGINT AS target_anak_kumulatif
FROM anak a
CROSS JOIN klaster k
JOIN wilayah w ON w.kode = a.kode
LEFT JOIN tgt t ON t.kode = a.kode AND t.klaster = k.kunci
LEFT JOIN tgt_anak ta ON ta.kode = a.kode AND ta.klaster = k.kunci
LEFT JOIN real r ON r.kode = a.kode AND r.klaster = k.kunci
ORDER BY a.kode, k.urutan;
