-- PostgreSQL: text keys sort with COLLATE "C" (byte order, as SQLite sorts) whatever collation the database was created with;
-- under a linguistic collation (en_US ignores underscores, zh orders by pinyin) rows would come out in another order.
SELECT indicator_key AS IndicatorKey, indicator_code AS IndicatorCode, indicator_name AS IndicatorName, name_en AS NameEn,
       category AS Category, unit AS Unit, alt_units AS AltUnits, measure AS Measure, direction AS Direction, is_core AS IsCore,
       synonyms AS Synonyms
FROM dim_indicator ORDER BY indicator_code COLLATE "C"
