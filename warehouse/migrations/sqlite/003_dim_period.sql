-- dim_period: calendar periods. period_code is '2023' (year), '2023H1', '2023Q2' or '2023-06' (month),
-- or '2023M1-6' for a year-to-date span (January to June).
CREATE TABLE IF NOT EXISTS dim_period (
    period_key   INTEGER PRIMARY KEY,
    period_code  TEXT NOT NULL UNIQUE,
    grain        TEXT NOT NULL CHECK (grain IN ('year', 'half', 'quarter', 'month', 'ytd')),
    year         INTEGER NOT NULL,
    month_from   INTEGER NOT NULL,
    month_to     INTEGER NOT NULL,
    start_date   TEXT NOT NULL,
    end_date     TEXT NOT NULL
);
