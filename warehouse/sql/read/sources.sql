-- Every source read, for the briefing's 数据来源 sheet (ordered in ReadModels, ordinally).
SELECT source_name AS SourceName, kind AS Kind, title AS Title, checksum AS Checksum, loaded_at AS LoadedAt
FROM dim_source
