-- A division a plan named that the seeds do not hold; a region already there is left as it is.
INSERT INTO dim_region (region_code, region_name, name_en, level, parent_code, aliases)
VALUES (@RegionCode, @RegionName, @NameEn, @Level, @ParentCode, @Aliases)
ON CONFLICT (region_code) DO NOTHING
