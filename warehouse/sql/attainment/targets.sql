-- The goals and milestones to assess (baselines are already reached and are not assessed).
SELECT target_key      AS TargetKey,
       region_key      AS RegionKey,
       indicator_key   AS IndicatorKey,
       measure         AS Measure,
       comparator      AS Comparator,
       value           AS Value,
       target_year     AS TargetYear,
       span_start_year AS SpanStart,
       span_end_year   AS SpanEnd
FROM fact_target
WHERE target_kind IN ('goal', 'milestone')
ORDER BY target_key
