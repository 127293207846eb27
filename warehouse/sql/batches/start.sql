-- Opens a batch in state running and returns its id.
INSERT INTO etl_batch (job, triggered_by, source, started_at, status, owner)
VALUES (@job, @trigger, @source, @at, 'running', @owner)
RETURNING batch_id
