INSERT INTO #stage_key (region_key, indicator_key, period_key, first_seq, contradicted)
SELECT region_key, indicator_key, period_key, min(seq), CASE WHEN min(value) <> max(value) THEN 1 ELSE 0 END
FROM #stage_observation GROUP BY region_key, indicator_key, period_key
