-- fact_observation: one measured value per region, indicator, period and source (the natural key).
-- location: file row or cell it came from; evidence: the quoted sentence for published figures.
CREATE TABLE IF NOT EXISTS fact_observation (
    observation_key  INTEGER PRIMARY KEY,
    region_key       INTEGER NOT NULL REFERENCES dim_region (region_key),
    indicator_key    INTEGER NOT NULL REFERENCES dim_indicator (indicator_key),
    period_key       INTEGER NOT NULL REFERENCES dim_period (period_key),
    source_key       INTEGER NOT NULL REFERENCES dim_source (source_key),
    value            REAL NOT NULL,
    location         TEXT NOT NULL,
    evidence         TEXT,
    note             TEXT,
    batch_id         INTEGER NOT NULL REFERENCES etl_batch (batch_id),
    UNIQUE (region_key, indicator_key, period_key, source_key)
);
CREATE INDEX IF NOT EXISTS ix_fact_observation_series ON fact_observation (region_key, indicator_key);
