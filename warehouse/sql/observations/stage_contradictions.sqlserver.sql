-- Every figure of a contradicted key, keys in file order, figures in file order within a key.
SELECT s.region_key, s.indicator_key, s.period_key, s.value, s.location
FROM #stage_key k
JOIN #stage_observation s ON s.region_key = k.region_key AND s.indicator_key = k.indicator_key AND s.period_key = k.period_key
WHERE k.contradicted <> 0
ORDER BY k.first_seq, s.seq
