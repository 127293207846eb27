-- What the merge will change against what this source already holds: new keys (old value null) and changed values.
SELECT s.region_key, s.indicator_key, s.period_key, s.value, f.value
FROM #stage_key k
JOIN #stage_observation s ON s.seq = k.first_seq
LEFT JOIN fact_observation f ON f.region_key = s.region_key AND f.indicator_key = s.indicator_key
     AND f.period_key = s.period_key AND f.source_key = @sourceKey
WHERE k.contradicted = 0 AND (f.value IS NULL OR f.value <> s.value)
ORDER BY k.first_seq
