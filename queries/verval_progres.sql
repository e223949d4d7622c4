-- verval_progres: one row per village of region $kode in round $ronde: households, verified by the deadline,
-- verified in all, the shares, and whether the village met the deadline; least complete first.
-- params: $kode, $ronde, $lingkup (the user's region scope, a code prefix; '' for all)
WITH r AS (SELECT * FROM ronde_verval WHERE id = $ronde)
SELECT k.kode_kemendagri AS kode, w.nama AS desa, kec.nama AS kecamatan,
       count(*) AS keluarga,
       count(*) FILTER (WHERE k.tanggal_verval BETWEEN r.mulai AND r.tenggat) AS tepat_waktu,
       count(*) FILTER (WHERE k.tanggal_verval >= r.mulai) AS diverval,
       count(*) FILTER (WHERE k.tanggal_verval BETWEEN r.mulai AND r.tenggat) / count(*) AS persen_tepat_waktu,
       count(*) FILTER (WHERE k.tanggal_verval >= r.mulai) / count(*) AS persen_diverval,
       max(k.tanggal_verval) AS terakhir,
       EXISTS (SELECT 1 FROM desa_prioritas d WHERE d.kode = k.kode_kemendagri) AS prioritas
FROM keluarga_aktif k
CROSS JOIN r
JOIN wilayah w ON w.kode = k.kode_kemendagri
JOIN wilayah kec ON kec.kode = w.kode_induk
WHERE (di_bawah(k.kode_kemendagri, $kode) AND di_bawah(k.kode_kemendagri, $lingkup)) AND di_bawah(k.kode_kemendagri, r.kode_wilayah)
GROUP BY ALL
ORDER BY persen_tepat_waktu, desa;
