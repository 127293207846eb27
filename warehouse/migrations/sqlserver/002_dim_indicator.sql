-- dim_indicator: what is measured, in which canonical unit, and how it accumulates.
-- measure: stock (level at period end), annual (flow within a year), cumulative (sum over a span),
--          increment (change over a span), ratio (a share or per-capita figure).
-- direction: 1 when higher is better, -1 when lower is better. is_core: 0 or 1 (bigint, not bit: read as a number).
-- alt_units: '|'-separated units accepted as the same scale (户 for 家, 分 for a 100-point %).
-- synonyms: '|'-separated names used in plans and spreadsheets.
CREATE TABLE dim_indicator (
    indicator_key   bigint IDENTITY(1,1) PRIMARY KEY,
    indicator_code  nvarchar(200) NOT NULL CONSTRAINT uq_dim_indicator_code UNIQUE,
    indicator_name  nvarchar(200) NOT NULL,
    name_en         nvarchar(400) NOT NULL,
    category        nvarchar(40)  NOT NULL CONSTRAINT ck_dim_indicator_category CHECK (category IN (N'patent', N'trademark',
                        N'geographical_indication', N'copyright', N'financing', N'enterprise', N'service', N'talent', N'protection',
                        N'economy')),
    unit            nvarchar(50)  NOT NULL,
    alt_units       nvarchar(max) NOT NULL CONSTRAINT df_dim_indicator_alt_units DEFAULT N'',
    measure         nvarchar(20)  NOT NULL
                        CONSTRAINT ck_dim_indicator_measure CHECK (measure IN (N'stock', N'annual', N'cumulative', N'increment', N'ratio')),
    direction       bigint NOT NULL CONSTRAINT df_dim_indicator_direction DEFAULT 1
                        CONSTRAINT ck_dim_indicator_direction CHECK (direction IN (1, -1)),
    is_core         bigint NOT NULL CONSTRAINT df_dim_indicator_is_core DEFAULT 0
                        CONSTRAINT ck_dim_indicator_is_core CHECK (is_core IN (0, 1)),
    synonyms        nvarchar(max) NOT NULL CONSTRAINT df_dim_indicator_synonyms DEFAULT N''
);
