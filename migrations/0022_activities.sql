-- Community: associations, their activities with weekly schedules and exceptions,
-- sign-ups by young people and attendance taken by the activity leader.
CREATE TABLE associations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  name text NOT NULL,
  contact_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX associations_partnership_idx ON associations (partnership_id);

CREATE TABLE activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  association_id uuid REFERENCES associations (id) ON DELETE SET NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('network_meeting', 'fitness', 'sport', 'meal', 'other')),
  place text,
  description text,
  leader_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activities_partnership_idx ON activities (partnership_id, active);
CREATE INDEX activities_leader_idx ON activities (leader_user_id);

-- Weekly pattern in local wall-clock time (ISO weekday 1 = Monday).
CREATE TABLE activity_schedules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  weekday integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time time NOT NULL,
  end_time time NOT NULL,
  valid_from date NOT NULL,
  valid_until date,
  CHECK (end_time > start_time),
  CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX activity_schedules_idx ON activity_schedules (activity_id);

-- A cancelled occurrence (local date + local start time of the pattern).
CREATE TABLE activity_exceptions (
  activity_id uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  on_date date NOT NULL,
  start_time time NOT NULL,
  reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (activity_id, on_date, start_time)
);

CREATE TABLE activity_signups (
  activity_id uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  young_person_id uuid NOT NULL REFERENCES young_people (id) ON DELETE CASCADE,
  signed_up_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (activity_id, young_person_id)
);
CREATE INDEX activity_signups_young_person_idx ON activity_signups (young_person_id);

CREATE TABLE activity_attendance (
  activity_id uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  on_date date NOT NULL,
  start_time time NOT NULL,
  young_person_id uuid NOT NULL REFERENCES young_people (id) ON DELETE CASCADE,
  present boolean NOT NULL,
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (activity_id, on_date, start_time, young_person_id)
);
CREATE INDEX activity_attendance_young_person_idx ON activity_attendance (young_person_id, on_date);
