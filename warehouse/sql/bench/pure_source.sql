-- Pure-SQL reference load: the source file and the batch the figures belong to; the benchmark writes a timestamp
-- literal in place of the at-parameter.
INSERT INTO dim_source (source_name, path, kind, checksum, loaded_at) VALUES ('bench_pure.csv', 'bench_pure.csv', 'statistics', '-', @at);
INSERT INTO etl_batch (job, triggered_by, source, started_at, status) VALUES ('bench-pure-sql', 'bench', 'bench_pure.csv', @at, 'succeeded');
