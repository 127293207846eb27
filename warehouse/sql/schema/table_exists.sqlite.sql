-- 1 when a table or view of this name exists, else 0 (each engine asks its own catalog; no portable form covers SQLite).
SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name = @table
