-- Every stored figure of one region and indicator (every source, every grain).
SELECT p.grain, p.month_from, p.month_to, p.year, o.value, s.kind
FROM fact_observation o
JOIN dim_period p ON p.period_key = o.period_key
JOIN dim_source s ON s.source_key = o.source_key
WHERE o.region_key = @regionKey AND o.indicator_key = @indicatorKey
