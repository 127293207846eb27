-- A region of seeds/regions.csv: added, or its names, level, parent and aliases refreshed.
INSERT INTO dim_region (region_code, region_name, name_en, level, parent_code, aliases)
VALUES (@RegionCode, @RegionName, @NameEn, @Level, @ParentCode, @Aliases)
ON CONFLICT (region_code) DO UPDATE SET region_name = excluded.region_name, name_en = excluded.name_en,
    level = excluded.level, parent_code = excluded.parent_code, aliases = excluded.aliases
