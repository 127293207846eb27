INSERT INTO etl_batch (job, triggered_by, source, started_at, status, owner)
OUTPUT INSERTED.batch_id
VALUES (@job, @trigger, @source, @at, 'running', @owner)
