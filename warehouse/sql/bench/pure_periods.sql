-- Pure-SQL reference load (bench-ingest): the periods of the benchmark file, as rows of
-- (period_code, grain, year, month_from, month_to, start_date, end_date) literals.
INSERT INTO dim_period (period_code, grain, year, month_from, month_to, start_date, end_date) VALUES {values};
