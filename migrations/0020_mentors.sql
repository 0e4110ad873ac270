-- Mentors (company, volunteer business, professional), the volunteer registry's
-- onboarding, mentorships with first meeting, 3-monthly reviews and optional notes.
CREATE TABLE mentors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  -- The login of a mentor who uses the product (volunteer mentors log in as volunteer_mentor).
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('company', 'volunteer', 'professional')),
  name text NOT NULL,
  phone text,
  email text,
  job_title text,
  industry text,
  interests text,
  offers text,
  hours_per_month integer CHECK (hours_per_month IS NULL OR hours_per_month BETWEEN 0 AND 200),
  area text,
  -- A company mentor is tied to a placement (no FK: placements belong to another feature).
  placement_id uuid,
  intro_talk_on date,
  course_on date,
  -- Børneattest/straffeattest seen: required before a mentee under 18 is matched.
  record_checked_on date,
  agreement_signed_on date,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'left')),
  lifeline_opt_in boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mentors_partnership_idx ON mentors (partnership_id, status);
CREATE UNIQUE INDEX mentors_user_key ON mentors (partnership_id, user_id) WHERE user_id IS NOT NULL;

CREATE TABLE mentorships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  mentor_id uuid NOT NULL REFERENCES mentors (id),
  young_person_id uuid NOT NULL REFERENCES young_people (id) ON DELETE CASCADE,
  started_on date NOT NULL,
  first_meeting_on date,
  chemistry text CHECK (chemistry IN ('good', 'try_again', 'not_a_match')),
  next_review_on date NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
  ended_on date,
  end_reason text,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mentorships_mentor_idx ON mentorships (mentor_id, status);
CREATE INDEX mentorships_young_person_idx ON mentorships (young_person_id);
CREATE INDEX mentorships_review_idx ON mentorships (partnership_id, status, next_review_on);
CREATE UNIQUE INDEX mentorships_one_active ON mentorships (mentor_id, young_person_id) WHERE status = 'active';

CREATE TABLE mentorship_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  mentorship_id uuid NOT NULL REFERENCES mentorships (id) ON DELETE CASCADE,
  reviewed_on date NOT NULL,
  decision text NOT NULL CHECK (decision IN ('extend', 'end')),
  reason text NOT NULL,
  reviewed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mentorship_reviews_idx ON mentorship_reviews (mentorship_id, reviewed_on);

-- Optional, short: a mentor is never required to write one.
CREATE TABLE mentorship_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  mentorship_id uuid NOT NULL REFERENCES mentorships (id) ON DELETE CASCADE,
  met_on date NOT NULL,
  note text NOT NULL CHECK (char_length(note) BETWEEN 1 AND 1000),
  written_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mentorship_notes_idx ON mentorship_notes (mentorship_id, met_on);

