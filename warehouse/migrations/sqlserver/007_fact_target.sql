-- fact_target: a numeric commitment (goal, milestone) or reported result (baseline) from a plan document.
-- span_start_year..span_end_year: the years a cumulative or increment target covers (else the target year alone).
-- evidence: the sentence the number stands in; evidence_offset: its character offset in the document.
-- measure includes growth_rate (SQLite's 011: % per year over the span).
CREATE TABLE fact_target (
    target_key        bigint IDENTITY(1,1) PRIMARY KEY,
    region_key        bigint NOT NULL CONSTRAINT fk_fact_target_region REFERENCES dim_region (region_key),
    indicator_key     bigint NOT NULL CONSTRAINT fk_fact_target_indicator REFERENCES dim_indicator (indicator_key),
    source_key        bigint NOT NULL CONSTRAINT fk_fact_target_source REFERENCES dim_source (source_key),
    target_kind       nvarchar(20) NOT NULL
                          CONSTRAINT ck_fact_target_kind CHECK (target_kind IN (N'goal', N'milestone', N'baseline')),
    measure           nvarchar(20) NOT NULL CONSTRAINT ck_fact_target_measure
                          CHECK (measure IN (N'stock', N'annual', N'cumulative', N'increment', N'ratio', N'growth_rate')),
    comparator        nvarchar(2)  NOT NULL CONSTRAINT ck_fact_target_comparator CHECK (comparator IN (N'>=', N'<=', N'=')),
    value             float(53) NOT NULL,
    target_year       bigint NOT NULL,
    span_start_year   bigint NOT NULL,
    span_end_year     bigint NOT NULL,
    evidence          nvarchar(max) NOT NULL,
    evidence_offset   bigint NOT NULL,
    batch_id          bigint NOT NULL CONSTRAINT fk_fact_target_batch REFERENCES etl_batch (batch_id),
    CONSTRAINT uq_fact_target_key UNIQUE (source_key, region_key, indicator_key, target_kind, target_year, span_start_year, value)
);
