-- peta_wilayah: one row per region drawn on the map within $kode, at the level whose codes have
-- $panjang characters (5 = kabupaten, 8 = kecamatan, 13 = desa): its households, the gap of cluster
-- $klaster (households with it, done, remaining as of the quarter's end, remaining per 100 households),
-- priority status (for a desa) or number of priority villages, and its boundary (NULL when none is loaded).
-- params: $kode (code prefix), $panjang, $klaster, $tahun, $triwulan, $lingkup (the user's region scope, a code prefix; '' for all)
WITH p AS (SELECT ($tahun * 4 + $triwulan - 1)::INTEGER AS qi),
kel AS (
    SELECT kode, sum(n_keluarga) AS keluarga,
           sum(n_keluarga) FILTER (WHERE desil = 1) AS keluarga_desil1
    FROM ringkas_keluarga
    WHERE (di_bawah(kode, $kode) AND di_bawah(kode, $lingkup)) AND length(kode) = $panjang
    GROUP BY 1
),
keb AS (
    SELECT r.kode,
           sum(r.n) AS kebutuhan,
           sum(r.n) FILTER (WHERE r.qi_selesai <= p.qi) AS selesai
    FROM ringkas_kebutuhan r, p
    WHERE (di_bawah(r.kode, $kode) AND di_bawah(r.kode, $lingkup)) AND length(r.kode) = $panjang AND r.klaster = $klaster
    GROUP BY 1
),
prio AS (
    SELECT left(kode, $panjang) AS kode, count(*) AS desa_prioritas, any_value(opd_pendamping) AS opd_pendamping
    FROM desa_prioritas, p
    WHERE (di_bawah(kode, $kode) AND di_bawah(kode, $lingkup)) AND tahun = p.qi // 4
    GROUP BY 1
)
SELECT
    kel.kode,
    w.nama,
    kec.nama AS nama_induk,
    kel.keluarga::BIGINT AS keluarga,
    coalesce(kel.keluarga_desil1, 0)::BIGINT AS keluarga_desil1,
    coalesce(keb.kebutuhan, 0)::BIGINT AS kebutuhan,
    coalesce(keb.selesai, 0)::BIGINT AS selesai,
    (coalesce(keb.kebutuhan, 0) - coalesce(keb.selesai, 0))::BIGINT AS tersisa,
    100.0 * (coalesce(keb.kebutuhan, 0) - coalesce(keb.selesai, 0)) / kel.keluarga AS tersisa_per_100,
    coalesce(prio.desa_prioritas, 0)::INTEGER AS desa_prioritas,
    prio.opd_pendamping,
    b.lat,
    b.lng,
    b.geojson
FROM kel
JOIN wilayah w USING (kode)
LEFT JOIN wilayah kec ON kec.kode = w.kode_induk
LEFT JOIN keb USING (kode)
LEFT JOIN prio USING (kode)
LEFT JOIN batas_wilayah b USING (kode)
ORDER BY kel.kode;
