MERGE fact_observation WITH (HOLDLOCK) AS f
USING (
    SELECT s.region_key, s.indicator_key, s.period_key, s.value, s.location, s.evidence, s.note
    FROM #stage_key k JOIN #stage_observation s ON s.seq = k.first_seq
    WHERE k.contradicted = 0
) AS n
ON f.region_key = n.region_key AND f.indicator_key = n.indicator_key AND f.period_key = n.period_key AND f.source_key = @sourceKey
WHEN MATCHED THEN UPDATE SET value = n.value, location = n.location, evidence = n.evidence, note = n.note,
    batch_id = CASE WHEN f.value = n.value THEN f.batch_id ELSE @batchId END
WHEN NOT MATCHED THEN INSERT (region_key, indicator_key, period_key, source_key, value, location, evidence, note, batch_id)
    VALUES (n.region_key, n.indicator_key, n.period_key, @sourceKey, n.value, n.location, n.evidence, n.note, @batchId);
