-- The latest @n quarantined rows older than reject @before, newest first (dashboard, paging by the id).
SELECT reject_id AS RejectId, batch_id AS BatchId, file_name AS FileName, location AS Location, reason AS Reason, raw_text AS RawText
FROM etl_reject
WHERE reject_id < @before
ORDER BY reject_id DESC
LIMIT @n
