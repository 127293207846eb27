-- When the forecast run that wrote the attainment rows finished.
SELECT max(b.finished_at) FROM etl_batch b
WHERE b.batch_id IN (SELECT a.batch_id FROM fact_attainment a)
