-- dim_region: the administrative areas we report on (GB/T 2260 codes) and their parents.
-- aliases: '|'-separated names people write for the region (常州高新区|新北区 ...).
-- SQL Server conventions for every table here (no SQL Server warehouse predates these scripts, so each table is created in
-- its final form, the SQLite schema after 013):
--   keys are bigint IDENTITY: no loader inserts an explicit key (ReferenceData, Periods and the loaders name every column
--   but the key), so IDENTITY_INSERT is never needed;
--   every whole number is bigint, because the code reads SQLite's 64-bit integers into long and Dapper's record
--   constructors want the exact column type;
--   values are float(53) (float(24) / real would silently drop precision); times are datetimeoffset;
--   text is nvarchar (Chinese); a column under a UNIQUE key is bounded (nvarchar(450) at most: 900-byte key limit),
--   free text is nvarchar(max).
CREATE TABLE dim_region (
    region_key   bigint IDENTITY(1,1) PRIMARY KEY,
    region_code  nvarchar(50)  NOT NULL CONSTRAINT uq_dim_region_code UNIQUE,
    region_name  nvarchar(200) NOT NULL,
    name_en      nvarchar(200) NOT NULL,
    level        nvarchar(20)  NOT NULL CONSTRAINT ck_dim_region_level CHECK (level IN (N'province', N'city', N'county')),
    parent_code  nvarchar(50)  NULL,
    aliases      nvarchar(max) NOT NULL CONSTRAINT df_dim_region_aliases DEFAULT N''
);
