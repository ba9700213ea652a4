/**
 * Demo publications, so the reader page (/p/<slug>) has something to show in a fresh
 * install and in the e2e suite: the Arabic brief published as v1 with a public link, and the
 * French brief published for workspace members only, each with its footnotes, embedded
 * incident figures and cited UCDP rows. Made with the publisher's own freezeBrief and
 * createVersion inside one transaction per brief, so the demo versions are real ones: their
 * embeds' results and cited rows are frozen as they were at seeding.
 *
 * Idempotent and careful: a brief is published only if it has never been published, still
 * holds exactly the seeded text and has no pending edits, so a re-seed never touches what
 * analysts did with it.
 */
import { db, type Tx } from "@/lib/db";
import type { Member } from "@/lib/policy/can";
import { freezeBrief } from "@/lib/publishing/freeze";
import { createVersion } from "@/lib/publishing/versions";
import { DEMO_BRIEFS } from "./briefs";
import { demoDocument } from "./document";

/** Fixed slugs: the e2e suite and the README link to them. */
export const DEMO_PUBLICATIONS = [
  { briefId: "6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a01", slug: "jnim-kayes-ar", publicLink: true },
  { briefId: "6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a03", slug: "jnim-kayes-fr", publicLink: false },
] as const;

const STEPS = {
  SUBMIT: ["DRAFT", "IN_REVIEW"],
  APPROVE: ["IN_REVIEW", "APPROVED"],
  PUBLISH: ["APPROVED", "PUBLISHED"],
} as const;

export async function seedDemoPublications(
  workspaceId: string,
  approverId: string,
): Promise<number> {
  let created = 0;
  for (const publication of DEMO_PUBLICATIONS) {
    const done = await db.$transaction(
      (tx) => publishDemoBrief(tx, workspaceId, approverId, publication),
      { timeout: 60_000 },
    );
    if (done) created += 1;
  }
  return created;
}

async function publishDemoBrief(
  tx: Tx,
  workspaceId: string,
  approverId: string,
  publication: (typeof DEMO_PUBLICATIONS)[number],
): Promise<boolean> {
  const approver: Member = { userId: approverId, workspaceId, role: "APPROVER" };
  const demo = DEMO_BRIEFS.find((b) => b.id === publication.briefId);
  // The row lock serialises two seeds run at once, as it serialises two publishers.
  await tx.$executeRaw`SELECT 1 FROM briefs WHERE id = ${publication.briefId}::uuid FOR UPDATE`;
  const brief = await tx.brief.findUnique({
    where: { id: publication.briefId },
    select: {
      slug: true,
      contentText: true,
      createdById: true,
      _count: { select: { versions: true, updates: true } },
    },
  });
  if (!demo || !brief || brief.slug || brief._count.versions > 0 || brief._count.updates > 0)
    return false;
  // Footnotes and embeds have no text: the seeded text is the same whatever they cite.
  const seededText = demoDocument(demo.blocks, { sourceIds: new Map(), rows: new Map() }).text;
  if (brief.contentText !== seededText) return false;

  const frozen = await freezeBrief(approver, publication.briefId, tx);
  if (frozen.problems.length > 0) return false;
  await tx.brief.update({
    where: { id: publication.briefId },
    // A public link discloses without limit: only TLP:CLEAR may have one.
    data: {
      slug: publication.slug,
      publicLink: publication.publicLink,
      ...(publication.publicLink ? { tlp: "CLEAR" } : {}),
    },
  });
  const approvedAt = new Date();
  const version = await createVersion(tx, {
    briefId: publication.briefId,
    frozen,
    approvedById: approverId,
    approvedAt,
    publishedById: approverId,
  });
  // The brief tells the same story as one published through the review panel: status,
  // approval of this content, and its audit log.
  await tx.brief.update({
    where: { id: publication.briefId },
    data: {
      status: "PUBLISHED",
      approvedHash: frozen.contentHash,
      approvedById: approverId,
      approvedAt,
      reviewCycleStartedAt: approvedAt,
    },
  });
  const step = (kind: "SUBMIT" | "APPROVE" | "PUBLISH", offset: number) => ({
    briefId: publication.briefId,
    kind,
    fromStatus: STEPS[kind][0],
    toStatus: STEPS[kind][1],
    actorId: kind === "SUBMIT" ? brief.createdById : approverId,
    contentHash: frozen.contentHash,
    createdAt: new Date(approvedAt.getTime() + offset),
    ...(kind === "PUBLISH" ? { data: { versionId: version.id, number: version.number } } : {}),
  });
  await tx.briefTransition.createMany({
    data: [step("SUBMIT", -60_000), step("APPROVE", 0), step("PUBLISH", 1)],
  });
  return true;
}
