-- Nothing to do on SQLite: the migration's transaction starts with BEGIN IMMEDIATE, which already excludes other writers.
SELECT 1
