-- First in the ad-hoc transaction, before any query takes a snapshot: after that PostgreSQL refuses to make it read-write.
SET TRANSACTION READ ONLY
