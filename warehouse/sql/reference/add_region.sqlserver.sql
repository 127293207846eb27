INSERT INTO dim_region (region_code, region_name, name_en, level, parent_code, aliases)
SELECT @RegionCode, @RegionName, @NameEn, @Level, @ParentCode, @Aliases
WHERE NOT EXISTS (SELECT 1 FROM dim_region WITH (UPDLOCK, HOLDLOCK) WHERE region_code = @RegionCode)
