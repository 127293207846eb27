-- Rejected rows of the file's last successful load: they still stand while the file is unchanged (a skipped re-run must say so).
SELECT count(*) FROM etl_reject r
WHERE r.batch_id = (SELECT max(b.batch_id) FROM etl_batch b JOIN dim_source s ON b.source = s.path
                    WHERE s.source_name = @name AND b.status = 'succeeded')
