-- dim_period: calendar periods. period_code is '2023' (year), '2023H1', '2023Q2' or '2023-06' (month),
-- or '2023M1-6' for a year-to-date span (January to June).
-- start_date / end_date are date: the loaders bind 'yyyy-MM-dd' strings, which SQL Server converts to date whatever the
-- session's DATEFORMAT (ISO 8601 is always unambiguous for date); nothing reads them back as text.
CREATE TABLE dim_period (
    period_key   bigint IDENTITY(1,1) PRIMARY KEY,
    period_code  nvarchar(20) NOT NULL CONSTRAINT uq_dim_period_code UNIQUE,
    grain        nvarchar(10) NOT NULL
                     CONSTRAINT ck_dim_period_grain CHECK (grain IN (N'year', N'half', N'quarter', N'month', N'ytd')),
    year         bigint NOT NULL,
    month_from   bigint NOT NULL,
    month_to     bigint NOT NULL,
    start_date   date   NOT NULL,
    end_date     date   NOT NULL
);
