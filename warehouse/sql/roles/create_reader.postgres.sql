-- warehouse_reader: the role `sql` runs as. NOLOGIN unless a reader password is configured (then it logs in with it).
-- Idempotent, and safe beside another database of the same cluster doing the same at once (roles are cluster-wide:
-- duplicate_object, or unique_violation when both insert together, means it is there). The migrating login becomes a
-- member, so it may SET ROLE to the reader (CREATEROLE alone does not grant that); a separately configured reader login
-- is made a member as well, so it inherits the reader's SELECT rights.
DO $$
DECLARE
    pw    text := nullif(current_setting('warehouse.reader_password', true), '');
    login text := nullif(current_setting('warehouse.reader_login', true), '');
BEGIN
    BEGIN
        CREATE ROLE warehouse_reader NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
    IF pw IS NOT NULL AND (login IS NULL OR login = 'warehouse_reader') THEN
        EXECUTE format('ALTER ROLE warehouse_reader LOGIN PASSWORD %L', pw);
    END IF;
    IF NOT pg_has_role(current_user, 'warehouse_reader', 'MEMBER') THEN
        EXECUTE format('GRANT warehouse_reader TO %I', current_user);
    END IF;
    IF login IS NOT NULL AND login <> 'warehouse_reader' AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
        EXECUTE format('GRANT warehouse_reader TO %I', login);
    END IF;
END $$
