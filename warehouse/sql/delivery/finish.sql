-- Closes a claimed delivery: sent, failed (transient = 1 when a later attempt may succeed) or uncertain.
UPDATE delivery_log SET state = @state, transient = @transient, finished_at = @at, error = @error, detail = @detail
WHERE delivery_id = @id
