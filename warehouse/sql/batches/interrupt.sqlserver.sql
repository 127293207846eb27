UPDATE etl_batch SET status = 'interrupted', finished_at = @at,
       error = CASE WHEN error IS NULL THEN @message ELSE error + N'; ' + @message END
WHERE batch_id IN @dead AND status = 'running'
