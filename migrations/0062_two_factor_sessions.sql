-- TOTP second factor for users with a local password (src/auth/totp.ts).
CREATE TABLE user_totp (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  -- Base32 secret (RFC 6238). Stored as is: see docs/security.md (ASVS V11 note).
  secret text NOT NULL,
  -- NULL until the user has proved the app works by entering one code.
  enabled_at timestamptz,
  -- The last time step accepted, so a code cannot be used twice.
  last_step bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A changed role, a removed membership, a deactivated account or a new
-- password ends the user's sessions, whichever code path makes the change.
CREATE FUNCTION end_sessions_on_access_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'memberships' THEN
    IF TG_OP = 'DELETE' OR NEW.role IS DISTINCT FROM OLD.role THEN
      DELETE FROM sessions WHERE user_id = OLD.user_id;
    END IF;
  ELSIF (OLD.active AND NOT NEW.active) OR NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN
    DELETE FROM sessions WHERE user_id = OLD.id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER memberships_end_sessions AFTER UPDATE OR DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION end_sessions_on_access_change();
CREATE TRIGGER users_end_sessions AFTER UPDATE OF active, password_hash ON users
  FOR EACH ROW EXECUTE FUNCTION end_sessions_on_access_change();
