DELETE FROM schema_view
