-- Session temporary tables; a pooled connection is reset (and its # tables dropped) before reuse, the DROPs cover the rest.
DROP TABLE IF EXISTS #stage_observation;
DROP TABLE IF EXISTS #stage_key;
CREATE TABLE #stage_observation (seq bigint NOT NULL PRIMARY KEY, region_key bigint NOT NULL, indicator_key bigint NOT NULL,
    period_key bigint NOT NULL, value float(53) NOT NULL, location nvarchar(max) NOT NULL, evidence nvarchar(max),
    note nvarchar(max));
CREATE TABLE #stage_key (region_key bigint NOT NULL, indicator_key bigint NOT NULL, period_key bigint NOT NULL,
    first_seq bigint NOT NULL, contradicted int NOT NULL, PRIMARY KEY (region_key, indicator_key, period_key));
