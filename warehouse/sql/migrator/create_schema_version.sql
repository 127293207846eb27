-- schema_version: one row per applied migration (warehouse/migrations/<engine>/NNN_name.sql).
CREATE TABLE schema_version (
    version     integer      NOT NULL PRIMARY KEY,
    name        varchar(200) NOT NULL,
    applied_at  varchar(40)  NOT NULL
)
