-- One-time links to choose one's own password, for every login a counsellor hands out: a young
-- person's (was youth_invites, 0003) and a company contact person's. Only a hash of the token is kept.
CREATE TABLE login_invites (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- Whose login it is; the page sends the person on to that view once the password is set.
  purpose text NOT NULL CHECK (purpose IN ('young_person', 'company_contact')),
  -- young_people.id or company_contacts.id: a new invite for the same subject voids the earlier ones.
  subject_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_invites_subject_idx ON login_invites (purpose, subject_id) WHERE used_at IS NULL;

INSERT INTO login_invites (partnership_id, user_id, purpose, subject_id, token_hash, expires_at, used_at, created_by, created_at)
SELECT y.partnership_id, i.user_id, 'young_person', i.young_person_id, i.token_hash, i.expires_at, i.used_at, i.created_by, i.created_at
FROM youth_invites i JOIN young_people y ON y.id = i.young_person_id;

DROP TABLE youth_invites;
