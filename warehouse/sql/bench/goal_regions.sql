-- Regions whose plans set goals: the templates a synthetic province copies.
SELECT DISTINCT region_key FROM fact_target WHERE target_kind = 'goal' ORDER BY region_key
