import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createManualIncident } from "@/lib/incidents/service";
import type { Member, Role } from "@/lib/policy/can";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { publish, PublishProblemsError } from "./publish";
import { setMarking } from "./marking";
import { approve, submitForReview } from "./service";
import { reviewStaleness } from "./staleness";
import { insertTable, newBrief, typeParagraph } from "./test-helpers";

withTestDatabase("workflow-publish");

let members: Record<Role, Member>;

beforeAll(async () => {
  ({ members } = await workspaceWith(["VIEWER", "EDITOR", "APPROVER", "ADMIN"]));
});

async function approvedBrief(build: (id: string) => Promise<void>) {
  const id = await newBrief(members.EDITOR);
  await build(id);
  await submitForReview(members.EDITOR, id);
  await approve(members.APPROVER, id);
  return id;
}

describe("publish", () => {
  it("refuses a brief with a broken embed, listing the problem and writing nothing", async () => {
    const id = await approvedBrief(async (briefId) => {
      await typeParagraph(briefId, members.EDITOR.userId, "See the table.");
      await insertTable(
        briefId,
        members.EDITOR.userId,
        '{"kind":"table","filter":{"from":"yesterday"}}',
      );
    });
    const refusal = await publish(members.APPROVER, id, { publicLink: false }).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(PublishProblemsError);
    const { code, values, problems } = refusal as PublishProblemsError;
    expect(code).toBe("workflowPublishProblems");
    expect(values).toEqual({ count: 1 });
    expect(problems).toEqual([{ kind: "brokenEmbed", index: 1, reason: "invalidSpec" }]);
    expect(await db.briefVersion.count({ where: { briefId: id } })).toBe(0);
    const stored = await db.brief.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: "APPROVED", slug: null });
    expect(await db.briefTransition.count({ where: { briefId: id, kind: "PUBLISH" } })).toBe(0);
  });

  it("creates exactly one version when publish is clicked several times at once", async () => {
    const id = await approvedBrief((briefId) =>
      typeParagraph(briefId, members.EDITOR.userId, "Concurrent clicks."),
    );
    const results = await Promise.all([
      publish(members.APPROVER, id, { publicLink: false }),
      publish(members.APPROVER, id, { publicLink: false }),
      publish(members.ADMIN, id, { publicLink: false }),
    ]);
    expect(await db.briefVersion.count({ where: { briefId: id } })).toBe(1);
    expect(new Set(results.map((r) => r.versionId)).size).toBe(1);
    expect(results.filter((r) => !r.alreadyPublished)).toHaveLength(1);
    expect(results.every((r) => r.number === 1)).toBe(true);
    expect(await db.briefTransition.count({ where: { briefId: id, kind: "PUBLISH" } })).toBe(1);
  });

  it("publishes v2 after a revision, under the same slug", async () => {
    const id = await approvedBrief((briefId) =>
      typeParagraph(briefId, members.EDITOR.userId, "First version."),
    );
    await setMarking(members.APPROVER, id, "CLEAR");
    const v1 = await publish(members.APPROVER, id, { publicLink: true });
    await typeParagraph(id, members.EDITOR.userId, "Second version.");
    // Not compacted yet: submitting still sees the changed draft and goes through DRAFT.
    await submitForReview(members.EDITOR, id);
    const kinds = await db.briefTransition.findMany({
      where: { briefId: id },
      orderBy: { createdAt: "asc" },
      select: { kind: true },
    });
    expect(kinds.map((t) => t.kind).slice(-2)).toEqual(["EDITED_AFTER_APPROVAL", "SUBMIT"]);
    await approve(members.APPROVER, id);
    const v2 = await publish(members.APPROVER, id, { publicLink: false });
    expect(v2).toMatchObject({ number: 2, slug: v1.slug, alreadyPublished: false });
    expect((await db.brief.findUniqueOrThrow({ where: { id } })).publicLink).toBe(false);
  });
});

describe("staleness", () => {
  it("warns when the data behind an embed changed since submission", async () => {
    const spec = { kind: "table", filter: { admin1: "Kidal" }, limit: 10 };
    const incident = {
      dateStart: "2024-03-01",
      eventType: "Battles",
      admin1: "Kidal",
      placeName: "Anefis",
      fatalitiesBest: 3,
    };
    await createManualIncident(members.EDITOR, incident);
    const id = await newBrief(members.EDITOR);
    await insertTable(id, members.EDITOR.userId, spec);
    await submitForReview(members.EDITOR, id);
    expect(await reviewStaleness(members.APPROVER, id)).toBeNull();

    await createManualIncident(members.EDITOR, {
      ...incident,
      placeName: "Tessalit",
      fatalitiesBest: 5,
    });
    const stale = await reviewStaleness(members.APPROVER, id);
    expect(stale?.count).toBe(1);
    const change = stale!.embedsChanged[0]!;
    expect(change.rowsAdded).toHaveLength(1);
    expect(change.totals).toEqual(
      expect.arrayContaining([
        { field: "count", from: 1, to: 2 },
        { field: "fatalities", from: 3, to: 8 },
      ]),
    );
    // Nothing to warn about for a brief that is not under review.
    await approve(members.APPROVER, id);
    expect((await reviewStaleness(members.APPROVER, id))?.count).toBe(1);
    const draft = await newBrief(members.EDITOR);
    expect(await reviewStaleness(members.APPROVER, draft)).toBeNull();
  });
});
