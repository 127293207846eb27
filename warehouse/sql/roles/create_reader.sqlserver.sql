-- warehouse_reader: may SELECT from every table and view of dbo and nothing else (run by every migration; idempotent).
-- warehouse_reader_user: a user without a login, member of the role. When no reader login is configured, `sql` impersonates
-- it (EXECUTE AS USER ... WITH NO REVERT), so the server itself refuses every write and every other database.
IF DATABASE_PRINCIPAL_ID(N'warehouse_reader') IS NULL
    CREATE ROLE warehouse_reader AUTHORIZATION dbo;
GRANT SELECT ON SCHEMA::dbo TO warehouse_reader;
IF DATABASE_PRINCIPAL_ID(N'warehouse_reader_user') IS NULL
    CREATE USER warehouse_reader_user WITHOUT LOGIN WITH DEFAULT_SCHEMA = dbo;
IF IS_ROLEMEMBER(N'warehouse_reader', N'warehouse_reader_user') = 0
    ALTER ROLE warehouse_reader ADD MEMBER warehouse_reader_user;
