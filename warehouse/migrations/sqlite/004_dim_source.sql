-- dim_source: every document or file the warehouse has read.
-- kind: plan (a government plan document), statistics (a statistician's file),
--       published (a figure quoted from a public source), illustrative (generated demo data).
CREATE TABLE IF NOT EXISTS dim_source (
    source_key   INTEGER PRIMARY KEY,
    source_name  TEXT NOT NULL UNIQUE,
    path         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('plan', 'statistics', 'published', 'illustrative')),
    title        TEXT,
    checksum     TEXT NOT NULL,
    loaded_at    TEXT NOT NULL
);
