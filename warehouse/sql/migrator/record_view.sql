INSERT INTO schema_view (view_name, checksum) VALUES (@name, @checksum)
