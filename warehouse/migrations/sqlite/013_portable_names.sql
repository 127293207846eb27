-- 013: no reserved words as column names, so the same statements run on PostgreSQL and SQL Server
-- (TRIGGER and FILE are reserved in T-SQL): etl_batch.trigger → triggered_by, etl_reject.file → file_name.
ALTER TABLE etl_batch RENAME COLUMN "trigger" TO triggered_by;
ALTER TABLE etl_reject RENAME COLUMN "file" TO file_name;
