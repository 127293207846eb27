-- The reader login named in the address (sqlserver://…?reader=NAME) becomes a database user in warehouse_reader.
-- The login itself is the DBA's (a server-level principal); when it does not exist yet nothing happens here.
-- Names are quoted with QUOTENAME and run through sp_executesql: CREATE USER takes no parameter for a name.
DECLARE @user sysname = @reader, @ddl nvarchar(max);
IF DATABASE_PRINCIPAL_ID(@user) IS NULL AND SUSER_ID(@user) IS NOT NULL
BEGIN
    SET @ddl = N'CREATE USER ' + QUOTENAME(@user) + N' FOR LOGIN ' + QUOTENAME(@user) + N' WITH DEFAULT_SCHEMA = dbo';
    EXEC sp_executesql @ddl;
END;
IF DATABASE_PRINCIPAL_ID(@user) IS NOT NULL AND IS_ROLEMEMBER(N'warehouse_reader', @user) = 0
BEGIN
    SET @ddl = N'ALTER ROLE warehouse_reader ADD MEMBER ' + QUOTENAME(@user);
    EXEC sp_executesql @ddl;
END;
