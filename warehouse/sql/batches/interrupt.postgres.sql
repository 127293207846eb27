-- Npgsql passes a list as one array parameter (Dapper does not expand it into IN (...) there).
UPDATE etl_batch SET status = 'interrupted', finished_at = @at,
       error = CASE WHEN error IS NULL THEN @message ELSE error || '; ' || @message END
WHERE batch_id = ANY(@dead) AND status = 'running'
