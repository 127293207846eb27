-- Every delivery of a briefing, in the order they were first claimed.
SELECT delivery_id AS DeliveryId, briefing AS Briefing, channel AS Channel, recipient AS Recipient, state AS State,
       transient AS Transient, attempts AS Attempts, parts AS Parts, parts_sent AS PartsSent, bytes AS Bytes, owner AS Owner,
       claimed_at AS ClaimedAt, finished_at AS FinishedAt, error AS Error, detail AS Detail
FROM delivery_log
WHERE briefing = @briefing
ORDER BY delivery_id
