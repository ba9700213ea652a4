import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Prisma } from "@/lib/generated/prisma/client";
import { directionOf } from "@/lib/i18n/config";
import { DEMO_BRIEFS } from "./briefs";
import { DEMO_PASSWORD, DEMO_USERS, DEMO_WORKSPACE } from "./content";
import { demoDocument, type DemoTargets } from "./document";
import { demoRowCitations, seedDemoIncidents } from "./incidents";
import { seedDemoPublications } from "./publications";
import { DEMO_SOURCES, seedDemoSources } from "./sources";

/**
 * Creates the demo workspace, users, sources, incident data and briefs when missing.
 * Idempotent: existing rows are left as they are (so a re-seed never undoes what someone
 * did with the demo), except that a demo account's password is reset to the documented one
 * if it no longer matches. A workspace seeded before it had incident data gets the UCDP
 * sample, and its briefs stay as they are.
 *
 * Takes no transaction: the incident import commits its own, and a transaction held around
 * it would wait on it forever.
 */
export async function seedDemo(): Promise<{ created: number }> {
  let created = 0;
  const workspace = await db.workspace.upsert({
    where: { slug: DEMO_WORKSPACE.slug },
    create: { ...DEMO_WORKSPACE },
    update: {},
    select: { id: true },
  });

  const userIds = new Map<string, string>();
  for (const demo of DEMO_USERS) {
    const existing = await db.user.findUnique({
      where: { email: demo.email },
      select: { id: true, passwordHash: true },
    });
    let id = existing?.id;
    if (!existing) {
      id = (
        await db.user.create({
          data: {
            email: demo.email,
            name: demo.name,
            locale: demo.locale,
            passwordHash: await hashPassword(DEMO_PASSWORD),
          },
          select: { id: true },
        })
      ).id;
      created += 1;
    } else if (
      !existing.passwordHash ||
      !(await verifyPassword(existing.passwordHash, DEMO_PASSWORD))
    ) {
      await db.user.update({
        where: { id: existing.id },
        data: { passwordHash: await hashPassword(DEMO_PASSWORD) },
      });
    }
    userIds.set(demo.email, id!);
    await db.membership.upsert({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: id! } },
      create: { workspaceId: workspace.id, userId: id!, role: demo.role },
      update: {},
    });
  }

  const editorId = userIds.get("editor@briefroom.test")!;
  created += await seedDemoSources(workspace.id, editorId);
  created += await seedDemoIncidents(workspace.id, editorId);
  created += await seedDemoBriefs(workspace.id, userIds);
  // Published versions for the reader page (lib/demo/publications.ts), frozen with the
  // embedded data and cited rows: needs the sources and the incidents.
  created += await seedDemoPublications(workspace.id, userIds.get("approver@briefroom.test")!);
  return { created };
}

/** What the demo briefs cite, as it exists in the workspace now. */
async function demoTargets(workspaceId: string): Promise<DemoTargets> {
  const sources = await db.source.findMany({
    where: { workspaceId, title: { in: DEMO_SOURCES.map((s) => s.title) } },
    select: { id: true, title: true },
  });
  const cited = DEMO_BRIEFS.flatMap((b) =>
    b.blocks.flatMap((block) =>
      Array.isArray(block)
        ? block.flatMap((p) => (typeof p === "object" && "citeRows" in p ? p.citeRows : []))
        : [],
    ),
  );
  return {
    sourceIds: new Map(sources.map((s) => [s.title, s.id])),
    rows: await demoRowCitations(workspaceId, [...new Set(cited)]),
  };
}

/** Creates the demo briefs that do not exist; an existing one is never touched. */
async function seedDemoBriefs(workspaceId: string, userIds: Map<string, string>) {
  let created = 0;
  let targets: DemoTargets | null = null;
  for (const brief of DEMO_BRIEFS) {
    const author = userIds.get(brief.author)!;
    const exists = await db.brief.findUnique({ where: { id: brief.id }, select: { id: true } });
    if (exists) continue;
    targets ??= await demoTargets(workspaceId);
    const live = demoDocument(brief.blocks, targets);
    await db.brief.create({
      data: {
        id: brief.id,
        workspaceId,
        title: brief.title,
        language: brief.language,
        direction: directionOf(brief.language) === "rtl" ? "RTL" : "LTR",
        status: brief.status,
        contentText: live.text,
        createdById: author,
        updatedById: author,
        // The live document the editor opens, stored the way the collab server stores it.
        document: {
          create: {
            state: new Uint8Array(live.state),
            contentJson: live.json as Prisma.InputJsonValue,
          },
        },
        // A brief seeded in review says who submitted it, like one submitted in the app.
        ...(brief.status === "IN_REVIEW" && {
          transitions: {
            create: { kind: "SUBMIT", fromStatus: "DRAFT", toStatus: "IN_REVIEW", actorId: author },
          },
        }),
      },
    });
    created += 1;
  }
  return created;
}
