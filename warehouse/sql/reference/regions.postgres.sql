-- PostgreSQL: text keys sort with COLLATE "C" (byte order, as SQLite sorts) whatever collation the database was created with;
-- under a linguistic collation (en_US ignores underscores, zh orders by pinyin) rows would come out in another order.
SELECT region_key AS RegionKey, region_code AS RegionCode, region_name AS RegionName, name_en AS NameEn, level AS Level,
       parent_code AS ParentCode, aliases AS Aliases
FROM dim_region ORDER BY region_code COLLATE "C"
