import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { compactBrief } from "@/lib/collab/compaction";
import { AFTER_COMPACTION } from "@/lib/workflow/collab-hooks";
import { createBriefWithMembers, type TestBrief } from "@/lib/test/factories";
import { db } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";
import { freezeBrief } from "@/lib/publishing/freeze";
import { createVersion } from "@/lib/publishing/versions";
import { domainCode } from "@/lib/test/domain-code";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { compareBrief, compareChoices } from "./queries";
import { parseRef } from "./refs";

withTestDatabase("compare");

let brief: TestBrief;
const doc = new Y.Doc();
const member = (role: Role): Member => ({
  userId: brief.users[role].id,
  workspaceId: brief.workspaceId,
  role,
});
const TABLE_SPEC = JSON.stringify({
  kind: "table",
  filter: { dataset: "ACLED" },
  sort: "date",
  dir: "desc",
  limit: 10,
  columns: ["date", "fatalities"],
});

/** Changes the brief's document the way a client would: a logged update, then compaction. */
async function change(edit: (fragment: Y.XmlFragment) => void) {
  const before = Y.encodeStateVector(doc);
  doc.transact(() => edit(doc.getXmlFragment("default")));
  const update = Y.encodeStateAsUpdate(doc, before);
  await db.briefUpdate.create({
    data: { briefId: brief.briefId, update: Buffer.from(update), userId: brief.users.EDITOR.id },
  });
  await compactBrief(brief.briefId, { afterCompaction: AFTER_COMPACTION });
}

function incident(externalId: string, fatalitiesBest: number) {
  return db.incident.create({
    data: {
      workspaceId: brief.workspaceId,
      dataset: "ACLED",
      externalId,
      dateStart: new Date("2026-10-01"),
      dateEnd: new Date("2026-10-01"),
      yearMonth: 202610,
      eventType: "Battles",
      fatalitiesBest,
      contentHash: externalId,
      searchText: "",
    },
    select: { id: true },
  });
}

const ref = (raw: string) => parseRef(raw)!;

beforeAll(async () => {
  brief = await createBriefWithMembers();
  await incident("MLI1", 3);
  await incident("MLI2", 5);
  await change((fragment) => {
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText("Attacks rose in Mopti last week.")]);
    const table = new Y.XmlElement("incidentTable");
    table.setAttribute("spec", TABLE_SPEC);
    fragment.insert(0, [p, table]);
  });
  const frozen = await freezeBrief(member("APPROVER"), brief.briefId);
  expect(frozen.problems).toEqual([]);
  await db.$transaction((tx) =>
    createVersion(tx, {
      briefId: brief.briefId,
      frozen,
      approvedById: brief.users.APPROVER.id,
      approvedAt: new Date(),
      publishedById: brief.users.APPROVER.id,
    }),
  );
});

describe("compare", () => {
  it("shows text and data changes between the published version and the draft", async () => {
    // After publication: the text changes and a re-import changes a row and adds one.
    await change((fragment) => {
      const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.delete("Attacks ".length, "rose".length);
      text.insert("Attacks ".length, "fell");
    });
    const row = await db.incident.findFirstOrThrow({
      where: { workspaceId: brief.workspaceId, externalId: "MLI1" },
    });
    await db.incident.update({ where: { id: row.id }, data: { fatalitiesBest: 7 } });
    const added = await incident("MLI3", 1);

    const result = await compareBrief(member("EDITOR"), brief.briefId, ref("v1"), ref("draft"));
    expect(result.text.counts).toEqual({ added: 0, removed: 0, changed: 1 });
    const changed = result.text.blocks.find((b) => b.status === "changed")!;
    expect(changed.parts.filter((p) => p.kind !== "same")).toEqual([
      { kind: "del", text: "rose" },
      { kind: "ins", text: "fell" },
    ]);
    expect(result.data.embedsChanged).toHaveLength(1);
    const table = result.data.embedsChanged[0]!;
    expect(table.rowsAdded.map((r) => r.id)).toEqual([added.id]);
    expect(table.rowsRemoved).toEqual([]);
    expect(table.rowsChanged).toEqual([
      { id: row.id, label: "ACLED MLI1", fields: [{ field: "fatalitiesBest", from: 3, to: 7 }] },
    ]);
    expect(table.totals).toEqual(
      expect.arrayContaining([
        { field: "count", from: 2, to: 3 },
        { field: "fatalities", from: 8, to: 13 },
      ]),
    );
    expect(result.citations.count).toBe(0);
    // The version's side is its frozen record: it still says 3 fatalities.
    const frozenRows = (
      result.from.embeds.embeds[0]!.result as { rows: { fatalitiesBest: number }[] }
    ).rows;
    expect(frozenRows.map((r) => r.fatalitiesBest).sort()).toEqual([3, 5]);
  });

  it("lets viewers compare published versions only, and hides the brief from outsiders", async () => {
    expect(
      await domainCode(compareBrief(member("VIEWER"), brief.briefId, ref("v1"), ref("draft"))),
    ).toBe("forbidden");
    const same = await compareBrief(member("VIEWER"), brief.briefId, ref("v1"), ref("v1"));
    expect([same.text.counts, same.data.count, same.citations.count]).toEqual([
      { added: 0, removed: 0, changed: 0 },
      0,
      0,
    ]);
    expect(
      await domainCode(compareBrief(member("EDITOR"), brief.briefId, ref("v9"), ref("draft"))),
    ).toBe("notFound");
    const outsider = await createBriefWithMembers();
    const stranger: Member = {
      userId: outsider.users.ADMIN.id,
      workspaceId: outsider.workspaceId,
      role: "ADMIN",
    };
    expect(await domainCode(compareBrief(stranger, brief.briefId, ref("v1"), ref("v1")))).toBe(
      "notFound",
    );

    const forViewer = await compareChoices(member("VIEWER"), brief.briefId);
    expect(forViewer).toMatchObject({
      mayUseDraft: false,
      snapshots: [],
      defaults: { from: { kind: "version", number: 1 }, to: { kind: "version", number: 1 } },
    });
    const forEditor = await compareChoices(member("EDITOR"), brief.briefId);
    expect(forEditor.defaults).toEqual({
      from: { kind: "version", number: 1 },
      to: { kind: "draft" },
    });
  });

  it("parses refs strictly", () => {
    expect(parseRef("v2")).toEqual({ kind: "version", number: 2 });
    expect(parseRef("draft")).toEqual({ kind: "draft" });
    expect(parseRef("s:6F1D6C1E-0B7A-4F3E-9A51-5B0E2F6C0A01")).toEqual({
      kind: "snapshot",
      id: "6f1d6c1e-0b7a-4f3e-9a51-5b0e2f6c0a01",
    });
    for (const bad of ["v0", "v-1", "s:nope", "DRAFT", "", undefined, ["v1"]])
      expect(parseRef(bad)).toBeNull();
  });
});
