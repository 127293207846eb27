-- Leaves implausible figures out of the merge (Dapper expands @chunk to a parameter list).
UPDATE #stage_key SET contradicted = 2 WHERE first_seq IN @chunk
