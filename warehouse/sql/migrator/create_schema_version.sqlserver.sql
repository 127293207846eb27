CREATE TABLE schema_version (
    version     int            NOT NULL PRIMARY KEY,
    name        nvarchar(200)  NOT NULL,
    applied_at  datetimeoffset NOT NULL
)
