-- The first figure of every uncontradicted key with its period, grouped by series (for the plausibility check).
SELECT s.seq AS Seq, s.region_key AS Region, s.indicator_key AS Indicator, p.period_code AS Code, p.grain AS Grain,
       p.month_from AS MonthFrom, p.month_to AS MonthTo, p.year AS Year, s.value AS Value, s.location AS Location, s.note AS Note
FROM #stage_key k
JOIN #stage_observation s ON s.seq = k.first_seq
JOIN dim_period p ON p.period_key = s.period_key
WHERE k.contradicted = 0
ORDER BY s.region_key, s.indicator_key
