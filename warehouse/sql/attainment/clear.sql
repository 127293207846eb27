-- Removes the previous run's assessments (a run replaces them all).
DELETE FROM fact_attainment
