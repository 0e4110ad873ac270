-- Youth feature: intake fields, pathway state, follow-up, versioned screening and plan,
-- pathway history, append-only journal, and single-use invites for the young person.

ALTER TABLE young_people
  ADD COLUMN referral_source text NOT NULL DEFAULT 'municipality'
    CHECK (referral_source IN ('municipality', 'school', 'parent', 'self', 'other')),
  ADD COLUMN municipal_case_ref text,
  ADD COLUMN address text,
  ADD COLUMN postal_code text,
  ADD COLUMN guardian_name text,
  ADD COLUMN guardian_phone text,
  ADD COLUMN guardian_email text,
  ADD COLUMN preferred_contact_times text,
  ADD COLUMN stage text NOT NULL DEFAULT 'referred'
    CHECK (stage IN ('referred', 'screening', 'clarification', 'in_placement', 'in_education', 'employed', 'ended')),
  ADD COLUMN outcome text
    CHECK (outcome IN ('ordinary_employment', 'flex_job', 'disability_pension', 'education', 'resource_course',
      'public_benefits', 'moved', 'dropped_out', 'still_active')),
  ADD COLUMN outcome_education text CHECK (outcome_education IN ('FGU', 'EGU', 'STU', 'EUD', 'HF', 'gymnasium', 'other')),
  ADD COLUMN outcome_date date,
  ADD COLUMN next_follow_up date,
  ADD COLUMN next_appointment_at timestamptz,
  ADD COLUMN next_appointment_place text,
  ADD COLUMN last_contact_at timestamptz,
  -- Normalised "first last" for search that tolerates æ/ø/å written as ae/oe/aa.
  ADD COLUMN search_name text NOT NULL DEFAULT '',
  -- An outcome belongs to an ended pathway only.
  ADD CONSTRAINT young_people_outcome_needs_end CHECK (outcome IS NULL OR stage = 'ended'),
  ADD CONSTRAINT young_people_education_detail CHECK (outcome_education IS NULL OR outcome = 'education');
CREATE INDEX young_people_follow_up_idx ON young_people (partnership_id, next_follow_up);
CREATE INDEX young_people_search_idx ON young_people USING gin (search_name gin_trgm_ops);

-- Screening (afklaring): every save is a new version, so progression over time shows.
CREATE TABLE screenings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  young_person_id uuid NOT NULL REFERENCES young_people (id) ON DELETE CASCADE,
  version integer NOT NULL,
  barriers text[] NOT NULL DEFAULT '{}',
  barrier_note text,
  health_note text,
  strengths text[] NOT NULL DEFAULT '{}',
  interests text[] NOT NULL DEFAULT '{}',
  wishes text,
  days_per_week integer CHECK (days_per_week BETWEEN 0 AND 7),
  hours_per_day integer CHECK (hours_per_day BETWEEN 0 AND 24),
  earliest_start date,
  transport text[] NOT NULL DEFAULT '{}',
  max_travel_minutes integer CHECK (max_travel_minutes BETWEEN 0 AND 600),
  readiness text CHECK (readiness IN ('obviously_ready', 'ready', 'activity_ready', 'not_ready')),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (young_person_id, version)
);

-- The plan: each save is a new version (goals and agreements as documents).
CREATE TABLE plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  young_person_id uuid NOT NULL REFERENCES young_people (id) ON DELETE CASCADE,
  version integer NOT NULL,
  contact_person_id uuid REFERENCES users (id) ON DELETE SET NULL,
  summary text,
  goals jsonb NOT NULL DEFAULT '[]',
  agreements jsonb NOT NULL DEFAULT '[]',
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (young_person_id, version)
);

-- Pathway history: every stage change, outcome and reopening.
CREATE TABLE pathway_events (
  id bigserial PRIMARY KEY,
  young_person_id uuid NOT NULL REFERENCES young_people (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('intake', 'stage', 'end', 'reopen')),
  from_stage text,
  to_stage text NOT NULL,
  outcome text,
  outcome_education text,
  outcome_date date,
  note text,
  changed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pathway_events_yp_idx ON pathway_events (young_person_id, id);

-- Journal: never edited in place. A correction is a new row with the same entry_id
-- and the next version; the old row stays.
CREATE TABLE journal_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entry_id uuid NOT NULL,
  version integer NOT NULL,
  young_person_id uuid NOT NULL REFERENCES young_people (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('meeting', 'phone', 'note', 'concern')),
  occurred_on date NOT NULL,
  sensitivity text NOT NULL CHECK (sensitivity IN ('ordinary', 'special')),
  body text NOT NULL,
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (entry_id, version)
);
CREATE INDEX journal_entries_yp_idx ON journal_entries (young_person_id, occurred_on);

CREATE FUNCTION journal_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'journal_entries is append-only: write a new version';
END $$;
CREATE TRIGGER journal_entries_append_only BEFORE UPDATE ON journal_entries
  FOR EACH ROW EXECUTE FUNCTION journal_entries_guard();

-- Invites: a young person sets their own password through a single-use, expiring link.
CREATE TABLE youth_invites (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  young_person_id uuid NOT NULL REFERENCES young_people (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Keeps search_name in step with the name on every write, whoever writes the row.
CREATE FUNCTION young_people_search_name() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE n text := NEW.first_name || ' ' || NEW.last_name;
BEGIN
  n := replace(replace(replace(n, 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa');
  n := replace(replace(replace(n, 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa');
  NEW.search_name := lower(unaccent(n));
  RETURN NEW;
END $$;
CREATE TRIGGER young_people_search_name BEFORE INSERT OR UPDATE OF first_name, last_name ON young_people
  FOR EACH ROW EXECUTE FUNCTION young_people_search_name();
UPDATE young_people SET first_name = first_name;
