-- What the merge will change against what this source already holds: new keys and changed values, in file order.
SELECT s.region_key, s.indicator_key, p.period_code, s.value, f.value AS old_value
FROM stage_key k
JOIN stage_observation s ON s.seq = k.first_seq
JOIN dim_period p ON p.period_key = k.period_key
LEFT JOIN fact_observation f ON f.region_key = s.region_key AND f.indicator_key = s.indicator_key
     AND f.period_key = s.period_key AND f.source_key = @sourceKey
WHERE k.contradicted = 0 AND (f.value IS NULL OR f.value <> s.value)
ORDER BY k.first_seq
