-- 009: etl_batch's states and owner were created in 005 and fact_attainment's achieved columns in 008 (no PostgreSQL
-- warehouse predates them); what is left is warehouse_state.
-- warehouse_state: one row per derived product that is out of date with the data (subject 'forecast' covers
-- fact_forecast and fact_attainment). Written in the same transaction as the data change; deleted by `forecast`.
CREATE TABLE warehouse_state (
    subject      text PRIMARY KEY,
    stale_since  timestamptz NOT NULL,
    reason       text NOT NULL
);
