UPDATE #stage_key SET contradicted = 2 WHERE first_seq = @seq
