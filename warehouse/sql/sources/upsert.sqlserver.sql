MERGE dim_source WITH (HOLDLOCK) AS d
USING (SELECT @name AS source_name) AS n ON d.source_name = n.source_name
WHEN MATCHED THEN UPDATE SET path = @path, kind = @kind, title = @title, checksum = @checksum, loaded_at = @at,
    load_fingerprint = @fingerprint
WHEN NOT MATCHED THEN INSERT (source_name, path, kind, title, checksum, loaded_at, load_fingerprint)
    VALUES (@name, @path, @kind, @title, @checksum, @at, @fingerprint)
OUTPUT INSERTED.source_key;
