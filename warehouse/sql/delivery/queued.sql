-- Deliveries a person queued for a re-send that no run has sent yet (a server on in-memory job storage queues them again
-- at start).
SELECT delivery_id AS DeliveryId, briefing AS Briefing, channel AS Channel, recipient AS Recipient, state AS State,
       transient AS Transient, attempts AS Attempts, parts AS Parts, parts_sent AS PartsSent, bytes AS Bytes, owner AS Owner,
       claimed_at AS ClaimedAt, finished_at AS FinishedAt, error AS Error, detail AS Detail
FROM delivery_log
WHERE state = 'queued'
ORDER BY delivery_id
