SELECT count_big(*) FROM #stage_key WHERE contradicted <> 0
