-- The load's staging table: the file's figures in file order (seq), filled by SqlBulkCopy inside the load's transaction.
-- A #temp table lives as long as the connection; text columns take the database's collation, not tempdb's, so comparing
-- them with warehouse columns never raises a collation conflict.
DROP TABLE IF EXISTS #stage_key;
DROP TABLE IF EXISTS #stage_observation;
CREATE TABLE #stage_observation (
    seq            bigint        NOT NULL PRIMARY KEY,
    region_key     bigint        NOT NULL,
    indicator_key  bigint        NOT NULL,
    period_key     bigint        NOT NULL,
    value          float(53)     NOT NULL,
    location       nvarchar(max) COLLATE DATABASE_DEFAULT NOT NULL,
    evidence       nvarchar(max) COLLATE DATABASE_DEFAULT NULL,
    note           nvarchar(max) COLLATE DATABASE_DEFAULT NULL
);
