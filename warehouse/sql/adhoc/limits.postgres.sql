-- The server's own deadline for the analyst's statement (milliseconds), for this transaction only.
SELECT set_config('statement_timeout', @timeout, true)
