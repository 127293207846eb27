UPDATE etl_batch SET status = 'failed', finished_at = @at, error = @error, rows_read = @rowsRead WHERE batch_id = @batchId
