-- PostgreSQL: text keys sort with COLLATE "C" (byte order, as SQLite sorts) whatever collation the database was created with;
-- under a linguistic collation (en_US ignores underscores, zh orders by pinyin) rows would come out in another order.
-- Every forecast year with its 80% and 95% intervals.
SELECT region_code AS RegionCode, indicator_code AS IndicatorCode, year AS Year, point AS Point, lo80 AS Lo80, hi80 AS Hi80,
       lo95 AS Lo95, hi95 AS Hi95
FROM v_forecasts
ORDER BY region_code COLLATE "C", indicator_code COLLATE "C", year
