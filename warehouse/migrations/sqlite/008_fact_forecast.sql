-- fact_forecast: yearly point forecasts with 80% and 95% prediction intervals, per series and run.
CREATE TABLE IF NOT EXISTS fact_forecast (
    forecast_key     INTEGER PRIMARY KEY,
    region_key       INTEGER NOT NULL REFERENCES dim_region (region_key),
    indicator_key    INTEGER NOT NULL REFERENCES dim_indicator (indicator_key),
    period_key       INTEGER NOT NULL REFERENCES dim_period (period_key),
    method           TEXT NOT NULL,
    point            REAL NOT NULL,
    lo80             REAL NOT NULL,
    hi80             REAL NOT NULL,
    lo95             REAL NOT NULL,
    hi95             REAL NOT NULL,
    n_observations   INTEGER NOT NULL,
    last_observed_year INTEGER NOT NULL,
    batch_id         INTEGER NOT NULL REFERENCES etl_batch (batch_id),
    UNIQUE (region_key, indicator_key, period_key)
);

-- fact_attainment: for each target, what the forecast says about meeting it (filled by `forecast`).
CREATE TABLE IF NOT EXISTS fact_attainment (
    target_key          INTEGER PRIMARY KEY REFERENCES fact_target (target_key) ON DELETE CASCADE,
    latest_year         INTEGER,
    latest_value        REAL,
    progress            REAL,
    forecast_value      REAL,
    forecast_lo80       REAL,
    forecast_hi80       REAL,
    forecast_lo95       REAL,
    forecast_hi95       REAL,
    probability_met     REAL,
    gap                 REAL,
    required_growth     REAL,
    status              TEXT NOT NULL CHECK (status IN ('on_track', 'at_risk', 'off_track', 'met', 'insufficient_data')),
    note                TEXT,
    batch_id            INTEGER NOT NULL REFERENCES etl_batch (batch_id)
);
