-- Claims a delivery that nothing is sending (failed, or queued for a re-send) for this run; 0 rows when its state moved on.
UPDATE delivery_log SET state = 'sending', attempts = attempts + 1, parts = @parts, owner = @owner, claimed_at = @at,
       transient = 0, error = NULL
WHERE delivery_id = @id AND state = @seen
