-- etl_batch gains the states 'interrupted' (its process died mid-run; the next process to open the warehouse marks it) and
-- 'partial', and records the process that owns a running batch (host:pid:start-second), so a dead run can be told from a
-- long one. SQLite cannot alter a CHECK constraint, so the table is rebuilt (the migrator turns foreign keys off meanwhile).
CREATE TABLE etl_batch_new (
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
INSERT INTO etl_batch_new (batch_id, job, trigger, source, started_at, finished_at, status, rows_read, rows_loaded, rows_rejected,
                           rows_changed, error, detail)
SELECT batch_id, job, trigger, source, started_at, finished_at, status, rows_read, rows_loaded, rows_rejected, rows_changed, error, detail
FROM etl_batch;
DROP TABLE etl_batch;
ALTER TABLE etl_batch_new RENAME TO etl_batch;
CREATE INDEX IF NOT EXISTS ix_etl_batch_running ON etl_batch (status) WHERE status = 'running';

-- The last line of defence behind the loaders' own checks: no fact carries a value that is not a finite number, and no period
-- lies outside 1949..2100 (year 0000, 9999 or 10000 from a typing slip would break forecasting for the whole warehouse).
CREATE TRIGGER IF NOT EXISTS tg_dim_period_year BEFORE INSERT ON dim_period
WHEN NEW.year NOT BETWEEN 1949 AND 2100 OR NEW.month_from NOT BETWEEN 1 AND 12 OR NEW.month_to NOT BETWEEN 1 AND 12
BEGIN SELECT RAISE(ABORT, 'dim_period: year must lie within 1949..2100 and months within 1..12'); END;

CREATE TRIGGER IF NOT EXISTS tg_fact_observation_value BEFORE INSERT ON fact_observation
WHEN NEW.value IS NULL OR NEW.value NOT BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308
BEGIN SELECT RAISE(ABORT, 'fact_observation: value must be a finite number'); END;

CREATE TRIGGER IF NOT EXISTS tg_fact_observation_value_update BEFORE UPDATE OF value ON fact_observation
WHEN NEW.value IS NULL OR NEW.value NOT BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308
BEGIN SELECT RAISE(ABORT, 'fact_observation: value must be a finite number'); END;

CREATE TRIGGER IF NOT EXISTS tg_fact_target_value BEFORE INSERT ON fact_target
WHEN NEW.value IS NULL OR NEW.value NOT BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308
  OR NEW.target_year NOT BETWEEN 1949 AND 2100 OR NEW.span_start_year NOT BETWEEN 1949 AND 2100
  OR NEW.span_end_year NOT BETWEEN 1949 AND 2100
BEGIN SELECT RAISE(ABORT, 'fact_target: value must be a finite number and years within 1949..2100'); END;
