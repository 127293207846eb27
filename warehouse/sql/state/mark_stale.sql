-- Marks a subject stale; a subject that already is keeps its first time and reason.
INSERT INTO warehouse_state (subject, stale_since, reason) VALUES (@subject, @at, @reason)
ON CONFLICT (subject) DO NOTHING
