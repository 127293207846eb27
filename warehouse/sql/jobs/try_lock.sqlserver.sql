-- An application lock owned by the job's session: released when the job releases it or its connection dies.
DECLARE @result int;
EXEC @result = sp_getapplock @Resource = @name, @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 0;
SELECT CASE WHEN @result >= 0 THEN 1 ELSE 0 END
