-- A person asks for a delivery to go again: failed ones resume, uncertain ones start over (it may have arrived once); one
-- already queued stays queued (asking twice is harmless: the first run to claim it sends it, the next finds it sent).
UPDATE delivery_log SET state = 'queued', parts_sent = CASE WHEN state = 'uncertain' THEN 0 ELSE parts_sent END
WHERE delivery_id = @id AND state IN ('failed', 'uncertain', 'queued')
