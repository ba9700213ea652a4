import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";
import { approvalHash, shownFields } from "@/lib/publishing/approval-hash";
import { loadLiveDocument } from "@/lib/publishing/live-document";
import { domainCode } from "@/lib/test/domain-code";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { setMarking } from "./marking";
import { publish } from "./publish";
import { reviewPanel } from "./queries";
import {
  approve,
  requestChanges,
  setPublicLink,
  submitForReview,
  withdrawFromReview,
} from "./service";
import { newBrief, typeParagraph } from "./test-helpers";

withTestDatabase("workflow-service");

let members: Record<Role, Member>;
let outsider: Member;
const code = domainCode;

beforeAll(async () => {
  ({ members } = await workspaceWith(["VIEWER", "EDITOR", "APPROVER", "ADMIN"]));
  outsider = (await workspaceWith(["ADMIN"])).members.ADMIN;
});

async function status(briefId: string) {
  return (await db.brief.findUniqueOrThrow({ where: { id: briefId } })).status;
}

/** A brief with text written by the editor, moved to `target` by the usual steps. */
async function briefIn(target: "DRAFT" | "IN_REVIEW" | "APPROVED" | "PUBLISHED") {
  const id = await newBrief(members.EDITOR);
  await typeParagraph(id, members.EDITOR.userId, "Clashes near Kidal.");
  if (target === "DRAFT") return id;
  await submitForReview(members.EDITOR, id);
  if (target === "IN_REVIEW") return id;
  await approve(members.APPROVER, id);
  if (target === "APPROVED") return id;
  await publish(members.APPROVER, id, { publicLink: false });
  return id;
}

describe("visibility of published versions", () => {
  it("records each change of who may read in the audit log, and nothing when it is unchanged", async () => {
    const id = await briefIn("PUBLISHED");
    await setMarking(members.APPROVER, id, "CLEAR");
    await setPublicLink(members.APPROVER, id, true);
    await setPublicLink(members.APPROVER, id, true);
    await setPublicLink(members.ADMIN, id, false);
    const log = await db.briefTransition.findMany({
      where: { briefId: id, kind: "VISIBILITY" },
      orderBy: { createdAt: "asc" },
    });
    expect(log.map((t) => [t.actorId, t.fromStatus, t.toStatus, t.data])).toEqual([
      [members.APPROVER.userId, "PUBLISHED", "PUBLISHED", { publicLink: true }],
      [members.ADMIN.userId, "PUBLISHED", "PUBLISHED", { publicLink: false }],
    ]);
    const panel = await reviewPanel(members.VIEWER, id);
    expect(panel!.log.slice(0, 2).map((e) => e.kind)).toEqual([
      "VISIBILITY_MEMBERS",
      "VISIBILITY_PUBLIC",
    ]);
    expect(panel!.status).toBe("PUBLISHED");
  });
});

describe("the review path", () => {
  it("goes draft → review → changes requested → review → approved → published, logging every step", async () => {
    const id = await briefIn("DRAFT");
    const live = await loadLiveDocument(id);

    await submitForReview(members.EDITOR, id, "Ready for a look");
    expect(await status(id)).toBe("IN_REVIEW");
    expect(await code(requestChanges(members.APPROVER, id, "   "))).toBe("workflowCommentRequired");
    await requestChanges(members.APPROVER, id, "Source the Kidal figure.");
    expect(await status(id)).toBe("DRAFT");
    await submitForReview(members.EDITOR, id);
    await withdrawFromReview(members.EDITOR, id);
    await submitForReview(members.EDITOR, id);
    await approve(members.APPROVER, id, "Good");

    const approved = await db.brief.findUniqueOrThrow({ where: { id } });
    // The approval covers the content and the title, language and style shown with it.
    const approvedHash = approvalHash(live.hash, shownFields(approved, live.citationStyle));
    expect(approved).toMatchObject({
      status: "APPROVED",
      approvedHash,
      approvedById: members.APPROVER.userId,
    });

    // Only TLP:CLEAR may have a public link (marking.test.ts covers who may set it).
    await db.brief.update({ where: { id }, data: { tlp: "CLEAR" } });
    const version = await publish(members.APPROVER, id, { publicLink: true, comment: "v1" });
    expect(version).toMatchObject({ number: 1, alreadyPublished: false });
    const published = await db.brief.findUniqueOrThrow({ where: { id } });
    expect(published).toMatchObject({ status: "PUBLISHED", publicLink: true, slug: version.slug });
    expect(published.reviewCycleStartedAt.getTime()).toBeGreaterThan(approved.createdAt.getTime());
    const stored = await db.briefVersion.findUniqueOrThrow({ where: { id: version.versionId } });
    expect(stored).toMatchObject({
      contentHash: approvedHash,
      approvedById: members.APPROVER.userId,
      publishedById: members.APPROVER.userId,
    });
    expect(stored.contentText).toContain("Clashes near Kidal.");

    const log = await db.briefTransition.findMany({
      where: { briefId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(log.map((t) => [t.kind, t.fromStatus, t.toStatus, t.actorId])).toEqual([
      ["SUBMIT", "DRAFT", "IN_REVIEW", members.EDITOR.userId],
      ["REQUEST_CHANGES", "IN_REVIEW", "DRAFT", members.APPROVER.userId],
      ["SUBMIT", "DRAFT", "IN_REVIEW", members.EDITOR.userId],
      ["WITHDRAW", "IN_REVIEW", "DRAFT", members.EDITOR.userId],
      ["SUBMIT", "DRAFT", "IN_REVIEW", members.EDITOR.userId],
      ["APPROVE", "IN_REVIEW", "APPROVED", members.APPROVER.userId],
      ["PUBLISH", "APPROVED", "PUBLISHED", members.APPROVER.userId],
    ]);
    expect(log.map((t) => t.comment)).toEqual([
      "Ready for a look",
      "Source the Kidal figure.",
      "",
      "",
      "",
      "Good",
      "v1",
    ]);
    expect(log.every((t) => t.contentHash === live.hash)).toBe(true);
    // The submission froze the data behind the draft (the staleness baseline).
    expect(log[0]!.data).toMatchObject({ embeds: [], incidents: [] });
    expect(log[6]!.data).toEqual({ versionId: version.versionId, number: 1 });

    // A snapshot of the draft was taken at the transitions (deduplicated by content).
    const snapshots = await db.briefSnapshot.findMany({ where: { briefId: id } });
    expect(snapshots.map((s) => s.reason)).toContain("TRANSITION");
    expect(snapshots.every((s) => s.contentHash === live.hash)).toBe(true);

    const panel = await reviewPanel(members.VIEWER, id);
    expect(panel).toMatchObject({
      status: "PUBLISHED",
      events: [],
      latestVersion: { number: 1, slug: version.slug },
    });
    expect(panel!.log.map((entry) => entry.kind)[0]).toBe("PUBLISH");
    expect(panel!.log[0]!.actor).toContain("APPROVER");
  });

  it("refuses steps the state machine does not allow, writing nothing", async () => {
    const draft = await briefIn("DRAFT");
    const inReview = await briefIn("IN_REVIEW");
    const approved = await briefIn("APPROVED");
    const before = await db.briefTransition.count();
    const invalid = "workflowInvalidTransition";
    expect(await code(approve(members.APPROVER, draft))).toBe(invalid);
    expect(await code(withdrawFromReview(members.EDITOR, draft))).toBe(invalid);
    expect(await code(requestChanges(members.APPROVER, draft, "x"))).toBe(invalid);
    expect(await code(publish(members.APPROVER, draft, { publicLink: false }))).toBe(invalid);
    // Publishing straight from review is not allowed.
    expect(await code(publish(members.APPROVER, inReview, { publicLink: false }))).toBe(invalid);
    expect(await code(submitForReview(members.EDITOR, inReview))).toBe(invalid);
    expect(await code(approve(members.APPROVER, approved))).toBe(invalid);
    expect(await code(submitForReview(members.EDITOR, approved))).toBe(invalid);
    expect(await db.briefTransition.count()).toBe(before);
    expect(await db.briefVersion.count({ where: { briefId: inReview } })).toBe(0);
    expect([await status(draft), await status(inReview), await status(approved)]).toEqual([
      "DRAFT",
      "IN_REVIEW",
      "APPROVED",
    ]);
    // A published brief is resubmitted only once its draft changed.
    const published = await briefIn("PUBLISHED");
    const afterPublish = await db.briefTransition.count();
    expect(await code(submitForReview(members.EDITOR, published))).toBe(
      "workflowUnchangedSincePublished",
    );
    expect(await db.briefTransition.count()).toBe(afterPublish);
    await typeParagraph(published, members.EDITOR.userId, "Revised after publication.");
    await submitForReview(members.EDITOR, published);
    expect(await status(published)).toBe("IN_REVIEW");
    expect(await db.briefTransition.count()).toBe(afterPublish + 2); // edited, then submitted
  });

  it("answers notFound for forged ids and deleted briefs", async () => {
    expect(await code(submitForReview(members.EDITOR, "not-a-uuid"))).toBe("notFound");
    expect(
      await code(submitForReview(members.EDITOR, "00000000-0000-4000-8000-000000000000")),
    ).toBe("notFound");
    const id = await briefIn("DRAFT");
    await db.brief.update({ where: { id }, data: { deletedAt: new Date() } });
    expect(await code(submitForReview(members.EDITOR, id))).toBe("notFound");
    expect(await reviewPanel(members.ADMIN, id)).toBeNull();
  });
});

describe("role matrix", () => {
  type Step = (member: Member, id: string) => Promise<unknown>;
  const steps: Record<string, { from: "DRAFT" | "IN_REVIEW" | "APPROVED"; run: Step }> = {
    submit: { from: "DRAFT", run: (m, id) => submitForReview(m, id) },
    withdraw: { from: "IN_REVIEW", run: (m, id) => withdrawFromReview(m, id) },
    requestChanges: { from: "IN_REVIEW", run: (m, id) => requestChanges(m, id, "Fix it") },
    approve: { from: "IN_REVIEW", run: (m, id) => approve(m, id) },
    publish: { from: "APPROVED", run: (m, id) => publish(m, id, { publicLink: false }) },
    setPublicLink: {
      from: "APPROVED",
      run: async (m, id) => {
        // Only TLP:CLEAR may have a public link; here the question is who may set it.
        await db.brief.update({ where: { id }, data: { tlp: "CLEAR" } });
        return setPublicLink(m, id, true);
      },
    },
  };
  const expected: Record<string, Record<Role | "outsider", string>> = {
    submit: {
      VIEWER: "forbidden",
      EDITOR: "ok",
      APPROVER: "ok",
      ADMIN: "ok",
      outsider: "notFound",
    },
    withdraw: {
      VIEWER: "forbidden",
      EDITOR: "ok",
      APPROVER: "ok",
      ADMIN: "ok",
      outsider: "notFound",
    },
    requestChanges: {
      VIEWER: "forbidden",
      EDITOR: "forbidden",
      APPROVER: "ok",
      ADMIN: "ok",
      outsider: "notFound",
    },
    approve: {
      VIEWER: "forbidden",
      EDITOR: "forbidden",
      APPROVER: "ok",
      ADMIN: "ok",
      outsider: "notFound",
    },
    publish: {
      VIEWER: "forbidden",
      EDITOR: "forbidden",
      APPROVER: "ok",
      ADMIN: "ok",
      outsider: "notFound",
    },
    setPublicLink: {
      VIEWER: "forbidden",
      EDITOR: "forbidden",
      APPROVER: "ok",
      ADMIN: "ok",
      outsider: "notFound",
    },
  };

  for (const [name, { from, run }] of Object.entries(steps)) {
    it(`${name}: only the roles allowed may, whatever request they craft`, async () => {
      const who: [Role | "outsider", Member][] = [
        ["outsider", outsider],
        ["VIEWER", members.VIEWER],
        ["EDITOR", members.EDITOR],
        ["APPROVER", members.APPROVER],
        ["ADMIN", members.ADMIN],
      ];
      for (const [role, member] of who) {
        const id = await briefIn(from);
        const before = await db.briefTransition.count({ where: { briefId: id } });
        const result = await code(run(member, id));
        expect(result, `${name} by ${role}`).toBe(expected[name]![role]);
        if (result !== "ok") {
          expect(await status(id)).toBe(from);
          expect(await db.briefTransition.count({ where: { briefId: id } })).toBe(before);
        }
      }
    });
  }

  it("shows each role only the buttons it may use", async () => {
    const id = await briefIn("IN_REVIEW");
    expect((await reviewPanel(members.VIEWER, id))!.events).toEqual([]);
    expect((await reviewPanel(members.EDITOR, id))!.events).toEqual(["withdraw"]);
    expect((await reviewPanel(members.APPROVER, id))!.events).toEqual([
      "withdraw",
      "requestChanges",
      "approve",
    ]);
    expect(await reviewPanel(outsider, id)).toBeNull();
  });
});
