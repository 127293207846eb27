SELECT s.seq AS Seq, p.period_code AS PeriodCode, p.grain AS Grain, p.month_from AS MonthFrom, p.month_to AS MonthTo,
       p.year AS Year, s.value AS Value, s.location AS Location, s.note AS Note
FROM #stage_key k
JOIN #stage_observation s ON s.seq = k.first_seq
JOIN dim_period p ON p.period_key = s.period_key
WHERE k.region_key = @region AND k.indicator_key = @indicator AND k.contradicted = 0
ORDER BY k.period_key
