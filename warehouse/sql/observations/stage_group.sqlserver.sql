-- Groups the staged figures by key: the first figure of each (first_seq) and whether the key's figures disagree
-- (contradicted: 0 no, 1 two different values in the file, 2 set later for an implausible figure).
CREATE TABLE #stage_key (
    region_key     bigint NOT NULL,
    indicator_key  bigint NOT NULL,
    period_key     bigint NOT NULL,
    first_seq      bigint NOT NULL UNIQUE,
    contradicted   int    NOT NULL,
    PRIMARY KEY (region_key, indicator_key, period_key)
);
INSERT INTO #stage_key (region_key, indicator_key, period_key, first_seq, contradicted)
SELECT region_key, indicator_key, period_key, min(seq), CASE WHEN min(value) <> max(value) THEN 1 ELSE 0 END
FROM #stage_observation
GROUP BY region_key, indicator_key, period_key;
