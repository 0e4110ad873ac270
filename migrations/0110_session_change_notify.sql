-- Every app process keeps the sessions it has just checked in memory
-- (src/auth/session-cache.ts). Whatever ends or alters a session announces it
-- here, on commit, whichever code path makes the change (a route, the CLI,
-- psql, another process): 's:<id_hash>' for one session, 'u:<user id>' for all
-- of a user's sessions, '*' for all.

CREATE FUNCTION notify_session_change(payload text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  -- The app's pool connections name a channel of their own and LISTEN on it: a
  -- notification to it reaches the connection that made the change before its
  -- COMMIT returns, so that process sees the change at once (src/core/db.ts).
  own text := current_setting('fodfaeste.own_channel', true);
BEGIN
  PERFORM pg_notify('fodfaeste_sessions', payload);
  IF own <> '' THEN
    PERFORM pg_notify(own, payload);
  END IF;
END $$;

CREATE FUNCTION sessions_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM notify_session_change('*');
  ELSIF TG_TABLE_NAME = 'sessions' THEN
    -- A long-expired session is never served from memory: the daily purge stays quiet.
    IF TG_OP = 'UPDATE' OR OLD.expires_at > now() - interval '5 minutes' THEN
      PERFORM notify_session_change('s:' || OLD.id_hash);
    END IF;
  ELSIF TG_TABLE_NAME = 'users' THEN
    PERFORM notify_session_change('u:' || OLD.id);
  ELSE -- memberships
    IF TG_OP <> 'INSERT' THEN
      PERFORM notify_session_change('u:' || OLD.user_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
      PERFORM notify_session_change('u:' || NEW.user_id);
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER sessions_announce_delete AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION sessions_announce_change();
-- last_seen_at moving forward is the routine idle-timer bump and stays quiet;
-- moving it back (or any change of the other columns) can end the session.
CREATE TRIGGER sessions_announce_update AFTER UPDATE ON sessions
  FOR EACH ROW WHEN (
    OLD.partnership_id IS DISTINCT FROM NEW.partnership_id
    OR OLD.csrf_token IS DISTINCT FROM NEW.csrf_token
    OR OLD.user_id IS DISTINCT FROM NEW.user_id
    OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
    OR NEW.last_seen_at < OLD.last_seen_at
  ) EXECUTE FUNCTION sessions_announce_change();
CREATE TRIGGER sessions_announce_truncate AFTER TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION sessions_announce_change();

CREATE TRIGGER users_announce_update AFTER UPDATE ON users
  FOR EACH ROW WHEN (
    OLD.active IS DISTINCT FROM NEW.active
    OR OLD.name IS DISTINCT FROM NEW.name
    OR OLD.email IS DISTINCT FROM NEW.email
    OR OLD.locale IS DISTINCT FROM NEW.locale
    OR OLD.password_hash IS DISTINCT FROM NEW.password_hash
    OR OLD.oidc_subject IS DISTINCT FROM NEW.oidc_subject
  ) EXECUTE FUNCTION sessions_announce_change();
CREATE TRIGGER users_announce_delete AFTER DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION sessions_announce_change();
CREATE TRIGGER users_announce_truncate AFTER TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION sessions_announce_change();

CREATE TRIGGER memberships_announce_change AFTER INSERT OR UPDATE OR DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION sessions_announce_change();
CREATE TRIGGER memberships_announce_truncate AFTER TRUNCATE ON memberships
  FOR EACH STATEMENT EXECUTE FUNCTION sessions_announce_change();
