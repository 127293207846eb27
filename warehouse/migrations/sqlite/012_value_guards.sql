-- 012: value and period guards (etl_batch's states and owner came with 009).
-- The last line of defence behind the loaders' own checks: no fact carries a value that is not a finite number, and no period
-- lies outside 1949..2100 (year 0000, 9999 or 10000 from a typing slip would break forecasting for the whole warehouse).
CREATE TRIGGER IF NOT EXISTS tg_dim_period_year BEFORE INSERT ON dim_period
WHEN NEW.year NOT BETWEEN 1949 AND 2100 OR NEW.month_from NOT BETWEEN 1 AND 12 OR NEW.month_to NOT BETWEEN 1 AND 12
BEGIN SELECT RAISE(ABORT, 'dim_period: year must lie within 1949..2100 and months within 1..12'); END;

CREATE TRIGGER IF NOT EXISTS tg_fact_observation_value BEFORE INSERT ON fact_observation
WHEN NEW.value IS NULL OR NEW.value NOT BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308
BEGIN SELECT RAISE(ABORT, 'fact_observation: value must be a finite number'); END;

CREATE TRIGGER IF NOT EXISTS tg_fact_observation_value_update BEFORE UPDATE OF value ON fact_observation
WHEN NEW.value IS NULL OR NEW.value NOT BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308
BEGIN SELECT RAISE(ABORT, 'fact_observation: value must be a finite number'); END;

CREATE TRIGGER IF NOT EXISTS tg_fact_target_value BEFORE INSERT ON fact_target
WHEN NEW.value IS NULL OR NEW.value NOT BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308
  OR NEW.target_year NOT BETWEEN 1949 AND 2100 OR NEW.span_start_year NOT BETWEEN 1949 AND 2100
  OR NEW.span_end_year NOT BETWEEN 1949 AND 2100
BEGIN SELECT RAISE(ABORT, 'fact_target: value must be a finite number and years within 1949..2100'); END;
