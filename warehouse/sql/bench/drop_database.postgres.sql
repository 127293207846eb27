-- FORCE: a pooled connection of the benchmark may still be open.
DROP DATABASE IF EXISTS bench_scratch WITH (FORCE)
