-- Nothing to release on SQLite: its job lock is a file lock.
SELECT 0
