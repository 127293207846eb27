-- 012: value and period guards, the last line of defence behind the loaders' own checks: no fact carries a value that is
-- not a finite number, and no period lies outside 1949..2100 (year 0000, 9999 or 10000 from a typing slip would break
-- forecasting for the whole warehouse). SQLite needs triggers for this; here they are named CHECK constraints, which also
-- cover updates. double precision admits Infinity, -Infinity and NaN (and NaN = NaN in PostgreSQL), hence NOT IN.
ALTER TABLE dim_period ADD CONSTRAINT ck_dim_period_year
    CHECK (year BETWEEN 1949 AND 2100 AND month_from BETWEEN 1 AND 12 AND month_to BETWEEN 1 AND 12);

ALTER TABLE fact_observation ADD CONSTRAINT ck_fact_observation_value
    CHECK (value NOT IN ('Infinity', '-Infinity', 'NaN'));

ALTER TABLE fact_target ADD CONSTRAINT ck_fact_target_value
    CHECK (value NOT IN ('Infinity', '-Infinity', 'NaN'));

ALTER TABLE fact_target ADD CONSTRAINT ck_fact_target_years
    CHECK (target_year BETWEEN 1949 AND 2100 AND span_start_year BETWEEN 1949 AND 2100 AND span_end_year BETWEEN 1949 AND 2100);
