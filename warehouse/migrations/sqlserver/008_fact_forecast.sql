-- fact_forecast: yearly point forecasts with 80% and 95% prediction intervals, per series and run.
CREATE TABLE fact_forecast (
    forecast_key       bigint IDENTITY(1,1) PRIMARY KEY,
    region_key         bigint NOT NULL CONSTRAINT fk_fact_forecast_region REFERENCES dim_region (region_key),
    indicator_key      bigint NOT NULL CONSTRAINT fk_fact_forecast_indicator REFERENCES dim_indicator (indicator_key),
    period_key         bigint NOT NULL CONSTRAINT fk_fact_forecast_period REFERENCES dim_period (period_key),
    method             nvarchar(100) NOT NULL,
    point              float(53) NOT NULL,
    lo80               float(53) NOT NULL,
    hi80               float(53) NOT NULL,
    lo95               float(53) NOT NULL,
    hi95               float(53) NOT NULL,
    n_observations     bigint NOT NULL,
    last_observed_year bigint NOT NULL,
    batch_id           bigint NOT NULL CONSTRAINT fk_fact_forecast_batch REFERENCES etl_batch (batch_id),
    CONSTRAINT uq_fact_forecast_key UNIQUE (region_key, indicator_key, period_key)
);

-- fact_attainment: for each target, what the forecast says about meeting it (filled by `forecast`), in its final form
-- (SQLite's 009: achieved, achieved_as_of, source_kind, statuses missed and not_assessed).
-- ON DELETE CASCADE from fact_target is the only cascading path into this table (batch_id cascades nothing), so SQL Server's
-- rule against multiple or cyclic cascade paths (error 1785) is not met.
CREATE TABLE fact_attainment (
    target_key          bigint NOT NULL PRIMARY KEY
                            CONSTRAINT fk_fact_attainment_target REFERENCES fact_target (target_key) ON DELETE CASCADE,
    latest_year         bigint NULL,
    latest_value        float(53) NULL,
    achieved            float(53) NULL,
    achieved_as_of      bigint NULL,
    progress            float(53) NULL,
    forecast_value      float(53) NULL,
    forecast_lo80       float(53) NULL,
    forecast_hi80       float(53) NULL,
    forecast_lo95       float(53) NULL,
    forecast_hi95       float(53) NULL,
    probability_met     float(53) NULL,
    gap                 float(53) NULL,
    required_growth     float(53) NULL,
    status              nvarchar(20) NOT NULL CONSTRAINT ck_fact_attainment_status CHECK (status IN (N'on_track', N'at_risk',
                            N'off_track', N'met', N'missed', N'insufficient_data', N'not_assessed')),
    source_kind         nvarchar(20) NULL
                            CONSTRAINT ck_fact_attainment_source_kind CHECK (source_kind IN (N'statistics', N'published', N'illustrative')),
    note                nvarchar(max) NULL,
    batch_id            bigint NOT NULL CONSTRAINT fk_fact_attainment_batch REFERENCES etl_batch (batch_id)
);
