SELECT batch_id, owner FROM etl_batch WHERE status = 'running'
