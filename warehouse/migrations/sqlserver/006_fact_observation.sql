-- fact_observation: one measured value per region, indicator, period and source (the natural key).
-- location: file row or cell it came from; evidence: the quoted sentence for published figures.
CREATE TABLE fact_observation (
    observation_key  bigint IDENTITY(1,1) PRIMARY KEY,
    region_key       bigint NOT NULL CONSTRAINT fk_fact_observation_region REFERENCES dim_region (region_key),
    indicator_key    bigint NOT NULL CONSTRAINT fk_fact_observation_indicator REFERENCES dim_indicator (indicator_key),
    period_key       bigint NOT NULL CONSTRAINT fk_fact_observation_period REFERENCES dim_period (period_key),
    source_key       bigint NOT NULL CONSTRAINT fk_fact_observation_source REFERENCES dim_source (source_key),
    value            float(53) NOT NULL,
    location         nvarchar(max) NOT NULL,
    evidence         nvarchar(max) NULL,
    note             nvarchar(max) NULL,
    batch_id         bigint NOT NULL CONSTRAINT fk_fact_observation_batch REFERENCES etl_batch (batch_id),
    CONSTRAINT uq_fact_observation_key UNIQUE (region_key, indicator_key, period_key, source_key)
);
CREATE INDEX ix_fact_observation_series ON fact_observation (region_key, indicator_key);
