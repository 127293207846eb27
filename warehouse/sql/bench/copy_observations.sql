-- Copies a template region's figures to a synthetic region, scaled.
INSERT INTO fact_observation (region_key, indicator_key, period_key, source_key, value, location, evidence, note, batch_id)
SELECT @key, indicator_key, period_key, source_key, value * @factor, location, evidence, note, batch_id
FROM fact_observation
WHERE region_key = @template
