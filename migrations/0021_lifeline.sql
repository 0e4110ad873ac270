-- The lifeline: an on-call rota per partnership. Shifts are entered as local wall-clock
-- times in Europe/Copenhagen; starts_at/ends_at are the instants computed from them.
CREATE TABLE lifeline_settings (
  partnership_id uuid PRIMARY KEY REFERENCES partnerships (id),
  -- [{ "label": "Vagttelefon Herning", "phone": "96 28 28 28" }]
  after_hours_numbers jsonb NOT NULL DEFAULT '[]',
  -- Hours the rota should cover (local time): weekday evenings and weekends/holidays.
  weekday_evening_start time NOT NULL DEFAULT '16:00',
  weekday_evening_end time NOT NULL DEFAULT '22:00',
  weekend_start time NOT NULL DEFAULT '10:00',
  weekend_end time NOT NULL DEFAULT '22:00',
  -- Public holidays treated like weekends: ["2026-12-24", …]
  holidays jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE lifeline_shifts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  user_id uuid NOT NULL REFERENCES users (id),
  phone text NOT NULL,
  on_date date NOT NULL,
  start_time time NOT NULL,
  -- An end at or before the start means the shift runs past midnight.
  end_time time NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX lifeline_shifts_time_idx ON lifeline_shifts (partnership_id, starts_at, ends_at);
