-- An indicator of seeds/indicators.csv: added, or everything but its code refreshed.
INSERT INTO dim_indicator (indicator_code, indicator_name, name_en, category, unit, alt_units, measure, direction, is_core, synonyms)
VALUES (@IndicatorCode, @IndicatorName, @NameEn, @Category, @Unit, @AltUnits, @Measure, @Direction, @IsCore, @Synonyms)
ON CONFLICT (indicator_code) DO UPDATE SET indicator_name = excluded.indicator_name, name_en = excluded.name_en,
    category = excluded.category, unit = excluded.unit, alt_units = excluded.alt_units, measure = excluded.measure,
    direction = excluded.direction, is_core = excluded.is_core, synonyms = excluded.synonyms
