INSERT INTO warehouse_state (subject, stale_since, reason)
SELECT @subject, @at, @reason
WHERE NOT EXISTS (SELECT 1 FROM warehouse_state WITH (UPDLOCK, HOLDLOCK) WHERE subject = @subject)
