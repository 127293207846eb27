-- The yearly series to forecast: v_series (the best source per year) with the dimension keys the facts are written with.
SELECT r.region_key    AS RegionKey,
       i.indicator_key AS IndicatorKey,
       s.year          AS Year,
       s.value         AS Value,
       s.source_kind   AS SourceKind
FROM v_series s
JOIN dim_region r    ON r.region_code = s.region_code
JOIN dim_indicator i ON i.indicator_code = s.indicator_code
ORDER BY r.region_key, i.indicator_key, s.year
