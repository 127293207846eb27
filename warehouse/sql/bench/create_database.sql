-- A scratch database for a benchmark; the benchmark writes its own name in place of the scratch name.
CREATE DATABASE bench_scratch
