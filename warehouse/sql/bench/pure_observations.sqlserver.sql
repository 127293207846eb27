-- T-SQL names a VALUES table's columns only through an alias list.
INSERT INTO fact_observation (region_key, indicator_key, period_key, source_key, value, location, batch_id)
SELECT v.column1, v.column2, p.period_key, s.source_key, v.column4, v.column5, b.batch_id
FROM (VALUES (@row)) AS v (column1, column2, column3, column4, column5)
JOIN dim_period p ON p.period_code = v.column3
JOIN dim_source s ON s.source_name = 'bench_pure.csv'
JOIN etl_batch b ON b.job = 'bench-pure-sql'
