-- The latest batch of one scheduled job (job:ingest, job:forecast, job:briefing), for the dashboard.
SELECT batch_id AS BatchId, job AS Job, triggered_by AS "Trigger", source AS Source, started_at AS StartedAt,
       finished_at AS FinishedAt, status AS Status, rows_read AS RowsRead, rows_loaded AS RowsLoaded, rows_rejected AS RowsRejected,
       rows_changed AS RowsChanged, error AS Error, detail AS Detail
FROM etl_batch
WHERE job = @job
ORDER BY batch_id DESC
LIMIT 1
