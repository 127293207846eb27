-- Single-year plan baselines of level-like measures: real figures an illustrative series must pass through.
SELECT region_code, indicator_code, target_year, value, source_document FROM v_targets
WHERE target_kind = 'baseline' AND period_start = period_end AND measure IN ('stock', 'ratio', 'annual')
