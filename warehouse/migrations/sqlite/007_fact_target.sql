-- fact_target: a numeric commitment (goal, milestone) or reported result (baseline) from a plan document.
-- span_start_year..span_end_year: the years a cumulative or increment target covers (else the target year alone).
-- evidence: the sentence the number stands in; evidence_offset: its character offset in the document.
CREATE TABLE IF NOT EXISTS fact_target (
    target_key        INTEGER PRIMARY KEY,
    region_key        INTEGER NOT NULL REFERENCES dim_region (region_key),
    indicator_key     INTEGER NOT NULL REFERENCES dim_indicator (indicator_key),
    source_key        INTEGER NOT NULL REFERENCES dim_source (source_key),
    target_kind       TEXT NOT NULL CHECK (target_kind IN ('goal', 'milestone', 'baseline')),
    measure           TEXT NOT NULL CHECK (measure IN ('stock', 'annual', 'cumulative', 'increment', 'ratio')),
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
