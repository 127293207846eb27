-- to_regclass follows the search_path, as the warehouse's own statements do.
SELECT CASE WHEN to_regclass(@table) IS NULL THEN 0 ELSE 1 END
