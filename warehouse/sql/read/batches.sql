-- The latest @n batches older than batch @before, newest first (status and the dashboard, which pages by the id: stable
-- while new batches arrive); @job = '' for every job, else only that one.
SELECT batch_id AS BatchId, job AS Job, triggered_by AS "Trigger", source AS Source, started_at AS StartedAt,
       finished_at AS FinishedAt, status AS Status, rows_read AS RowsRead, rows_loaded AS RowsLoaded, rows_rejected AS RowsRejected,
       rows_changed AS RowsChanged, error AS Error, detail AS Detail
FROM etl_batch
WHERE batch_id < @before AND (@job = '' OR job = @job)
ORDER BY batch_id DESC
LIMIT @n
