-- Writes the first figure of every uncontradicted key, in key order (the unique index is then filled front to back);
-- a stored figure whose value is unchanged keeps its batch.
INSERT INTO fact_observation (region_key, indicator_key, period_key, source_key, value, location, evidence, note, batch_id)
SELECT s.region_key, s.indicator_key, s.period_key, @sourceKey, s.value, s.location, s.evidence, s.note, @batchId
FROM stage_key k JOIN stage_observation s ON s.seq = k.first_seq
WHERE k.contradicted = 0
ORDER BY k.region_key, k.indicator_key, k.period_key
ON CONFLICT (region_key, indicator_key, period_key, source_key) DO UPDATE SET value = excluded.value,
    location = excluded.location, evidence = excluded.evidence, note = excluded.note,
    batch_id = CASE WHEN fact_observation.value = excluded.value THEN fact_observation.batch_id ELSE excluded.batch_id END
