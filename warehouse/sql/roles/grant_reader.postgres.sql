-- SELECT on every table and view of the warehouse's schema, and on those created later by this login (the migrator drops
-- and recreates views, which would otherwise lose their grants). Nothing else: no INSERT, UPDATE, DELETE, TRUNCATE or DDL.
DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO warehouse_reader', current_schema());
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO warehouse_reader', current_schema());
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO warehouse_reader', current_schema());
END $$
