-- Handling markings (FIRST Traffic Light Protocol 2.0) on briefs and on the versions they
-- publish. A new brief is TLP:AMBER (need-to-know within the organization and its clients)
-- until someone marks it otherwise; briefs already readable through a public link are
-- TLP:CLEAR, since that is what a public link discloses. Only TLP:CLEAR may have one.
ALTER TYPE "TransitionKind" ADD VALUE 'MARKING';

ALTER TABLE "briefs" ADD COLUMN "tlp" VARCHAR(16) NOT NULL DEFAULT 'AMBER';
UPDATE "briefs" SET "tlp" = 'CLEAR' WHERE "public_link";
ALTER TABLE "briefs" ADD CONSTRAINT "briefs_tlp_known"
  CHECK ("tlp" IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'));
ALTER TABLE "briefs" ADD CONSTRAINT "briefs_public_link_only_clear"
  CHECK (NOT "public_link" OR "tlp" = 'CLEAR');

-- Versions keep the marking they were published under; earlier versions carry none.
ALTER TABLE "brief_versions" ADD COLUMN "tlp" VARCHAR(16);
ALTER TABLE "brief_versions" ADD CONSTRAINT "brief_versions_tlp_known"
  CHECK ("tlp" IS NULL OR "tlp" IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'));
