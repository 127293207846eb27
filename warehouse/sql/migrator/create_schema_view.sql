-- schema_view: the views as last created (name and SHA-256 of the script), so a changed view script is re-applied.
CREATE TABLE schema_view (
    view_name  varchar(128) NOT NULL PRIMARY KEY,
    checksum   varchar(64)  NOT NULL
)
