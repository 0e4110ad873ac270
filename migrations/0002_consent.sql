-- The consent ledger: what a young person shares with whom, append-only.
-- The current state is the newest event per (recipient, item).
CREATE TABLE consent_events (
  id bigserial PRIMARY KEY,
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  young_person_id uuid NOT NULL REFERENCES young_people (id) ON DELETE CASCADE,
  -- company: companies.id; mentor: the mentor's users.id; association: associations.id;
  -- network: the partnership itself (e.g. a success story shown to the network).
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('company', 'mentor', 'association', 'network')),
  recipient_id uuid NOT NULL,
  item text NOT NULL,
  granted boolean NOT NULL,
  purpose text NOT NULL,
  wording_version integer NOT NULL,
  changed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_events_current_idx
  ON consent_events (young_person_id, recipient_kind, recipient_id, item, id DESC);

CREATE FUNCTION consent_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Erasure of a whole person (ON DELETE CASCADE) is the only way rows leave.
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'consent_events is append-only';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER consent_events_append_only BEFORE UPDATE ON consent_events
  FOR EACH ROW EXECUTE FUNCTION consent_events_guard();
