-- Every indicator (Catalog orders them by code, ordinally: the same on every collation).
SELECT indicator_key AS IndicatorKey, indicator_code AS IndicatorCode, indicator_name AS IndicatorName, name_en AS NameEn,
       category AS Category, unit AS Unit, alt_units AS AltUnits, measure AS Measure, direction AS Direction, is_core AS IsCore,
       synonyms AS Synonyms
FROM dim_indicator
