-- Closes a batch in the given state (succeeded, partial, failed) with its counts.
UPDATE etl_batch SET status = @status, finished_at = @at, rows_read = @Read, rows_loaded = @Loaded,
       rows_rejected = @Rejected, rows_changed = @Changed, detail = @Detail, error = @error
WHERE batch_id = @batchId
