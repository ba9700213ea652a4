-- Open collaboration connections follow access changes. Whatever code path takes access
-- away (a membership removed or its role changed, "sign out everywhere" or a new password
-- bumping the session version, a brief deleted or restored), its transaction tells the
-- collab servers on commit, and only on commit: NOTIFY is delivered when the transaction
-- commits and dropped when it rolls back. Every collab instance LISTENs on this channel
-- (lib/collab/access-notices.ts) and re-checks the connections concerned.
CREATE FUNCTION briefroom_notify_membership_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('briefroom_access', json_build_object(
    'kind', 'membership', 'workspaceId', OLD.workspace_id, 'userId', OLD.user_id)::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER memberships_notify_removal AFTER DELETE ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION briefroom_notify_membership_change();

CREATE TRIGGER memberships_notify_role_change AFTER UPDATE ON "memberships"
  FOR EACH ROW WHEN (OLD."role" IS DISTINCT FROM NEW."role"
    OR OLD."user_id" IS DISTINCT FROM NEW."user_id"
    OR OLD."workspace_id" IS DISTINCT FROM NEW."workspace_id")
  EXECUTE FUNCTION briefroom_notify_membership_change();

-- No column list: the password trigger changes session_version without naming it in SET,
-- and WHEN sees the row as stored.
CREATE FUNCTION briefroom_notify_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('briefroom_access', json_build_object(
    'kind', 'session', 'userId', NEW.id)::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER users_notify_session_change AFTER UPDATE ON "users"
  FOR EACH ROW WHEN (OLD."session_version" IS DISTINCT FROM NEW."session_version")
  EXECUTE FUNCTION briefroom_notify_session_change();

CREATE FUNCTION briefroom_notify_brief_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('briefroom_access', json_build_object(
    'kind', 'brief', 'briefId', OLD.id)::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER briefs_notify_deletion AFTER UPDATE ON "briefs"
  FOR EACH ROW WHEN (OLD."deleted_at" IS DISTINCT FROM NEW."deleted_at")
  EXECUTE FUNCTION briefroom_notify_brief_change();

CREATE TRIGGER briefs_notify_removal AFTER DELETE ON "briefs"
  FOR EACH ROW EXECUTE FUNCTION briefroom_notify_brief_change();
