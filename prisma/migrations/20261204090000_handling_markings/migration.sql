-- Handling markings (FIRST Traffic Light Protocol 2.0) on briefs and on the versions they
-- publish. A new brief is TLP:AMBER (need-to-know within the organization and its clients)
-- until someone marks it otherwise; briefs already readable through a public link are
-- TLP:CLEAR, since that is what a public link discloses. Only TLP:CLEAR may have one.
ALTER TYPE "TransitionKind" ADD VALUE 'MARKING';

ALTER TABLE "briefs" ADD COLUMN "tlp" VARCHAR(16) NOT NULL DEFAULT 'AMBER';
UPDATE "briefs" SET "tlp" = 'CLEAR' WHERE "public_link";

-- Held by triggers rather than CHECK constraints: Prisma's schema engine cannot describe a
-- database with CHECK constraints (its drift check stops), and triggers say why they refuse.
CREATE FUNCTION briefroom_brief_marking() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."tlp" NOT IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED') THEN
    RAISE EXCEPTION 'briefroom: % is not a TLP marking', NEW."tlp" USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."public_link" AND NEW."tlp" <> 'CLEAR' THEN
    RAISE EXCEPTION 'briefroom: only a TLP:CLEAR brief may have a public link (brief %, TLP:%)', NEW."id", NEW."tlp"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER briefs_marking BEFORE INSERT OR UPDATE OF "tlp", "public_link" ON "briefs"
  FOR EACH ROW EXECUTE FUNCTION briefroom_brief_marking();

-- Versions keep the marking they were published under; earlier versions carry none.
ALTER TABLE "brief_versions" ADD COLUMN "tlp" VARCHAR(16);
CREATE FUNCTION briefroom_version_marking() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."tlp" IS NOT NULL AND NEW."tlp" NOT IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED') THEN
    RAISE EXCEPTION 'briefroom: % is not a TLP marking', NEW."tlp" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER brief_versions_marking BEFORE INSERT ON "brief_versions"
  FOR EACH ROW EXECUTE FUNCTION briefroom_version_marking();
