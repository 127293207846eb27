EXEC sp_releaseapplock @Resource = @name, @LockOwner = N'Session'
