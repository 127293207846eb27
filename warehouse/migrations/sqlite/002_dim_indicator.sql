-- dim_indicator: what is measured, in which canonical unit, and how it accumulates.
-- measure: stock (level at period end), annual (flow within a year), cumulative (sum over a span),
--          increment (change over a span), ratio (a share or per-capita figure).
-- direction: 1 when higher is better, -1 when lower is better.
-- alt_units: '|'-separated units accepted as the same scale (户 for 家, 分 for a 100-point %).
-- synonyms: '|'-separated names used in plans and spreadsheets.
CREATE TABLE IF NOT EXISTS dim_indicator (
    indicator_key   INTEGER PRIMARY KEY,
    indicator_code  TEXT NOT NULL UNIQUE,
    indicator_name  TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    category        TEXT NOT NULL CHECK (category IN ('patent', 'trademark', 'geographical_indication', 'copyright',
                        'financing', 'enterprise', 'service', 'talent', 'protection', 'economy')),
    unit            TEXT NOT NULL,
    alt_units       TEXT NOT NULL DEFAULT '',
    measure         TEXT NOT NULL CHECK (measure IN ('stock', 'annual', 'cumulative', 'increment', 'ratio')),
    direction       INTEGER NOT NULL DEFAULT 1 CHECK (direction IN (1, -1)),
    is_core         INTEGER NOT NULL DEFAULT 0,
    synonyms        TEXT NOT NULL DEFAULT ''
);
