SELECT period_key FROM dim_period WHERE period_code = @Code
