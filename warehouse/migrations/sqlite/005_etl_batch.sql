-- etl_batch: one row per load (a file, a document, a forecast run). status: running, succeeded, failed.
CREATE TABLE IF NOT EXISTS etl_batch (
    batch_id       INTEGER PRIMARY KEY,
    job            TEXT NOT NULL,
    trigger        TEXT NOT NULL DEFAULT 'cli',
    source         TEXT,
    started_at     TEXT NOT NULL,
    finished_at    TEXT,
    status         TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    rows_read      INTEGER NOT NULL DEFAULT 0,
    rows_loaded    INTEGER NOT NULL DEFAULT 0,
    rows_rejected  INTEGER NOT NULL DEFAULT 0,
    rows_changed   INTEGER NOT NULL DEFAULT 0,
    error          TEXT,
    detail         TEXT
);

-- etl_reject: rows that were quarantined, with where they came from and why.
CREATE TABLE IF NOT EXISTS etl_reject (
    reject_id   INTEGER PRIMARY KEY,
    batch_id    INTEGER NOT NULL REFERENCES etl_batch (batch_id),
    file        TEXT NOT NULL,
    location    TEXT NOT NULL,
    reason      TEXT NOT NULL,
    raw_text    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_etl_reject_batch ON etl_reject (batch_id);
