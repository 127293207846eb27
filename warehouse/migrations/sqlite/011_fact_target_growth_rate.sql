-- fact_target gains the measure growth_rate (年均增长10%以上: value in % per year over span_start_year..span_end_year).
-- SQLite cannot alter a CHECK constraint, so the table is rebuilt; the views are dropped first (they are recreated after
-- the migrations) and fact_attainment rows go with the old table (the next forecast run recomputes them).
DROP VIEW IF EXISTS v_attainment;
DROP VIEW IF EXISTS v_targets;
DROP VIEW IF EXISTS v_forecasts;
DROP VIEW IF EXISTS v_observations;
CREATE TABLE fact_target_009 (
    target_key        INTEGER PRIMARY KEY,
    region_key        INTEGER NOT NULL REFERENCES dim_region (region_key),
    indicator_key     INTEGER NOT NULL REFERENCES dim_indicator (indicator_key),
    source_key        INTEGER NOT NULL REFERENCES dim_source (source_key),
    target_kind       TEXT NOT NULL CHECK (target_kind IN ('goal', 'milestone', 'baseline')),
    measure           TEXT NOT NULL CHECK (measure IN ('stock', 'annual', 'cumulative', 'increment', 'ratio', 'growth_rate')),
    comparator        TEXT NOT NULL CHECK (comparator IN ('>=', '<=', '=')),
    value             REAL NOT NULL,
    target_year       INTEGER NOT NULL,
    span_start_year   INTEGER NOT NULL,
    span_end_year     INTEGER NOT NULL,
    evidence          TEXT NOT NULL,
    evidence_offset   INTEGER NOT NULL,
    batch_id          INTEGER NOT NULL REFERENCES etl_batch (batch_id),
    UNIQUE (source_key, region_key, indicator_key, target_kind, target_year, span_start_year, value)
);
INSERT INTO fact_target_009 SELECT * FROM fact_target;
DELETE FROM fact_attainment;
DROP TABLE fact_target;
ALTER TABLE fact_target_009 RENAME TO fact_target;
INSERT INTO warehouse_state (subject, stale_since, reason)
SELECT 'forecast', datetime('now'), 'schema 011: fact_target rebuilt, attainment to be recomputed'
WHERE EXISTS (SELECT 1 FROM fact_target)
ON CONFLICT (subject) DO NOTHING;
