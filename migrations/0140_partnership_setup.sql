-- Day one for a real partnership (issue 15): installation administrators, a partnership's
-- municipalities by official code, how each invitation was handed over, and password resets.

-- An installation administrator runs the installation, not a partnership: they create
-- partnerships (web or CLI) and need no membership. A flag on the user, not a role, because
-- roles are per partnership (memberships) and this person may belong to none.
ALTER TABLE users ADD COLUMN installation_admin boolean NOT NULL DEFAULT false;

-- One or several of the 98 Danish municipalities (src/partnerships/municipalities.ts),
-- by their three-digit official code. partnerships.municipality keeps the names for display.
CREATE TABLE partnership_municipalities (
  partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
  PRIMARY KEY (partnership_id, municipality_code)
);

-- How the one-time link left: by e-mail, by SMS, or shown once to the inviter to copy or scan.
ALTER TABLE login_invites ADD COLUMN channel text CHECK (channel IN ('email', 'sms', 'link'));

-- "Glemt adgangskode?": a single-use link to choose a new password (src/access/). Only a
-- hash of the token is kept; a new request voids the user's earlier unused links.
CREATE TABLE password_resets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id) WHERE used_at IS NULL;

-- Every reset request, known account or not, for throttling by account and by IP.
-- Rows older than a day are removed by the next request (they hold an address).
CREATE TABLE password_reset_requests (
  id bigserial PRIMARY KEY,
  account text NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_reset_requests_account_idx ON password_reset_requests (account, at);
CREATE INDEX password_reset_requests_ip_idx ON password_reset_requests (ip, at);
