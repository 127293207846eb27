-- v_attainment: for each goal and milestone, what has been achieved in the target's own sense, the forecast at the
-- target year and the probability that the target is met.
-- achieved: stock/ratio/annual → the level in achieved_as_of; cumulative → the sum over the target's span up to
-- achieved_as_of; increment → the change since the year before the span. progress = achieved / target.
-- status: met / missed once the target year is observed; otherwise on_track, at_risk, off_track (by probability_met),
-- insufficient_data or not_assessed. source_kind: the weakest source behind the figures (statistics > published > illustrative).
CREATE VIEW v_attainment AS
SELECT r.region_code,
       r.region_name,
       i.indicator_code,
       i.indicator_name,
       i.unit,
       t.measure,
       t.target_kind,
       t.span_start_year AS period_start,
       t.span_end_year   AS period_end,
       t.target_year,
       t.comparator,
       t.value           AS target,
       a.latest_year,
       a.latest_value,
       a.progress,
       a.forecast_value  AS forecast,
       a.forecast_lo80   AS lo80,
       a.forecast_hi80   AS hi80,
       a.forecast_lo95   AS lo95,
       a.forecast_hi95   AS hi95,
       a.probability_met,
       a.gap,
       a.required_growth,
       a.status,
       a.note,
       s.source_name     AS source_document,
       t.evidence,
       a.achieved,
       a.achieved_as_of,
       a.source_kind
FROM fact_attainment a
JOIN fact_target t   ON t.target_key = a.target_key
JOIN dim_region r    ON r.region_key = t.region_key
JOIN dim_indicator i ON i.indicator_key = t.indicator_key
JOIN dim_source s    ON s.source_key = t.source_key;
