-- An approval now covers the title, language, direction and citation style shown with the
-- content (lib/publishing/approval-hash.ts), not the document alone. Approvals stored before
-- hashed the document only. Where it is certain what was approved, they are carried over:
-- a PUBLISHED brief whose approval is its latest version's content and whose title,
-- language, direction and style are still the version's. The new hash is computed exactly as
-- approvalHash() does: SHA-256 of the canonical JSON (keys sorted, JSON string escaping).
-- Any other approval (an APPROVED brief not yet published, whose title may have changed
-- since) no longer matches, so the brief returns to DRAFT at its next workflow step and is
-- approved again: nothing unapproved can be published.
UPDATE "briefs" AS b
   SET "approved_hash" = encode(sha256(convert_to(
         '{"citationStyle":' || to_json(v."citation_style")::text ||
         ',"direction":' || to_json(v."direction"::text)::text ||
         ',"document":' || to_json(v."content_hash")::text ||
         ',"language":' || to_json(v."language")::text ||
         ',"title":' || to_json(v."title")::text || '}',
         'UTF8')), 'hex')
  FROM (SELECT DISTINCT ON ("brief_id") "brief_id", "content_hash", "title", "language",
               "direction", "citation_style"
          FROM "brief_versions"
         ORDER BY "brief_id", "number" DESC) AS v
 WHERE v."brief_id" = b."id"
   AND b."status" = 'PUBLISHED'
   AND (b."approved_hash" IS NULL OR b."approved_hash" = v."content_hash")
   AND b."title" = v."title"
   AND b."language" = v."language"
   AND b."direction" = v."direction"
   AND b."citation_style" = v."citation_style";
