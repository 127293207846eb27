-- etl_batch: one row per load (a file, a document, a forecast run), in its final form: the states and owner of SQLite's 009
-- and the column triggered_by of 013 (TRIGGER is reserved in T-SQL).
-- status: running, succeeded, partial, failed, interrupted, skipped. owner: host:pid:start-second of the running process.
CREATE TABLE etl_batch (
    batch_id       bigint IDENTITY(1,1) PRIMARY KEY,
    job            nvarchar(200)  NOT NULL,
    triggered_by   nvarchar(100)  NOT NULL CONSTRAINT df_etl_batch_triggered_by DEFAULT N'cli',
    source         nvarchar(max)  NULL,
    started_at     datetimeoffset NOT NULL,
    finished_at    datetimeoffset NULL,
    status         nvarchar(20)   NOT NULL CONSTRAINT ck_etl_batch_status
                       CHECK (status IN (N'running', N'succeeded', N'partial', N'failed', N'interrupted', N'skipped')),
    rows_read      bigint NOT NULL CONSTRAINT df_etl_batch_rows_read DEFAULT 0,
    rows_loaded    bigint NOT NULL CONSTRAINT df_etl_batch_rows_loaded DEFAULT 0,
    rows_rejected  bigint NOT NULL CONSTRAINT df_etl_batch_rows_rejected DEFAULT 0,
    rows_changed   bigint NOT NULL CONSTRAINT df_etl_batch_rows_changed DEFAULT 0,
    error          nvarchar(max)  NULL,
    detail         nvarchar(max)  NULL,
    owner          nvarchar(400)  NULL
);

-- etl_reject: rows that were quarantined, with where they came from and why (file_name: FILE is reserved in T-SQL).
CREATE TABLE etl_reject (
    reject_id   bigint IDENTITY(1,1) PRIMARY KEY,
    batch_id    bigint NOT NULL CONSTRAINT fk_etl_reject_batch REFERENCES etl_batch (batch_id),
    file_name   nvarchar(max) NOT NULL,
    location    nvarchar(max) NOT NULL,
    reason      nvarchar(max) NOT NULL,
    raw_text    nvarchar(max) NOT NULL
);
CREATE INDEX ix_etl_reject_batch ON etl_reject (batch_id);
