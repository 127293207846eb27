-- Goals and milestones, and how many of them have an attainment row.
SELECT (SELECT count(*) FROM fact_target WHERE target_kind IN ('goal', 'milestone')) AS targets,
       (SELECT count(*) FROM fact_attainment a JOIN fact_target t ON t.target_key = a.target_key
         WHERE t.target_kind IN ('goal', 'milestone')) AS assessed
