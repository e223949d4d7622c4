-- progres_desa_prioritas: one row per priority village of year $tahun under $kode (a kabupaten or kecamatan) and
-- cluster: its kecamatan, the village's own target and its realisation (gaps closed) cumulated from the first
-- quarter of $tahun up to quarter $triwulan, the selected quarter's own target (to pro-rate a running quarter)
-- and the year's target. Targets of a village are set for priority villages only.
-- params: $kode (kabupaten or kecamatan code), $tahun, $triwulan, $lingkup (the user's region scope, a code prefix; '' for all)
WITH desa AS (
    SELECT d.kode, w.nama, kec.nama AS kecamatan
    FROM desa_prioritas d
    JOIN wilayah w ON w.kode = d.kode
    LEFT JOIN wilayah kec ON kec.kode = w.kode_induk
    WHERE d.tahun = $tahun AND (di_bawah(d.kode, $kode) AND di_bawah(d.kode, $lingkup)) AND length(d.kode) = 13
),
tgt AS (
    SELECT kode_wilayah AS kode, klaster,
           sum(target_keluarga) FILTER (WHERE triwulan <= $triwulan) AS target_kumulatif,
           sum(target_keluarga) FILTER (WHERE triwulan = $triwulan) AS target_triwulan,
           sum(target_keluarga) AS target_tahun
    FROM target
    WHERE tahun = $tahun AND (di_bawah(kode_wilayah, $kode) AND di_bawah(kode_wilayah, $lingkup))
      AND length(kode_wilayah) = 13
    GROUP BY ALL
),
real AS (
    SELECT kode, klaster, sum(n) AS realisasi_kumulatif
    FROM ringkas_kebutuhan
    WHERE (di_bawah(kode, $kode) AND di_bawah(kode, $lingkup)) AND length(kode) = 13
      AND qi_selesai BETWEEN $tahun * 4 AND $tahun * 4 + $triwulan - 1
    GROUP BY ALL
)
SELECT d.kode, d.nama, d.kecamatan, k.kunci AS klaster, k.label_singkat,
       t.target_kumulatif::BIGINT AS target_kumulatif,
       t.target_triwulan::BIGINT AS target_triwulan,
       coalesce(r.realisasi_kumulatif, 0)::BIGINT AS realisasi_kumulatif,
       t.target_tahun::BIGINT AS target_tahun
FROM desa d
CROSS JOIN klaster k
LEFT JOIN tgt t ON t.kode = d.kode AND t.klaster = k.kunci
LEFT JOIN real r ON r.kode = d.kode AND r.klaster = k.kunci
ORDER BY d.kode, k.urutan;
