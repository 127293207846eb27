-- Turns a connection opened with the warehouse's own login into a reader's: the session takes the rights of
-- warehouse_reader_user (SELECT on dbo only) for good. NO REVERT: the analyst's statement cannot REVERT back, so the
-- connection is never returned to a pool. Needs IMPERSONATE on the user (db_owner has it).
IF DATABASE_PRINCIPAL_ID(N'warehouse_reader_user') IS NULL
    THROW 50001, N'warehouse_reader_user is missing: run `init` first / 只读用户不存在，请先运行 init', 1;
EXECUTE AS USER = N'warehouse_reader_user' WITH NO REVERT;
