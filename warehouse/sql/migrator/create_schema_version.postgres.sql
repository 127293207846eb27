CREATE TABLE schema_version (
    version     integer      NOT NULL PRIMARY KEY,
    name        varchar(200) NOT NULL,
    applied_at  timestamptz  NOT NULL
)
