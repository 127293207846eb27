SELECT DISTINCT region_key, indicator_key FROM #stage_key WHERE contradicted = 0 ORDER BY region_key, indicator_key
