-- Claims a delivery that has no row yet (state sending); 0 rows when the briefing, channel and recipient already have one.
-- UPDLOCK, HOLDLOCK: the key range stays locked between the check and the insert.
INSERT INTO delivery_log (briefing, channel, recipient, state, attempts, parts, owner, claimed_at)
SELECT @briefing, @channel, @recipient, N'sending', 1, @parts, @owner, @at
WHERE NOT EXISTS (SELECT 1 FROM delivery_log WITH (UPDLOCK, HOLDLOCK)
                  WHERE briefing = @briefing AND channel = @channel AND recipient = @recipient)
