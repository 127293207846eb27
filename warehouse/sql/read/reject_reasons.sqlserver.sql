-- Reject reasons still standing, grouped by the reason's kind (the text before its first colon), with one example: of the
-- last 200 batches, not those of a file loaded again since (a re-ingest replaced the file's rows and its rejects with them;
-- a failed one, rolled back, did not).
SELECT TOP (20) kind AS Reason, count(*) AS Total, min(file_name + ' ' + location + ': ' + reason) AS Example
FROM (
    SELECT r.file_name, r.location, r.reason,
           CASE WHEN CHARINDEX(':', r.reason) > 0 THEN SUBSTRING(r.reason, 1, CHARINDEX(':', r.reason) - 1) ELSE r.reason END AS kind
    FROM etl_reject r
    WHERE r.batch_id IN (SELECT TOP (200) b.batch_id FROM etl_batch b ORDER BY b.batch_id DESC)
      AND NOT EXISTS (SELECT 1 FROM etl_batch b1 JOIN etl_batch b2 ON b2.source = b1.source AND b2.batch_id > b1.batch_id
                      WHERE b1.batch_id = r.batch_id AND b2.status = 'succeeded')
) recent
GROUP BY kind
ORDER BY count(*) DESC
