SELECT count(*) FROM #stage_key WHERE contradicted = 1
