-- Records that one more part of a delivery was accepted (a retry resumes after it).
UPDATE delivery_log SET parts_sent = @partsSent, bytes = bytes + @bytes
WHERE delivery_id = @id
