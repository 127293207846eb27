-- One migrator at a time across every node: an application lock owned by the migration's transaction.
EXEC sp_getapplock @Resource = N'warehouse-migrate', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 600000
