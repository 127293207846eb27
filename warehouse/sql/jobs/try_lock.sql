-- Overridden per server engine; SQLite takes the job lock as a file lock beside the database (SqliteDialect.AcquireJobLock).
SELECT 0
