-- The observed yearly figures as charts show them: v_series, the same best source per year the forecast used.
SELECT region_code AS RegionCode, indicator_code AS IndicatorCode, year AS Year, value AS Value, source_kind AS SourceKind,
       source AS Source
FROM v_series
