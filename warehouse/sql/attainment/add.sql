-- The assessment of one goal or milestone.
INSERT INTO fact_attainment (target_key, latest_year, latest_value, achieved, achieved_as_of, progress, forecast_value, forecast_lo80,
                             forecast_hi80, forecast_lo95, forecast_hi95, probability_met, gap, required_growth, status, source_kind,
                             note, batch_id)
VALUES (@TargetKey, @LatestYear, @LatestValue, @Achieved, @AchievedAsOf, @Progress, @Forecast, @Lo80, @Hi80, @Lo95, @Hi95, @Probability,
        @Gap, @RequiredGrowth, @Status, @SourceKind, @Note, @BatchId)
