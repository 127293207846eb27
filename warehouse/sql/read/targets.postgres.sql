-- PostgreSQL: text keys sort with COLLATE "C" (byte order, as SQLite sorts) whatever collation the database was created with;
-- under a linguistic collation (en_US ignores underscores, zh orders by pinyin) rows would come out in another order.
-- Every goal, milestone and baseline with its evidence, for the briefing's 目标 sheet and chart markers.
SELECT region_code AS RegionCode, region_name AS RegionName, indicator_code AS IndicatorCode, indicator_name AS IndicatorName,
       unit AS Unit, measure AS Measure, target_kind AS TargetKind, period_start AS PeriodStart, period_end AS PeriodEnd,
       target_year AS TargetYear, comparator AS Comparator, value AS Value, source_document AS SourceDocument, evidence AS Evidence,
       evidence_offset AS EvidenceOffset
FROM v_targets
-- A total order (two targets may share region, kind, indicator and year), so every engine lists them alike.
ORDER BY region_code COLLATE "C", target_kind COLLATE "C", indicator_code COLLATE "C", target_year, period_start, period_end,
         measure COLLATE "C", value, comparator COLLATE "C", source_document COLLATE "C",
         evidence_offset
