-- riwayat_impor: one row per import run, newest first: file, kind, snapshot, when, rows accepted and rejected,
-- who, and whether (and by whom) it was undone.
-- params: none
SELECT id, file, jenis, snapshot, waktu, baris_diterima, baris_ditolak, pengguna, dibatalkan_pada, dibatalkan_oleh
FROM impor
ORDER BY id DESC;
