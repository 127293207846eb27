-- Temporary tables are never analysed by autovacuum: without statistics the planner would guess the joins below blind.
ANALYZE stage_observation;
INSERT INTO stage_key (region_key, indicator_key, period_key, first_seq, contradicted)
SELECT region_key, indicator_key, period_key, min(seq), CASE WHEN min(value) <> max(value) THEN 1 ELSE 0 END
FROM stage_observation GROUP BY region_key, indicator_key, period_key;
ANALYZE stage_key;
