-- Pure-SQL reference load (bench-ingest): the periods of the benchmark file. The benchmark puts its literal rows of
-- (period_code, grain, year, month_from, month_to, start_date, end_date) in place of the marker row.
INSERT INTO dim_period (period_code, grain, year, month_from, month_to, start_date, end_date) VALUES (@row);
