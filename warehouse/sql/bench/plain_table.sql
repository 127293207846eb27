-- The engine's own raw bulk path loads the benchmark CSV into this plain table: no keys, no checks.
CREATE TABLE bench_plain (region text, indicator text, period text, value text, unit text);
