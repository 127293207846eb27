-- When the last load that changed observations or targets finished.
SELECT max(finished_at) FROM etl_batch
WHERE job IN ('ingest-statistics', 'ingest-plan') AND status IN ('succeeded', 'partial') AND rows_changed > 0
