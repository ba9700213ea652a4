import { db, type Tx } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { directionOf } from "@/lib/i18n/config";
import { DEMO_BRIEFS, DEMO_PASSWORD, DEMO_USERS, DEMO_WORKSPACE } from "./content";
import { paragraphsToJson, paragraphsToYState } from "./document";
import { seedDemoPublications } from "./publications";
import { seedDemoSources } from "./sources";

/**
 * Creates the demo workspace, users and briefs when missing. Idempotent: existing rows are
 * left as they are (so a re-seed never undoes what someone did with the demo), except that
 * a demo account's password is reset to the documented one if it no longer matches.
 */
export async function seedDemo(tx: Tx = db): Promise<{ created: number }> {
  let created = 0;
  const workspace = await tx.workspace.upsert({
    where: { slug: DEMO_WORKSPACE.slug },
    create: { ...DEMO_WORKSPACE },
    update: {},
    select: { id: true },
  });

  const userIds = new Map<string, string>();
  for (const demo of DEMO_USERS) {
    const existing = await tx.user.findUnique({
      where: { email: demo.email },
      select: { id: true, passwordHash: true },
    });
    let id = existing?.id;
    if (!existing) {
      id = (
        await tx.user.create({
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
      await tx.user.update({
        where: { id: existing.id },
        data: { passwordHash: await hashPassword(DEMO_PASSWORD) },
      });
    }
    userIds.set(demo.email, id!);
    await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: id! } },
      create: { workspaceId: workspace.id, userId: id!, role: demo.role },
      update: {},
    });
  }

  for (const brief of DEMO_BRIEFS) {
    const author = userIds.get(brief.author)!;
    const exists = await tx.brief.findUnique({ where: { id: brief.id }, select: { id: true } });
    if (exists) continue;
    await tx.brief.create({
      data: {
        id: brief.id,
        workspaceId: workspace.id,
        title: brief.title,
        language: brief.language,
        direction: directionOf(brief.language) === "rtl" ? "RTL" : "LTR",
        status: brief.status,
        contentText: brief.paragraphs.join("\n\n"),
        createdById: author,
        updatedById: author,
        // The live document the editor opens, stored the way the collab server stores it.
        document: {
          create: {
            state: paragraphsToYState(brief.paragraphs),
            contentJson: paragraphsToJson(brief.paragraphs),
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
  created += await seedDemoSources(workspace.id, userIds.get("editor@briefroom.test")!, tx);
  // Published versions for the reader page (lib/demo/publications.ts); needs the sources.
  created += await seedDemoPublications(workspace.id, userIds.get("approver@briefroom.test")!, tx);
  return { created };
}
