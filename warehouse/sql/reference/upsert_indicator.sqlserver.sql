MERGE dim_indicator WITH (HOLDLOCK) AS d
USING (SELECT @IndicatorCode AS indicator_code) AS n ON d.indicator_code = n.indicator_code
WHEN MATCHED THEN UPDATE SET indicator_name = @IndicatorName, name_en = @NameEn, category = @Category, unit = @Unit,
    alt_units = @AltUnits, measure = @Measure, direction = @Direction, is_core = @IsCore, synonyms = @Synonyms
WHEN NOT MATCHED THEN INSERT (indicator_code, indicator_name, name_en, category, unit, alt_units, measure, direction, is_core, synonyms)
    VALUES (@IndicatorCode, @IndicatorName, @NameEn, @Category, @Unit, @AltUnits, @Measure, @Direction, @IsCore, @Synonyms);
