-- v_forecasts: yearly forecasts with 80% / 95% prediction intervals.
CREATE VIEW v_forecasts AS
SELECT r.region_code,
       r.region_name,
       i.indicator_code,
       i.indicator_name,
       i.unit,
       p.year,
       f.method,
       f.point,
       f.lo80,
       f.hi80,
       f.lo95,
       f.hi95,
       f.n_observations,
       f.last_observed_year
FROM fact_forecast f
JOIN dim_region r    ON r.region_key = f.region_key
JOIN dim_indicator i ON i.indicator_key = f.indicator_key
JOIN dim_period p    ON p.period_key = f.period_key;
