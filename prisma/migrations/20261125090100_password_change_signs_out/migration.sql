-- A new password signs the account out everywhere, whichever code path sets it (a password
-- change, an admin reset, the demo seed): the session version moves on with the hash.
CREATE FUNCTION briefroom_bump_session_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.session_version := OLD.session_version + 1;
  RETURN NEW;
END
$$;

CREATE TRIGGER users_password_change_signs_out BEFORE UPDATE OF "password_hash" ON "users"
  FOR EACH ROW WHEN (OLD."password_hash" IS DISTINCT FROM NEW."password_hash")
  EXECUTE FUNCTION briefroom_bump_session_version();
