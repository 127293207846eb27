-- 010: dim_source.load_fingerprint = SHA-256 of the file's checksum and of the reference data it was read with.
-- A file whose fingerprint equals its last successful load is skipped (unchanged input is a no-op); a new synonym
-- in seeds/ changes the fingerprint, so rejected rows get their second chance.
ALTER TABLE dim_source ADD COLUMN load_fingerprint TEXT;
