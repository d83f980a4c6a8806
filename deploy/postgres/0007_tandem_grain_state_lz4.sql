-- Grain states are a few kilobytes of JSON (an inventory cell with its live holds), rewritten whole on every change:
-- compressed with lz4 rather than pglz, several times faster for about the same size. A PostgreSQL built without lz4
-- keeps pglz.
DO $$
BEGIN
    ALTER TABLE tandem_grain_state ALTER COLUMN payload SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'PostgreSQL was built without lz4: grain states stay compressed with pglz';
END
$$;
