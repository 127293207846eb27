-- Published figures for a year or a January-to-month span: real figures an illustrative series must pass through.
SELECT r.region_code, i.indicator_code, p.year, o.value, s.source_name, p.month_from, p.month_to, i.measure
FROM fact_observation o
JOIN dim_source s ON s.source_key = o.source_key
JOIN dim_period p ON p.period_key = o.period_key
JOIN dim_region r ON r.region_key = o.region_key
JOIN dim_indicator i ON i.indicator_key = o.indicator_key
WHERE s.kind = 'published' AND p.grain IN ('year', 'ytd') AND p.month_from = 1
