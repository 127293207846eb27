-- Claims a delivery that has no row yet (state sending); 0 rows when the briefing, channel and recipient already have one.
INSERT INTO delivery_log (briefing, channel, recipient, state, attempts, parts, owner, claimed_at)
SELECT @briefing, @channel, @recipient, 'sending', 1, @parts, @owner, @at
WHERE NOT EXISTS (SELECT 1 FROM delivery_log WHERE briefing = @briefing AND channel = @channel AND recipient = @recipient)
