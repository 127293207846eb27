-- dim_region: the administrative areas we report on (GB/T 2260 codes) and their parents.
-- aliases: '|'-separated names people write for the region (常州高新区|新北区 ...).
CREATE TABLE IF NOT EXISTS dim_region (
    region_key   INTEGER PRIMARY KEY,
    region_code  TEXT NOT NULL UNIQUE,
    region_name  TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    level        TEXT NOT NULL CHECK (level IN ('province', 'city', 'county')),
    parent_code  TEXT,
    aliases      TEXT NOT NULL DEFAULT ''
);
