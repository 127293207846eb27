-- v_series: one yearly figure per region, indicator and year, from the best source. This view is the home of the ranking
-- rule in SQL (SourceKinds.Rank in C#): statistics > published > illustrative (any other kind last); among sources of the
-- same kind the latest loaded wins, then the source name, so every reader (forecast, briefing, analyst) sees the same value.
CREATE VIEW v_series AS
SELECT ranked.region_code,
       ranked.region_name,
       ranked.indicator_code,
       ranked.indicator_name,
       ranked.unit,
       ranked.year,
       ranked.value,
       ranked.source_kind,
       ranked.source
FROM (
    SELECT r.region_code,
           r.region_name,
           i.indicator_code,
           i.indicator_name,
           i.unit,
           p.year,
           o.value,
           s.kind        AS source_kind,
           s.source_name AS source,
           ROW_NUMBER() OVER (
               PARTITION BY o.region_key, o.indicator_key, p.year
               ORDER BY CASE s.kind WHEN 'statistics' THEN 1 WHEN 'published' THEN 2 ELSE 3 END,
                        s.loaded_at DESC,
                        s.source_name
           ) AS source_rank
    FROM fact_observation o
    JOIN dim_region r    ON r.region_key = o.region_key
    JOIN dim_indicator i ON i.indicator_key = o.indicator_key
    JOIN dim_period p    ON p.period_key = o.period_key
    JOIN dim_source s    ON s.source_key = o.source_key
    WHERE p.grain = 'year'
) ranked
WHERE ranked.source_rank = 1;
