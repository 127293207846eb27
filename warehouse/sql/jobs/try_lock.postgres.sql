-- A session-level advisory lock per job name, held on the job's own connection: a second node waits, and a node that dies
-- loses its connection and with it the lock (no timeout to wait out). Key space 72012002 keeps it apart from the migrator's.
SELECT CASE WHEN pg_try_advisory_lock(72012002, hashtext(@name)) THEN 1 ELSE 0 END
