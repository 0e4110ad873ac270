-- Authentication hardening after the December 2026 probe (docs/security.md,
-- "Findings of the December 2026 probe: authentication").

-- Throttle counters, one row per key (an account at one IP, an account from any
-- IP, one IP, a user's TOTP codes). An attempt is counted BEFORE the password or
-- code is checked, by one conditional upsert, so parallel attempts over several
-- processes cannot all slip past the limit (src/auth/throttle.ts).
CREATE TABLE auth_throttle (
  key text PRIMARY KEY,
  tries integer NOT NULL,
  last_at timestamptz NOT NULL
);
CREATE INDEX auth_throttle_last_at_idx ON auth_throttle (last_at);

-- OpenID Connect: the subject is bound to its issuer, and a partnership decides
-- whether it trusts the provider's e-mail addresses for a first link and its
-- MFA claim in place of the user's own TOTP. Both off by default.
ALTER TABLE users ADD COLUMN oidc_issuer text;
ALTER TABLE partnerships ADD COLUMN oidc_trust_email boolean NOT NULL DEFAULT false;
ALTER TABLE partnerships ADD COLUMN oidc_accept_mfa boolean NOT NULL DEFAULT false;

-- A sign-in at the provider that could not be linked to a user yet (or that still
-- needs the user's TOTP code). Held for 10 minutes, keyed by the hash of a token in
-- an HttpOnly cookie; a password (+ TOTP) login in the same browser completes the
-- link. user_id is set when the user is known and only the second factor is missing.
CREATE TABLE oidc_pending_logins (
  token_hash text PRIMARY KEY,
  issuer text NOT NULL,
  subject text NOT NULL,
  email text,
  user_id uuid REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oidc_pending_logins_created_at_idx ON oidc_pending_logins (created_at);

-- "Husk denne telefon": a company contact's device that may hold a 30-day
-- session. The device cookie holds a random token; only its hash is stored.
-- Deleting the row (revoking in /settings) ends the session on that device.
CREATE TABLE trusted_devices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX trusted_devices_user_idx ON trusted_devices (user_id);

ALTER TABLE sessions ADD COLUMN device_id uuid REFERENCES trusted_devices (id) ON DELETE CASCADE;
-- Idle limit of this session in minutes; NULL = the installation's SESSION_IDLE_MINUTES.
ALTER TABLE sessions ADD COLUMN idle_minutes integer;
