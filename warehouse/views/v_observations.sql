-- v_observations: every observed figure with its period and where it came from (file and row or cell).
CREATE VIEW v_observations AS
SELECT r.region_code,
       r.region_name,
       i.indicator_code,
       i.indicator_name,
       i.unit,
       p.year,
       p.period_code AS period,
       o.value,
       s.kind        AS source_kind,
       s.source_name AS source,
       o.location,
       o.evidence
FROM fact_observation o
JOIN dim_region r    ON r.region_key = o.region_key
JOIN dim_indicator i ON i.indicator_key = o.indicator_key
JOIN dim_period p    ON p.period_key = o.period_key
JOIN dim_source s    ON s.source_key = o.source_key;
