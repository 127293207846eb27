-- What identifies each target row of a document, to count what a re-load changed.
SELECT i.indicator_code, t.target_kind, t.target_year, t.span_start_year, t.value, t.measure, t.comparator
FROM fact_target t JOIN dim_indicator i ON i.indicator_key = t.indicator_key
WHERE t.source_key = @sourceKey
