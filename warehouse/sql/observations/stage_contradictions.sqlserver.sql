SELECT s.region_key, s.indicator_key, p.period_code, s.value, s.location
FROM #stage_key k
JOIN #stage_observation s ON s.region_key = k.region_key AND s.indicator_key = k.indicator_key AND s.period_key = k.period_key
JOIN dim_period p ON p.period_key = k.period_key
WHERE k.contradicted = 1
ORDER BY k.first_seq, s.seq
