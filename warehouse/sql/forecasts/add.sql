-- One forecast year of one series.
INSERT INTO fact_forecast (region_key, indicator_key, period_key, method, point, lo80, hi80, lo95, hi95, n_observations,
                           last_observed_year, batch_id)
VALUES (@RegionKey, @IndicatorKey, @PeriodKey, @Method, @Point, @Lo80, @Hi80, @Lo95, @Hi95, @Observations, @LastObservedYear, @BatchId)
