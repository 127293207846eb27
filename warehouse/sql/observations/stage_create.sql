-- The file's figures in file order (seq), and one row per key: its first figure and whether the key's figures disagree
-- (contradicted 1) or the first one is implausible (2). SQLite: temporary tables live with the connection, which is not pooled.
DROP TABLE IF EXISTS temp.stage_observation;
DROP TABLE IF EXISTS temp.stage_key;
CREATE TEMP TABLE stage_observation (seq INTEGER PRIMARY KEY, region_key INTEGER, indicator_key INTEGER, period_key INTEGER,
    value REAL, location TEXT, evidence TEXT, note TEXT);
CREATE TEMP TABLE stage_key (region_key INTEGER, indicator_key INTEGER, period_key INTEGER, first_seq INTEGER, contradicted INTEGER,
    PRIMARY KEY (region_key, indicator_key, period_key)) WITHOUT ROWID;
