-- One quarantined row: where it was, why it was refused, what it said.
INSERT INTO etl_reject (batch_id, file_name, location, reason, raw_text) VALUES (@batch, @file, @location, @reason, @raw)
