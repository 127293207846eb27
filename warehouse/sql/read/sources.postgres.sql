-- PostgreSQL: text keys sort with COLLATE "C" (byte order, as SQLite sorts) whatever collation the database was created with;
-- under a linguistic collation (en_US ignores underscores, zh orders by pinyin) rows would come out in another order.
-- Every source read, for the briefing's 数据来源 sheet.
SELECT source_name AS SourceName, kind AS Kind, title AS Title, checksum AS Checksum, loaded_at AS LoadedAt
FROM dim_source
ORDER BY kind COLLATE "C", source_name COLLATE "C"
