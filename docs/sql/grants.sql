-- Least privilege for the app's database role on PostgreSQL (docs/security.md).
-- Run as the owner of the schema (the role that runs `npm run cli -- migrate`),
-- after migrating, and again after each upgrade that adds tables:
--   psql "$OWNER_DATABASE_URL" -v ON_ERROR_STOP=1 -f docs/sql/grants.sql
-- Create the login role once beforehand, e.g.
--   CREATE ROLE fodfaeste_app LOGIN PASSWORD '…';
-- and give the app DATABASE_URL=postgres://fodfaeste_app:…@host/db.

GRANT USAGE ON SCHEMA public TO fodfaeste_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fodfaeste_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO fodfaeste_app;

-- The audit log is append-only for the app: it may add and read rows, never
-- change or remove them. Old rows leave only through purge_audit_log(), which
-- runs with the owner's rights (SECURITY DEFINER) and records each purge.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_purges, audit_purge_chains FROM fodfaeste_app;
REVOKE TRUNCATE ON ALL TABLES IN SCHEMA public FROM fodfaeste_app;
REVOKE EXECUTE ON FUNCTION purge_audit_log(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION purge_audit_log(timestamptz) TO fodfaeste_app;

-- The migration history is the owner's.
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM fodfaeste_app;

-- The reminder worker's job queue (pg-boss) lives in its own schema.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss') THEN
    EXECUTE 'GRANT USAGE ON SCHEMA pgboss TO fodfaeste_app';
    EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO fodfaeste_app';
    EXECUTE 'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA pgboss TO fodfaeste_app';
  END IF;
END $$;
