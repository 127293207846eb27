-- Every goal, milestone and baseline with its evidence, for the briefing's 目标 sheet and chart markers.
SELECT region_code AS RegionCode, region_name AS RegionName, indicator_code AS IndicatorCode, indicator_name AS IndicatorName,
       unit AS Unit, measure AS Measure, target_kind AS TargetKind, period_start AS PeriodStart, period_end AS PeriodEnd,
       target_year AS TargetYear, comparator AS Comparator, value AS Value, source_document AS SourceDocument, evidence AS Evidence,
       evidence_offset AS EvidenceOffset
FROM v_targets
-- A total order (two targets may share region, kind, indicator and year), so every engine lists them alike.
ORDER BY region_code, target_kind, indicator_code, target_year, period_start, period_end, measure, value, comparator, source_document,
         evidence_offset
