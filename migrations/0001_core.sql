-- Core: partnerships (tenants), users and their roles, sessions, login throttling,
-- the hash-chained audit log, and the young person's base record.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE partnerships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  slug text NOT NULL UNIQUE,
  municipality text,
  age_min integer NOT NULL DEFAULT 15,
  age_max integer NOT NULL DEFAULT 29,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (age_min >= 0 AND age_max >= age_min)
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL,
  phone text,
  password_hash text,
  active boolean NOT NULL DEFAULT true,
  locale text NOT NULL DEFAULT 'da' CHECK (locale IN ('da', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  deactivated_at timestamptz
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- A user has one role in each partnership they belong to.
CREATE TABLE memberships (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('counsellor', 'company_contact', 'volunteer_mentor',
    'association_contact', 'young_person', 'steering_group', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, partnership_id)
);
CREATE INDEX memberships_partnership_idx ON memberships (partnership_id, role);

-- Server-side sessions: only a hash of the cookie value is stored.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  partnership_id uuid REFERENCES partnerships (id) ON DELETE SET NULL,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  account text NOT NULL,
  ip text NOT NULL,
  success boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_account_idx ON login_attempts (account, at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, at);

-- Append-only: one row per use of a person's data. Each row's hash covers the
-- previous row's hash, and audit_head holds the newest, so an edit, a deletion
-- or a cut-off tail is detected by `cli audit verify`.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid,
  partnership_id uuid,
  role text,
  action text NOT NULL CHECK (action IN ('read', 'search', 'create', 'change', 'export', 'delete')),
  subject_kind text NOT NULL,
  subject_id uuid,
  criterion text,
  purpose text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_id, at);

CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  last_id bigint NOT NULL,
  last_hash text NOT NULL
);

-- Rows may only be removed by the retention job, which sets fodfaeste.audit_purge for its transaction.
CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' OR coalesce(current_setting('fodfaeste.audit_purge', true), '') <> 'on' THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();

-- The young person's base record; the youth feature adds screening, plan, pathway.
CREATE TABLE young_people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  counsellor_id uuid REFERENCES users (id) ON DELETE SET NULL,
  first_name text NOT NULL,
  last_name text NOT NULL,
  birth_date date NOT NULL,
  phone text,
  email text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX young_people_partnership_idx ON young_people (partnership_id);
CREATE INDEX young_people_counsellor_idx ON young_people (counsellor_id);
CREATE UNIQUE INDEX young_people_user_key ON young_people (user_id) WHERE user_id IS NOT NULL;
