-- Macros shared by the derivation and the queries; created in the catalog and in each working database.
CREATE OR REPLACE MACRO kode_induk(kode) AS
    CASE length(kode) WHEN 0 THEN NULL WHEN 2 THEN '' WHEN 5 THEN left(kode, 2)
                      WHEN 8 THEN left(kode, 5) ELSE left(kode, 8) END;
-- The status of a gap (or an intervention) at the end of quarter qi — the one rule every query uses.
CREATE OR REPLACE MACRO status_pada(qi_tag, qi_selesai, status_akhir, qi) AS
    CASE WHEN qi_selesai <= qi THEN 'selesai'
         WHEN qi_tag <= qi THEN CASE WHEN status_akhir = 'rencana' THEN 'rencana' ELSE 'proses' END
         ELSE 'belum' END;

-- A region and everything under it: a range on the sorted code ('/' sorts right after '.').
CREATE OR REPLACE MACRO di_bawah(kode, induk) AS
    kode >= induk AND kode < CASE WHEN induk = '' THEN '~' ELSE induk || '/' END;
