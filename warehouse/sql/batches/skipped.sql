-- One row saying a run left files alone.
INSERT INTO etl_batch (job, triggered_by, started_at, finished_at, status, rows_read, detail)
VALUES (@job, @trigger, @at, @at, 'skipped', @files, @detail)
