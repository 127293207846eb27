-- Whether this file, read with this reference data, is exactly what its last successful load read.
SELECT count(*) FROM dim_source WHERE source_name = @name AND load_fingerprint = @fingerprint
