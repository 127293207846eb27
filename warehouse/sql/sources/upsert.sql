-- The source's key, inserting or refreshing its row with the fingerprint of this load.
INSERT INTO dim_source (source_name, path, kind, title, checksum, loaded_at, load_fingerprint)
VALUES (@name, @path, @kind, @title, @checksum, @at, @fingerprint)
ON CONFLICT (source_name) DO UPDATE SET path = excluded.path, kind = excluded.kind, title = excluded.title,
    checksum = excluded.checksum, loaded_at = excluded.loaded_at, load_fingerprint = excluded.load_fingerprint
RETURNING source_key
