-- A synthetic county of the benchmark province; returns its key.
INSERT INTO dim_region (region_code, region_name, name_en, level, parent_code, aliases)
OUTPUT INSERTED.region_key
VALUES (@code, @name, @en, 'county', '320000', '')
