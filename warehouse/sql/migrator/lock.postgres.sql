-- One migrator at a time across every node: a transaction-scoped advisory lock (released at commit or rollback).
SELECT pg_advisory_xact_lock(72012001)
