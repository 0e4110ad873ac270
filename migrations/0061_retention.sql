-- Retention and erasure (src/ops/retention.ts, src/ops/erasure.ts).

-- A young person anonymised after their pathway ended keeps only what statistics
-- need; this records when (a table of its own, so young_people's shape is the youth feature's).
CREATE TABLE young_people_anonymised (
  young_person_id uuid PRIMARY KEY REFERENCES young_people (id) ON DELETE CASCADE,
  anonymised_at timestamptz NOT NULL DEFAULT now()
);

-- Each purge of old audit rows leaves the hash of the last removed row, so
-- `cli audit verify` checks the remaining chain from there (a removal of old
-- rows without this record is still detected).
CREATE TABLE audit_purges (
  id bigserial PRIMARY KEY,
  purged_at timestamptz NOT NULL DEFAULT now(),
  cutoff timestamptz NOT NULL,
  rows bigint NOT NULL,
  through_id bigint NOT NULL,
  through_hash text NOT NULL
);
CREATE FUNCTION audit_purges_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_purges is append-only';
END $$;
CREATE TRIGGER audit_purges_append_only BEFORE UPDATE OR DELETE ON audit_purges
  FOR EACH ROW EXECUTE FUNCTION audit_purges_guard();

-- The only way to remove audit rows: everything older than the cutoff, in id
-- order, recorded in audit_purges. SECURITY DEFINER so the app's database role
-- can run it without DELETE rights on audit_log (docs/sql/grants.sql).
CREATE FUNCTION purge_audit_log(cutoff timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  last_id bigint;
  last_hash text;
  n bigint;
BEGIN
  -- The same lock audit writers take: the chain has one order.
  PERFORM pg_advisory_xact_lock(7301002);
  SELECT a.id, a.hash INTO last_id, last_hash FROM audit_log a WHERE a.at < cutoff ORDER BY a.id DESC LIMIT 1;
  IF last_id IS NULL THEN
    RETURN 0;
  END IF;
  PERFORM set_config('fodfaeste.audit_purge', 'on', true);
  DELETE FROM audit_log WHERE id <= last_id;
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('fodfaeste.audit_purge', 'off', true);
  INSERT INTO audit_purges (cutoff, rows, through_id, through_hash) VALUES (cutoff, n, last_id, last_hash);
  RETURN n;
END $$;

-- The daily maintenance job runs once a day across all app processes.
CREATE TABLE maintenance_runs (
  job text PRIMARY KEY,
  last_run_at timestamptz NOT NULL,
  last_result jsonb
);
