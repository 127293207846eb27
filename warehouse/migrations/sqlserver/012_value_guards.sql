-- 012: value and period guards, the last line of defence behind the loaders' own checks: no period lies outside 1949..2100
-- (year 0000, 9999 or 10000 from a typing slip would break forecasting for the whole warehouse) and months lie in 1..12.
-- SQLite needs triggers for this; here they are named CHECK constraints, which also cover updates. Values need no guard:
-- float(53) cannot hold Infinity or NaN (SQL Server refuses them on arrival), so every stored value is finite.
ALTER TABLE dim_period ADD CONSTRAINT ck_dim_period_year
    CHECK (year BETWEEN 1949 AND 2100 AND month_from BETWEEN 1 AND 12 AND month_to BETWEEN 1 AND 12);

ALTER TABLE fact_target ADD CONSTRAINT ck_fact_target_years
    CHECK (target_year BETWEEN 1949 AND 2100 AND span_start_year BETWEEN 1949 AND 2100 AND span_end_year BETWEEN 1949 AND 2100);
