-- periode: one row per quarter for which the database has data, oldest first.
-- params: none
SELECT tahun, triwulan, qi
FROM periode
ORDER BY qi;
