-- Runs the analyst's statement with the reader's rights only (SET LOCAL ROLE warehouse_reader), for this transaction only.
SELECT set_config('role', 'warehouse_reader', true)
