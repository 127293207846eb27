-- The latest @n quarantined rows, newest first (dashboard).
SELECT reject_id AS RejectId, batch_id AS BatchId, file_name AS FileName, location AS Location, reason AS Reason, raw_text AS RawText
FROM etl_reject
ORDER BY reject_id DESC
LIMIT @n
