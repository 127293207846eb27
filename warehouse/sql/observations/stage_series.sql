-- The series (region and indicator) that have an uncontradicted figure, for the plausibility check one series at a time.
SELECT DISTINCT region_key, indicator_key FROM stage_key WHERE contradicted = 0 ORDER BY region_key, indicator_key
