-- 009: batch states partial / interrupted / skipped and the owner of a running batch (host:pid:start-second, so a dead run
-- can be told from a long one), attainment in the target's own sense (achieved, achieved_as_of, source_kind, status
-- missed), and warehouse_state for staleness. Runs with foreign keys off (see Migrator): etl_batch is rebuilt because
-- SQLite cannot alter a CHECK constraint.
CREATE TABLE etl_batch_009 (
    batch_id       INTEGER PRIMARY KEY,
    job            TEXT NOT NULL,
    trigger        TEXT NOT NULL DEFAULT 'cli',
    source         TEXT,
    started_at     TEXT NOT NULL,
    finished_at    TEXT,
    status         TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'partial', 'failed', 'interrupted', 'skipped')),
    rows_read      INTEGER NOT NULL DEFAULT 0,
    rows_loaded    INTEGER NOT NULL DEFAULT 0,
    rows_rejected  INTEGER NOT NULL DEFAULT 0,
    rows_changed   INTEGER NOT NULL DEFAULT 0,
    error          TEXT,
    detail         TEXT,
    owner          TEXT
);
INSERT INTO etl_batch_009 (batch_id, job, trigger, source, started_at, finished_at, status, rows_read, rows_loaded, rows_rejected,
                           rows_changed, error, detail)
SELECT batch_id, job, trigger, source, started_at, finished_at, status, rows_read, rows_loaded, rows_rejected, rows_changed, error, detail
FROM etl_batch;
DROP TABLE etl_batch;
ALTER TABLE etl_batch_009 RENAME TO etl_batch;
CREATE INDEX IF NOT EXISTS ix_etl_batch_job ON etl_batch (job, batch_id);
CREATE INDEX IF NOT EXISTS ix_etl_batch_running ON etl_batch (status) WHERE status = 'running';

-- fact_attainment is derived by `forecast`: it is recreated empty and warehouse_state marks it stale.
DROP TABLE IF EXISTS fact_attainment;
CREATE TABLE fact_attainment (
    target_key          INTEGER PRIMARY KEY REFERENCES fact_target (target_key) ON DELETE CASCADE,
    latest_year         INTEGER,
    latest_value        REAL,
    achieved            REAL,
    achieved_as_of      INTEGER,
    progress            REAL,
    forecast_value      REAL,
    forecast_lo80       REAL,
    forecast_hi80       REAL,
    forecast_lo95       REAL,
    forecast_hi95       REAL,
    probability_met     REAL,
    gap                 REAL,
    required_growth     REAL,
    status              TEXT NOT NULL CHECK (status IN ('on_track', 'at_risk', 'off_track', 'met', 'missed', 'insufficient_data', 'not_assessed')),
    source_kind         TEXT CHECK (source_kind IN ('statistics', 'published', 'illustrative')),
    note                TEXT,
    batch_id            INTEGER NOT NULL REFERENCES etl_batch (batch_id)
);

-- warehouse_state: one row per derived product that is out of date with the data (subject 'forecast' covers
-- fact_forecast and fact_attainment). Written in the same transaction as the data change; deleted by `forecast`.
CREATE TABLE IF NOT EXISTS warehouse_state (
    subject      TEXT PRIMARY KEY,
    stale_since  TEXT NOT NULL,
    reason       TEXT NOT NULL
);
INSERT INTO warehouse_state (subject, stale_since, reason)
SELECT 'forecast', datetime('now'), 'schema 009: attainment recomputed in the target''s own sense'
WHERE EXISTS (SELECT 1 FROM fact_target);
