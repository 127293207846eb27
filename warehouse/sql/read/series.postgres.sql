-- PostgreSQL: text keys sort with COLLATE "C" (byte order, as SQLite sorts) whatever collation the database was created with;
-- under a linguistic collation (en_US ignores underscores, zh orders by pinyin) rows would come out in another order.
-- The observed yearly figures as charts show them: v_series, the same best source per year the forecast used.
SELECT region_code AS RegionCode, indicator_code AS IndicatorCode, year AS Year, value AS Value, source_kind AS SourceKind,
       source AS Source
FROM v_series
ORDER BY region_code COLLATE "C", indicator_code COLLATE "C", year
