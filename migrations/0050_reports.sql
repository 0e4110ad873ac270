-- Reports: each partnership's programme goals (a JSON list validated by the
-- GoalDefinitions schema in src/reports/goals.ts) and the small-count threshold
-- used in views outside the team; plus the indexes the report queries need.
CREATE TABLE report_settings (
  partnership_id uuid PRIMARY KEY REFERENCES partnerships (id) ON DELETE CASCADE,
  goals jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(goals) = 'array'),
  suppression_threshold integer NOT NULL DEFAULT 5 CHECK (suppression_threshold BETWEEN 3 AND 20),
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Cohorts are chosen by start (intake) date within a partnership.
CREATE INDEX young_people_report_start_idx ON young_people (partnership_id, created_at);
-- Network figures count by partnership and date.
CREATE INDEX placements_report_start_idx ON placements (partnership_id, start_date);
CREATE INDEX openings_report_created_idx ON openings (partnership_id, created_at);
CREATE INDEX mentorships_report_started_idx ON mentorships (partnership_id, started_on);
CREATE INDEX attendance_report_day_idx ON attendance (day, placement_id);
CREATE INDEX activity_attendance_report_day_idx ON activity_attendance (on_date, activity_id);
