-- A brief that has published versions is never hard-deleted (it is soft-deleted instead):
-- its versions are the record of what was published, and their rows point at it.
CREATE FUNCTION briefroom_keep_published_brief() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "brief_versions" WHERE "brief_id" = OLD."id") THEN
    RAISE EXCEPTION 'briefroom: brief % has published versions and cannot be deleted', OLD."id"
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN OLD;
END
$$;

CREATE TRIGGER briefs_keep_published BEFORE DELETE ON "briefs"
  FOR EACH ROW EXECUTE FUNCTION briefroom_keep_published_brief();

-- The review audit log is append-only: no row is changed, and none is emptied in bulk.
CREATE FUNCTION briefroom_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'briefroom: % on % is refused: the review audit log is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER brief_transitions_append_only BEFORE UPDATE ON "brief_transitions"
  FOR EACH ROW EXECUTE FUNCTION briefroom_refuse_audit_change();
CREATE TRIGGER brief_transitions_no_truncate BEFORE TRUNCATE ON "brief_transitions"
  FOR EACH STATEMENT EXECUTE FUNCTION briefroom_refuse_audit_change();
