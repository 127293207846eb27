-- Runs whose process died: their transaction rolled back, the batch row says so.
UPDATE etl_batch SET status = 'interrupted', finished_at = @at,
       error = CASE WHEN error IS NULL THEN @message ELSE error || '; ' || @message END
WHERE batch_id IN @dead AND status = 'running'
