-- The latest @n deliveries older than delivery @before, newest first (the dashboard pages by id).
SELECT delivery_id AS DeliveryId, briefing AS Briefing, channel AS Channel, recipient AS Recipient, state AS State,
       transient AS Transient, attempts AS Attempts, parts AS Parts, parts_sent AS PartsSent, bytes AS Bytes, owner AS Owner,
       claimed_at AS ClaimedAt, finished_at AS FinishedAt, error AS Error, detail AS Detail
FROM delivery_log
WHERE delivery_id < @before
ORDER BY delivery_id DESC
LIMIT @n
