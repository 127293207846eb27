-- Reject reasons of the last 200 batches, grouped by the reason's kind (the text before its first colon), with one example.
-- SQLite's instr; PostgreSQL (strpos) and SQL Server (CHARINDEX, +, TOP) have their own versions beside this file.
SELECT kind AS Reason, count(*) AS Total, min(file_name || ' ' || location || ': ' || reason) AS Example
FROM (
    SELECT r.file_name, r.location, r.reason,
           CASE WHEN instr(r.reason, ':') > 0 THEN substr(r.reason, 1, instr(r.reason, ':') - 1) ELSE r.reason END AS kind
    FROM etl_reject r
    WHERE r.batch_id IN (SELECT b.batch_id FROM etl_batch b ORDER BY b.batch_id DESC LIMIT 200)
) recent
GROUP BY kind
ORDER BY count(*) DESC
LIMIT 20
