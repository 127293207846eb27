-- Row count of every warehouse table, in the order `status` lists them.
SELECT table_name AS TableName, row_count AS Total
FROM (
    SELECT 1 AS ordinal, 'dim_region' AS table_name, count(*) AS row_count FROM dim_region
    UNION ALL SELECT 2, 'dim_indicator', count(*) FROM dim_indicator
    UNION ALL SELECT 3, 'dim_period', count(*) FROM dim_period
    UNION ALL SELECT 4, 'dim_source', count(*) FROM dim_source
    UNION ALL SELECT 5, 'fact_observation', count(*) FROM fact_observation
    UNION ALL SELECT 6, 'fact_target', count(*) FROM fact_target
    UNION ALL SELECT 7, 'fact_forecast', count(*) FROM fact_forecast
    UNION ALL SELECT 8, 'fact_attainment', count(*) FROM fact_attainment
    UNION ALL SELECT 9, 'etl_batch', count(*) FROM etl_batch
    UNION ALL SELECT 10, 'etl_reject', count(*) FROM etl_reject
) counts
ORDER BY ordinal
