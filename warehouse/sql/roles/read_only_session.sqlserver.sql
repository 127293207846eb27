-- Turns a connection opened with the warehouse's own login into a reader's: when init created warehouse_reader_user, the
-- session takes its rights (SELECT on dbo only) for good. NO REVERT: the analyst's statement cannot REVERT back, so the
-- connection is never returned to a pool. Needs IMPERSONATE on the user (db_owner has it).
-- Returns the user the session now runs as: warehouse_reader_user, or the login's own user when init could not create it.
IF DATABASE_PRINCIPAL_ID(N'warehouse_reader_user') IS NOT NULL
    EXECUTE AS USER = N'warehouse_reader_user' WITH NO REVERT;
SELECT USER_NAME();
