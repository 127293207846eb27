SELECT view_name AS Name, checksum AS Checksum FROM schema_view
