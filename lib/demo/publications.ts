/**
 * Demo publications, so the reader page (/p/<slug>) has something to show in a fresh
 * install and in the e2e suite: the Arabic brief published as v1 with its sources cited
 * (public link on), and the French brief published for workspace members only. Made with
 * the publisher's own freeze and createVersion, so the demo versions are real ones.
 *
 * Idempotent and careful: a brief is published only if it has never been published, still
 * holds exactly the seeded text and has no pending edits, so a re-seed never touches what
 * analysts did with it.
 */
import { type Tx } from "@/lib/db";
import type { Member } from "@/lib/policy/can";
import { freezeBrief } from "@/lib/publishing/freeze";
import { yStateOfJson } from "@/lib/publishing/y-state";
import { createVersion } from "@/lib/publishing/versions";
import { DEMO_BRIEFS } from "./content";

/** Fixed slugs: the e2e suite and the README link to them. */
export const DEMO_PUBLICATIONS = [
  {
    briefId: "6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a01",
    slug: "jnim-kayes-ar",
    publicLink: true,
    /** Paragraph index → title of the demo source cited at its end. */
    citations: {
      1: "معهد تمبكتو: هجمات جماعة نصرة الإسلام والمسلمين في منطقة كايس تضاعفت سبع مرات",
      2: "Trois soldats tués dans une attaque près de Melgué",
    } as Record<number, string>,
  },
  {
    briefId: "6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a03",
    slug: "jnim-kayes-fr",
    publicLink: false,
    citations: {} as Record<number, string>,
  },
] as const;

const STEPS = {
  SUBMIT: ["DRAFT", "IN_REVIEW"],
  APPROVE: ["IN_REVIEW", "APPROVED"],
  PUBLISH: ["APPROVED", "PUBLISHED"],
} as const;

export async function seedDemoPublications(
  workspaceId: string,
  approverId: string,
  tx: Tx,
): Promise<number> {
  const approver: Member = { userId: approverId, workspaceId, role: "APPROVER" };
  let created = 0;
  for (const publication of DEMO_PUBLICATIONS) {
    const demo = DEMO_BRIEFS.find((b) => b.id === publication.briefId);
    const brief = await tx.brief.findUnique({
      where: { id: publication.briefId },
      select: { slug: true, contentText: true, createdById: true, _count: { select: { versions: true, updates: true } } }, // prettier-ignore
    });
    if (!demo || !brief || brief.slug || brief._count.versions > 0 || brief._count.updates > 0) continue; // prettier-ignore
    if (brief.contentText !== demo.paragraphs.join("\n\n")) continue;

    const sources = await tx.source.findMany({
      where: { workspaceId, title: { in: Object.values(publication.citations) } },
      select: { id: true, title: true },
    });
    const sourceId = new Map(sources.map((s) => [s.title, s.id]));
    const json = {
      type: "doc",
      content: demo.paragraphs.map((text, index) => {
        const id = sourceId.get(publication.citations[index] ?? "");
        return {
          type: "paragraph",
          attrs: { dir: "auto" },
          content: [
            { type: "text", text },
            ...(id ? [{ type: "citation", attrs: { items: [{ kind: "source", id }] } }] : []),
          ],
        };
      }),
    };
    // The draft holds the citations too, so the draft and v1 are the same document.
    await tx.briefDocument.update({
      where: { briefId: publication.briefId },
      data: { state: yStateOfJson(json), contentJson: json },
    });
    const frozen = await freezeBrief(approver, publication.briefId, tx);
    if (frozen.problems.length > 0) continue;
    await tx.brief.update({
      where: { id: publication.briefId },
      data: { slug: publication.slug, publicLink: publication.publicLink },
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
    created += 1;
  }
  return created;
}
