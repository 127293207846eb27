-- dim_source: every document or file the warehouse has read.
-- kind: plan (a government plan document), statistics (a statistician's file),
--       published (a figure quoted from a public source), illustrative (generated demo data).
-- load_fingerprint (SQLite's 010) is part of the table from the start.
-- source_name is a file name (at most 255 bytes on the file systems we read), so nvarchar(450) fits the unique key.
CREATE TABLE dim_source (
    source_key        bigint IDENTITY(1,1) PRIMARY KEY,
    source_name       nvarchar(450)  NOT NULL CONSTRAINT uq_dim_source_name UNIQUE,
    path              nvarchar(max)  NOT NULL,
    kind              nvarchar(20)   NOT NULL
                          CONSTRAINT ck_dim_source_kind CHECK (kind IN (N'plan', N'statistics', N'published', N'illustrative')),
    title             nvarchar(max)  NULL,
    checksum          nvarchar(64)   NOT NULL,
    loaded_at         datetimeoffset NOT NULL,
    load_fingerprint  nvarchar(64)   NULL
);
