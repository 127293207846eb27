-- Whether warehouse_reader exists, whether this login may create or alter roles, and whether it may SET ROLE to the reader.
SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'warehouse_reader') AS "Exists",
       (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) AS "CanCreate",
       CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'warehouse_reader')
            THEN pg_has_role(current_user, 'warehouse_reader', 'MEMBER') ELSE false END AS "IsMember"
