-- The company network: companies, their contact persons (some with a login),
-- openings (what a company can offer), network events and success stories.
-- "Active" (a young person attached in the last 12 months) is computed from
-- placements, never stored.
CREATE TABLE companies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  cvr text CHECK (cvr ~ '^[0-9]{8}$'),
  address text,
  postal_code text CHECK (postal_code ~ '^[0-9]{4}$'),
  city text,
  industry text,
  size text CHECK (size IN ('1-9', '10-49', '50-249', '250+')),
  membership text NOT NULL CHECK (membership IN ('fixed_partner', 'steering_group', 'network_member', 'occasional')),
  kind text NOT NULL CHECK (kind IN ('training', 'hiring', 'both')),
  experience_tags text[] NOT NULL DEFAULT '{}',
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX companies_partnership_idx ON companies (partnership_id, name);
CREATE UNIQUE INDEX companies_cvr_key ON companies (partnership_id, cvr) WHERE cvr IS NOT NULL;

-- A contact person of a company. user_id links a login (role company_contact);
-- one company per login and partnership, so the employer view knows "my company".
CREATE TABLE company_contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  company_id uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  title text,
  phone text,
  email text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX company_contacts_company_idx ON company_contacts (company_id);
CREATE UNIQUE INDEX company_contacts_user_key ON company_contacts (user_id, partnership_id) WHERE user_id IS NOT NULL;

CREATE TABLE openings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  company_id uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  tasks text NOT NULL DEFAULT '',
  placement_kinds text[] NOT NULL CHECK (cardinality(placement_kinds) > 0
    AND placement_kinds <@ ARRAY['trial', 'work_placement', 'wage_subsidy', 'paid_hours', 'leisure_job', 'apprenticeship', 'ordinary_job']),
  start_days_per_week integer NOT NULL DEFAULT 1 CHECK (start_days_per_week BETWEEN 1 AND 7),
  start_hours_per_day numeric(4,1) NOT NULL DEFAULT 4 CHECK (start_hours_per_day > 0 AND start_hours_per_day <= 24),
  max_hours_per_week numeric(4,1) CHECK (max_hours_per_week > 0 AND max_hours_per_week <= 80),
  growth text,
  capacity integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 0 AND 500),
  requirements text[] NOT NULL DEFAULT '{}',
  mentor_contact_id uuid REFERENCES company_contacts (id) ON DELETE SET NULL,
  mentor_after_hours boolean NOT NULL DEFAULT false,
  location text,
  postal_code text CHECK (postal_code ~ '^[0-9]{4}$'),
  open boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX openings_company_idx ON openings (company_id);
CREATE INDEX openings_partnership_idx ON openings (partnership_id);

CREATE TABLE network_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('network_meeting', 'kickoff', 'mentor_course', 'job_festival', 'other')),
  starts_at timestamptz NOT NULL,
  location text,
  description text,
  jobs_created integer CHECK (jobs_created >= 0),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX network_events_partnership_idx ON network_events (partnership_id, starts_at);

-- An invitation goes to a company or to a mentor (mentors.id; no FK: the mentors
-- feature's table comes later in migration order); RSVP and attendance per invitation.
CREATE TABLE event_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES network_events (id) ON DELETE CASCADE,
  company_id uuid REFERENCES companies (id) ON DELETE CASCADE,
  mentor_id uuid,
  rsvp text NOT NULL DEFAULT 'pending' CHECK (rsvp IN ('pending', 'yes', 'no', 'maybe')),
  attended boolean,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((company_id IS NULL) <> (mentor_id IS NULL))
);
CREATE UNIQUE INDEX event_invitations_company_key ON event_invitations (event_id, company_id) WHERE company_id IS NOT NULL;
CREATE UNIQUE INDEX event_invitations_mentor_key ON event_invitations (event_id, mentor_id) WHERE mentor_id IS NOT NULL;
CREATE INDEX event_invitations_company_idx ON event_invitations (company_id);
