/**
 * Approvals stored before they covered the title: the migration carries over those of
 * published briefs whose title, language, direction and style are still the published
 * version's (computing in SQL exactly the hash approvalHash() computes), and leaves every
 * other one to fail, so nothing unapproved can be published.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";
import { approvalHash, shownFields } from "@/lib/publishing/approval-hash";
import { loadLiveDocument } from "@/lib/publishing/live-document";
import { domainCode } from "@/lib/test/domain-code";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { publish } from "./publish";
import { approve, submitForReview } from "./service";
import { newBrief, typeParagraph } from "./test-helpers";

withTestDatabase("workflow_legacy_approvals");

const MIGRATION = path.join(
  __dirname,
  "..",
  "..",
  "prisma",
  "migrations",
  "20261202160000_approval_covers_title",
  "migration.sql",
);
let members: Record<Role, Member>;

beforeAll(async () => {
  ({ members } = await workspaceWith(["EDITOR", "APPROVER"]));
});

async function approvedBrief(title: string, andPublish: boolean) {
  const id = await newBrief(members.EDITOR, title);
  await typeParagraph(id, members.EDITOR.userId, "Les convois circulent sous escorte.");
  await submitForReview(members.EDITOR, id);
  await approve(members.APPROVER, id);
  if (andPublish) await publish(members.APPROVER, id, { publicLink: false });
  return id;
}

/** Puts the brief (and its versions) back in the state the previous code stored. */
async function asStoredBefore(id: string): Promise<string> {
  const documentHash = (await loadLiveDocument(id)).hash;
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `ALTER TABLE brief_versions DISABLE TRIGGER brief_versions_immutable`,
    );
    await tx.$executeRaw`UPDATE brief_versions SET content_hash = ${documentHash} WHERE brief_id = ${id}::uuid`;
    await tx.$executeRawUnsafe(
      `ALTER TABLE brief_versions ENABLE TRIGGER brief_versions_immutable`,
    );
    await tx.$executeRaw`UPDATE briefs SET approved_hash = ${documentHash} WHERE id = ${id}::uuid`;
  });
  return documentHash;
}

describe("migration approval_covers_title", () => {
  it("carries over published approvals whose shown fields are unchanged, and no others", async () => {
    // Quotes, a backslash, a control character, Arabic and an emoji: escaped as JSON is.
    const published = await approvedBrief('Kayes \\ « "JNIM" » \u0001 كاي 🚀', true);
    const renamed = await approvedBrief("Renamed behind the approval", true);
    const approvedOnly = await approvedBrief("Approved, not yet published", false);
    const documentHash = await asStoredBefore(published);
    const renamedHash = await asStoredBefore(renamed);
    const approvedHash = await asStoredBefore(approvedOnly);
    await db.brief.update({ where: { id: renamed }, data: { title: "A title nobody approved" } });

    await db.$executeRawUnsafe(await readFile(MIGRATION, "utf8"));

    const row = await db.brief.findUniqueOrThrow({ where: { id: published } });
    const live = await loadLiveDocument(published);
    expect(row.approvedHash).toBe(approvalHash(documentHash, shownFields(row, live.citationStyle)));
    expect((await db.brief.findUniqueOrThrow({ where: { id: renamed } })).approvedHash).toBe(
      renamedHash,
    );
    expect((await db.brief.findUniqueOrThrow({ where: { id: approvedOnly } })).approvedHash).toBe(
      approvedHash,
    );

    // The carried-over approval still stands: nothing changed since the published version.
    expect(await domainCode(submitForReview(members.EDITOR, published))).toBe(
      "workflowUnchangedSincePublished",
    );
    // The others no longer match what would be published.
    expect(await domainCode(publish(members.APPROVER, approvedOnly, { publicLink: false }))).toBe(
      "workflowChangedSinceApproval",
    );
    expect((await db.brief.findUniqueOrThrow({ where: { id: renamed } })).status).toBe("PUBLISHED");
    await submitForReview(members.EDITOR, renamed);
    expect((await db.brief.findUniqueOrThrow({ where: { id: renamed } })).status).toBe("IN_REVIEW");
  });
});
