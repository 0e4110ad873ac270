-- Hot paths at region scale (docs/scale-and-faults.md): the caseload is ordered
-- and paged in SQL, and the audit hash chain is one chain per partnership.

-- 1. Danish name order in SQL, on PGlite (no ICU) and PostgreSQL alike.
-- A sort key whose byte order ("C") is Danish order: case and accents dropped,
-- æ/ä, ø/ö, å/aa after z in that order (as '{', '|', '}'), ü as y; last name
-- first, then first name (chr(1) sorts before any character of a name).
CREATE FUNCTION danish_sort_key(s text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT replace(lower(unaccent(translate(s, 'ÆæÄäØøÖöÅåÜü', '{{{{||||}}yy'))), 'aa', '}')
$$;

ALTER TABLE young_people ADD COLUMN sort_name text COLLATE "C" NOT NULL DEFAULT '';

CREATE FUNCTION young_people_sort_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.sort_name := danish_sort_key(NEW.last_name) || chr(1) || danish_sort_key(NEW.first_name);
  RETURN NEW;
END $$;
CREATE TRIGGER young_people_sort_name BEFORE INSERT OR UPDATE OF first_name, last_name ON young_people
  FOR EACH ROW EXECUTE FUNCTION young_people_sort_name();
UPDATE young_people SET sort_name = danish_sort_key(last_name) || chr(1) || danish_sort_key(first_name);

-- The caseload (all of the partnership, or "mine"): an index walk in name order
-- that stops after one page; id breaks ties and makes the keyset cursor unique.
CREATE INDEX young_people_caseload_idx ON young_people (partnership_id, sort_name, id);
CREATE INDEX young_people_counsellor_caseload_idx ON young_people (partnership_id, counsellor_id, sort_name, id);
-- Covered by young_people_caseload_idx.
DROP INDEX young_people_partnership_idx;

-- 2. The audit chain per partnership (src/core/audit.ts, docs/security.md).
-- Each partnership's rows form their own hash chain ('system' for rows without
-- a partnership), so a writer locks only its own chain's head row until it
-- commits, instead of one lock for the whole installation. Rows written before
-- this migration stay one chain ('legacy', rows up to audit_head.last_id, which
-- is no longer written).
CREATE TABLE audit_chain_heads (
  chain text PRIMARY KEY,
  last_id bigint NOT NULL,
  last_hash text NOT NULL
);

-- Each purge also leaves the hash of the last removed row of every chain it cut.
CREATE TABLE audit_purge_chains (
  purge_id bigint NOT NULL,
  chain text NOT NULL,
  through_id bigint NOT NULL,
  through_hash text NOT NULL,
  PRIMARY KEY (purge_id, chain)
);
CREATE INDEX audit_purge_chains_chain_idx ON audit_purge_chains (chain, purge_id);
CREATE FUNCTION audit_purge_chains_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_purge_chains is append-only';
END $$;
CREATE TRIGGER audit_purge_chains_append_only BEFORE UPDATE OR DELETE ON audit_purge_chains
  FOR EACH ROW EXECUTE FUNCTION audit_purge_chains_guard();
-- Purges before this migration cut the single chain, now called 'legacy'.
INSERT INTO audit_purge_chains (purge_id, chain, through_id, through_hash)
  SELECT id, 'legacy', through_id, through_hash FROM audit_purges;

CREATE OR REPLACE FUNCTION purge_audit_log(cutoff timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  last_id bigint;
  last_hash text;
  legacy_last bigint;
  purge bigint;
  n bigint;
BEGIN
  -- One purge at a time; then wait for every writer: each holds its chain's head row until it commits.
  PERFORM pg_advisory_xact_lock(7301002);
  PERFORM 1 FROM audit_chain_heads ORDER BY chain FOR UPDATE;
  SELECT a.id, a.hash INTO last_id, last_hash FROM audit_log a WHERE a.at < cutoff ORDER BY a.id DESC LIMIT 1;
  IF last_id IS NULL THEN
    RETURN 0;
  END IF;
  SELECT h.last_id INTO legacy_last FROM audit_head h WHERE h.id = 1;
  purge := nextval(pg_get_serial_sequence('audit_purges', 'id'));
  INSERT INTO audit_purge_chains (purge_id, chain, through_id, through_hash)
    SELECT DISTINCT ON (c.chain) purge, c.chain, c.id, c.hash
    FROM (SELECT a.id, a.hash,
                 CASE WHEN a.id <= legacy_last THEN 'legacy' ELSE coalesce(a.partnership_id::text, 'system') END AS chain
          FROM audit_log a WHERE a.id <= last_id) c
    ORDER BY c.chain, c.id DESC;
  PERFORM set_config('fodfaeste.audit_purge', 'on', true);
  DELETE FROM audit_log WHERE id <= last_id;
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('fodfaeste.audit_purge', 'off', true);
  INSERT INTO audit_purges (id, cutoff, rows, through_id, through_hash) VALUES (purge, cutoff, n, last_id, last_hash);
  RETURN n;
END $$;
