-- Dropped with the load's transaction, committed or not, so a pooled connection never sees a previous load's rows.
CREATE TEMP TABLE stage_observation (seq bigint PRIMARY KEY, region_key bigint NOT NULL, indicator_key bigint NOT NULL,
    period_key bigint NOT NULL, value double precision NOT NULL, location text NOT NULL, evidence text, note text) ON COMMIT DROP;
CREATE TEMP TABLE stage_key (region_key bigint, indicator_key bigint, period_key bigint, first_seq bigint NOT NULL,
    contradicted integer NOT NULL, PRIMARY KEY (region_key, indicator_key, period_key)) ON COMMIT DROP;
