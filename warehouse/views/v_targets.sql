-- v_targets: every goal, milestone and baseline from the plan documents, with the sentence it came from.
CREATE VIEW v_targets AS
SELECT r.region_code,
       r.region_name,
       i.indicator_code,
       i.indicator_name,
       i.unit,
       t.measure,
       t.target_kind,
       t.span_start_year AS period_start,
       t.span_end_year   AS period_end,
       t.target_year,
       t.comparator,
       t.value,
       s.source_name     AS source_document,
       t.evidence,
       t.evidence_offset
FROM fact_target t
JOIN dim_region r    ON r.region_key = t.region_key
JOIN dim_indicator i ON i.indicator_key = t.indicator_key
JOIN dim_source s    ON s.source_key = t.source_key;
