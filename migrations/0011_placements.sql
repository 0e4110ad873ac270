-- Placements (a young person at a company for an opening), chained into a ladder,
-- their weekly schedules over time, attendance, general tasks, success stories.
CREATE TABLE placements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  young_person_id uuid NOT NULL REFERENCES young_people (id) ON DELETE CASCADE,
  company_id uuid NOT NULL REFERENCES companies (id),
  opening_id uuid NOT NULL REFERENCES openings (id),
  -- The step before this one on the young person's ladder.
  previous_placement_id uuid REFERENCES placements (id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('trial', 'work_placement', 'wage_subsidy', 'paid_hours', 'leisure_job', 'apprenticeship', 'ordinary_job')),
  start_date date NOT NULL,
  end_date date,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'active', 'paused', 'ended')),
  end_reason text CHECK (end_reason IN ('hired', 'education', 'ended_as_planned', 'breakdown')),
  breakdown_cause text CHECK (breakdown_cause IN ('match', 'expectations', 'follow_up', 'health', 'other')),
  end_note text,
  mentor_contact_id uuid REFERENCES company_contacts (id) ON DELETE SET NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK ((status = 'ended') = (end_reason IS NOT NULL)),
  CHECK ((end_reason = 'breakdown') = (breakdown_cause IS NOT NULL))
);
CREATE INDEX placements_young_person_idx ON placements (young_person_id, start_date);
CREATE INDEX placements_company_idx ON placements (company_id, status);
CREATE INDEX placements_opening_idx ON placements (opening_id, status);

-- The weekly schedule from a date on; a new row steps hours up (or down).
CREATE TABLE placement_schedules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  placement_id uuid NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
  valid_from date NOT NULL,
  -- ISO weekdays 1 (Monday) … 7 (Sunday).
  weekdays integer[] NOT NULL CHECK (cardinality(weekdays) BETWEEN 1 AND 7 AND weekdays <@ ARRAY[1, 2, 3, 4, 5, 6, 7]),
  hours_per_day numeric(4,1) NOT NULL CHECK (hours_per_day > 0 AND hours_per_day <= 24),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (placement_id, valid_from)
);

CREATE TABLE attendance (
  placement_id uuid NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
  day date NOT NULL,
  status text NOT NULL CHECK (status IN ('present', 'absent', 'sick', 'late')),
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (placement_id, day)
);

-- General tasks on a person's (or the team's) list; assignee NULL = anyone in the team.
CREATE TABLE tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 50),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body text,
  young_person_id uuid REFERENCES young_people (id) ON DELETE CASCADE,
  placement_id uuid REFERENCES placements (id) ON DELETE CASCADE,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  due_at timestamptz,
  done_at timestamptz,
  done_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tasks_open_idx ON tasks (partnership_id, assignee_id) WHERE done_at IS NULL;

-- Shown to the network only while the young person's consent for this story
-- (recipient_kind 'network', recipient_id = the story id, item 'success_story') holds.
CREATE TABLE success_stories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  placement_id uuid NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
  young_person_id uuid NOT NULL REFERENCES young_people (id) ON DELETE CASCADE,
  company_id uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX success_stories_partnership_idx ON success_stories (partnership_id);
