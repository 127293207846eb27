SELECT stale_since AS StaleSince, reason AS Reason FROM warehouse_state WHERE subject = @subject
