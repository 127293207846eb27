-- 009: the batch states, owner and attainment columns SQLite adds here are part of the tables from 005 and 008; what is new
-- is the batch indexes and warehouse_state. No SQL Server database holds data from before 009, so nothing is marked stale.
CREATE INDEX ix_etl_batch_job ON etl_batch (job, batch_id);
-- SQLite's partial index is a filtered index here: only the few running batches are indexed.
CREATE INDEX ix_etl_batch_running ON etl_batch (status) WHERE status = N'running';

-- warehouse_state: one row per derived product that is out of date with the data (subject 'forecast' covers
-- fact_forecast and fact_attainment). Written in the same transaction as the data change; deleted by `forecast`.
CREATE TABLE warehouse_state (
    subject      nvarchar(100)  NOT NULL PRIMARY KEY,
    stale_since  datetimeoffset NOT NULL,
    reason       nvarchar(max)  NOT NULL
);
