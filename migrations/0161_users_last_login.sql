-- "Sidst logget ind" outlives the sessions (#21). It was read from the user's
-- sessions, and deactivating a user deletes them (0062), so the administrator saw
-- "Aldrig" for someone who had logged in the day before. Every login, password or
-- OIDC, starts a session: the new session's start is kept on the user.
ALTER TABLE users ADD COLUMN last_login_at timestamptz;

UPDATE users u SET last_login_at = s.last
  FROM (SELECT user_id, max(created_at) AS last FROM sessions GROUP BY user_id) s
  WHERE s.user_id = u.id;

CREATE FUNCTION users_note_login() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users SET last_login_at = NEW.created_at
    WHERE id = NEW.user_id AND (last_login_at IS NULL OR last_login_at < NEW.created_at);
  RETURN NULL;
END $$;
CREATE TRIGGER sessions_note_login AFTER INSERT ON sessions
  FOR EACH ROW EXECUTE FUNCTION users_note_login();
