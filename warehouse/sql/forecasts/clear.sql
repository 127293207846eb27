-- Removes the previous run's forecasts (a run replaces them all).
DELETE FROM fact_forecast
