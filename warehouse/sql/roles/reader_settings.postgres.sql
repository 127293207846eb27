-- Hands the reader's password and login name to the DO blocks below for this transaction only: utility statements such
-- as ALTER ROLE take no bind parameters, and reading a setting keeps the password out of the statement text (and the logs).
SELECT set_config('warehouse.reader_password', @password, true), set_config('warehouse.reader_login', @login, true)
