-- Reject reasons of the last 200 batches, grouped by the reason's kind (the text before its first colon), with one example.
SELECT kind AS "Reason", count(*) AS "Total", min(file_name || ' ' || location || ': ' || reason) AS "Example"
FROM (
    SELECT r.file_name, r.location, r.reason,
           CASE WHEN strpos(r.reason, ':') > 0 THEN substr(r.reason, 1, strpos(r.reason, ':') - 1) ELSE r.reason END AS kind
    FROM etl_reject r
    WHERE r.batch_id IN (SELECT b.batch_id FROM etl_batch b ORDER BY b.batch_id DESC LIMIT 200)
) recent
GROUP BY kind
ORDER BY count(*) DESC
LIMIT 20
