-- A synthetic county of the benchmark province; returns its key.
INSERT INTO dim_region (region_code, region_name, name_en, level, parent_code, aliases)
VALUES (@code, @name, @en, 'county', '320000', '')
RETURNING region_key
