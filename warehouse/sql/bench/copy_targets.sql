-- Copies a template region's goals, milestones and baselines to a synthetic region, scaled.
INSERT INTO fact_target (region_key, indicator_key, source_key, target_kind, measure, comparator, value, target_year, span_start_year,
                         span_end_year, evidence, evidence_offset, batch_id)
SELECT @key, indicator_key, source_key, target_kind, measure, comparator, value * @factor, target_year, span_start_year,
       span_end_year, evidence, evidence_offset, batch_id
FROM fact_target
WHERE region_key = @template
