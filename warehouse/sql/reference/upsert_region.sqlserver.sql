MERGE dim_region WITH (HOLDLOCK) AS d
USING (SELECT @RegionCode AS region_code) AS n ON d.region_code = n.region_code
WHEN MATCHED THEN UPDATE SET region_name = @RegionName, name_en = @NameEn, level = @Level, parent_code = @ParentCode,
    aliases = @Aliases
WHEN NOT MATCHED THEN INSERT (region_code, region_name, name_en, level, parent_code, aliases)
    VALUES (@RegionCode, @RegionName, @NameEn, @Level, @ParentCode, @Aliases);
