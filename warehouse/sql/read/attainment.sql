-- Every assessed goal and milestone, for briefings.
SELECT region_code AS RegionCode, region_name AS RegionName, indicator_code AS IndicatorCode, indicator_name AS IndicatorName,
       unit AS Unit, measure AS Measure, target_kind AS TargetKind, period_start AS PeriodStart, period_end AS PeriodEnd,
       target_year AS TargetYear, comparator AS Comparator, target AS Target, latest_year AS LatestYear, latest_value AS LatestValue,
       progress AS Progress, forecast AS Forecast, lo80 AS Lo80, hi80 AS Hi80, lo95 AS Lo95, hi95 AS Hi95,
       probability_met AS ProbabilityMet, gap AS Gap, required_growth AS RequiredGrowth, status AS Status, note AS Note,
       source_document AS SourceDocument, evidence AS Evidence, achieved AS Achieved, achieved_as_of AS AchievedAsOf,
       source_kind AS SourceKind
FROM v_attainment
-- A total order (a goal and a milestone, or two goals, may share region, indicator and year), so every engine lists them alike.
ORDER BY region_code, indicator_code, target_year, target_kind, period_start, period_end, measure, target, comparator, source_document
