-- Pooled connections outlive the job: the session lock must be released explicitly.
SELECT pg_advisory_unlock(72012002, hashtext(@name))
