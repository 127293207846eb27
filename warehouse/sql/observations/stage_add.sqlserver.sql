INSERT INTO #stage_observation (seq, region_key, indicator_key, period_key, value, location, evidence, note)
VALUES (@seq, @region, @indicator, @period, @value, @location, @evidence, @note)
