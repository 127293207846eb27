-- Writes the first figure of every uncontradicted key (SQLite's INSERT … ON CONFLICT DO UPDATE): a new key is inserted; a
-- known key takes the file's value, location, evidence and note, and keeps its batch_id when the value did not change (so
-- a reload does not claim figures it did not change). The row count is every key written, as on SQLite.
-- HOLDLOCK: the key range stays locked from match to write, so two loads of the same source cannot both insert a key.
MERGE fact_observation WITH (HOLDLOCK) AS f
USING (
    SELECT s.region_key, s.indicator_key, s.period_key, s.value, s.location, s.evidence, s.note
    FROM #stage_key k
    JOIN #stage_observation s ON s.seq = k.first_seq
    WHERE k.contradicted = 0
) AS s
ON f.region_key = s.region_key AND f.indicator_key = s.indicator_key AND f.period_key = s.period_key AND f.source_key = @sourceKey
WHEN MATCHED THEN
    UPDATE SET value = s.value, location = s.location, evidence = s.evidence, note = s.note,
               batch_id = CASE WHEN f.value = s.value THEN f.batch_id ELSE @batchId END
WHEN NOT MATCHED BY TARGET THEN
    INSERT (region_key, indicator_key, period_key, source_key, value, location, evidence, note, batch_id)
    VALUES (s.region_key, s.indicator_key, s.period_key, @sourceKey, s.value, s.location, s.evidence, s.note, @batchId);
