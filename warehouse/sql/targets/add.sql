INSERT INTO fact_target (region_key, indicator_key, source_key, target_kind, measure, comparator, value, target_year,
    span_start_year, span_end_year, evidence, evidence_offset, batch_id)
VALUES (@region, @indicator, @source, @kind, @measure, @comparator, @value, @targetYear, @spanStart, @spanEnd,
    @evidence, @offset, @batch)
