-- meta: one row per fact about the database (kunci, nilai): whether it is demo data, its reference date, scope.
-- params: none
SELECT kunci, nilai FROM meta ORDER BY kunci;
