-- A re-loaded document replaces all its rows (their attainment rows go with them: ON DELETE CASCADE).
DELETE FROM fact_target WHERE source_key = @sourceKey
