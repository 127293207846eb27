-- Every region (Catalog orders them by code, ordinally: the same on every collation).
SELECT region_key AS RegionKey, region_code AS RegionCode, region_name AS RegionName, name_en AS NameEn, level AS Level,
       parent_code AS ParentCode, aliases AS Aliases
FROM dim_region
