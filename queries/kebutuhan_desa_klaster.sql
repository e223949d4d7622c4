-- kebutuhan_desa_klaster: one row per village of region $kode and cluster with a gap still open at the end
-- of the selected quarter: households remaining, of which not yet planned by any programme (belum), the
-- village's families and whether it is a priority village — the unmet needs a CSR, Baznas or APBDes could fund.
-- params: $kode (Kemendagri code), $tahun, $triwulan, $lingkup (the user's region scope, a code prefix; '' for all)
WITH p AS (SELECT ($tahun * 4 + $triwulan - 1)::INTEGER AS qi),
keb AS (
    SELECT r.kode, r.klaster,
           sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) <> 'selesai') AS tersisa,
           sum(r.n) FILTER (WHERE status_pada(r.qi_tag, r.qi_selesai, r.status_akhir, p.qi) = 'belum') AS belum
    FROM ringkas_kebutuhan r, p
    WHERE (di_bawah(r.kode, $kode) AND di_bawah(r.kode, $lingkup)) AND length(r.kode) = 13
    GROUP BY ALL
),
kel AS (
    SELECT kode, sum(n_keluarga) AS keluarga FROM ringkas_keluarga
    WHERE (di_bawah(kode, $kode) AND di_bawah(kode, $lingkup)) AND length(kode) = 13 GROUP BY 1
)
SELECT keb.kode, w.nama AS desa, kec.nama AS kecamatan, keb.klaster, k.label_singkat,
       keb.tersisa::BIGINT AS tersisa, coalesce(keb.belum, 0)::BIGINT AS belum, kel.keluarga::BIGINT AS keluarga,
       EXISTS (SELECT 1 FROM desa_prioritas d WHERE d.kode = keb.kode AND d.tahun = $tahun) AS prioritas
FROM keb
JOIN klaster k ON k.kunci = keb.klaster
JOIN wilayah w ON w.kode = keb.kode
JOIN wilayah kec ON kec.kode = w.kode_induk
LEFT JOIN kel ON kel.kode = keb.kode
WHERE keb.tersisa > 0
ORDER BY keb.kode, k.urutan;
