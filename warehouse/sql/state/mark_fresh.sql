DELETE FROM warehouse_state WHERE subject = @subject
