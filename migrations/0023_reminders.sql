-- Reminders: each user's channels, the guardian opt-in for under-18s, the outbox the worker
-- drains, and private calendar (iCal) feed tokens (only a hash is stored).
CREATE TABLE notification_preferences (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  by_email boolean NOT NULL DEFAULT true,
  by_sms boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- For a young person under 18: reminders also go to the guardian on the record (young_people.guardian_*).
CREATE TABLE guardian_reminders (
  young_person_id uuid PRIMARY KEY REFERENCES young_people (id) ON DELETE CASCADE,
  by_email boolean NOT NULL DEFAULT true,
  by_sms boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Written in the same transaction as the change that causes the message.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  partnership_id uuid REFERENCES partnerships (id) ON DELETE CASCADE,
  kind text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient text NOT NULL,
  subject text,
  body text NOT NULL,
  -- A scan that finds the same due thing twice writes the message once.
  dedupe_key text UNIQUE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  -- While a worker sends, it holds a lease; a crashed worker's lease runs out and the row is sent again
  -- with the same idempotency key (the outbox id), so the receiver can drop the repeat.
  lease_until timestamptz,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status IN ('pending', 'sending');

CREATE TABLE calendar_feeds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  kind text NOT NULL CHECK (kind IN ('young_person', 'activity')),
  subject_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX calendar_feeds_subject_idx ON calendar_feeds (kind, subject_id);
