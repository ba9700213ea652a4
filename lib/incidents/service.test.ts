import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { domainCode } from "@/lib/test/domain-code";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { listIncidents } from "./queries";
import { listParamsSchema } from "./query-schema";
import {
  addIncidentNote,
  createManualIncident,
  deleteIncidentNote,
  getIncidentDetail,
  updateManualIncident,
} from "./service";

withTestDatabase("incidents_service");

const melgue = {
  dateStart: "2025-02-10",
  eventType: "Battles",
  sideA: "JNIM",
  sideB: "Military Forces of Mali (2021-)",
  admin1: "Kayes",
  admin2: "Nioro",
  placeName: "Melgué",
  fatalitiesBest: 3,
  description: "Ambush on a FAMa patrol near Melgué; three soldiers killed.",
};

describe("in-house incidents and notes", () => {
  it("lets an editor add and edit an in-house incident that search then finds", async () => {
    const { members } = await workspaceWith(["EDITOR", "VIEWER"]);
    const created = await createManualIncident(members.EDITOR, melgue);
    expect(created.externalId).toMatch(/^IH-/);
    const found = await listIncidents(
      members.VIEWER,
      listParamsSchema.parse({ q: "melgue", actor: "GSIM" }),
    );
    expect(found.rows.map((r) => r.id)).toEqual([created.id]);
    await updateManualIncident(members.EDITOR, created.id, { ...melgue, fatalitiesBest: 4 });
    expect(
      (await db.incident.findUniqueOrThrow({ where: { id: created.id } })).fatalitiesBest,
    ).toBe(4);
    await expect(createManualIncident(members.VIEWER, melgue)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      createManualIncident(members.EDITOR, { ...melgue, latitude: 200 }),
    ).rejects.toMatchObject({ code: "validation" });
    await expect(
      createManualIncident(members.EDITOR, { ...melgue, fatalitiesBest: -1 }),
    ).rejects.toMatchObject({ code: "validation" });
  });

  it("keeps imported rows read-only except for notes", async () => {
    const { members, workspaceId } = await workspaceWith(["EDITOR"]);
    const imported = await db.incident.create({
      data: {
        workspaceId,
        dataset: "ACLED",
        externalId: "MLI1",
        dateStart: new Date("2024-01-01"),
        dateEnd: new Date("2024-01-01"),
        yearMonth: 202401,
        eventType: "Battles",
        contentHash: "x",
        searchText: "",
      },
    });
    await expect(updateManualIncident(members.EDITOR, imported.id, melgue)).rejects.toMatchObject({
      code: "forbidden",
    });
    await addIncidentNote(members.EDITOR, imported.id, "Local sources say four, not three.");
    expect(await db.incidentNote.count({ where: { incidentId: imported.id } })).toBe(1);
  });

  it("edits an in-house incident's sources, only from the workspace's own library", async () => {
    const { members, workspaceId } = await workspaceWith(["EDITOR", "VIEWER"]);
    const other = await workspaceWith(["EDITOR"]);
    const source = (ws: string, by: string, title: string) =>
      db.source.create({
        data: {
          workspaceId: ws,
          type: "report",
          title,
          titleKey: `${title.toLowerCase()}|`,
          createdById: by,
          updatedById: by,
        },
        select: { id: true },
      });
    const ours = await source(workspaceId, members.EDITOR.userId, "MINUSMA human rights note");
    const second = await source(workspaceId, members.EDITOR.userId, "Radio Kledu bulletin");
    const theirs = await source(other.workspaceId, other.members.EDITOR.userId, "Elsewhere");
    const created = await createManualIncident(members.EDITOR, { ...melgue, sourceIds: [ours.id] });
    await updateManualIncident(members.EDITOR, created.id, {
      ...melgue,
      sourceIds: [second.id, ours.id],
    });
    const detail = await getIncidentDetail(members.VIEWER, created.id);
    expect(detail?.sources.map((s) => s.title)).toEqual([
      "Radio Kledu bulletin",
      "MINUSMA human rights note",
    ]);
    expect(detail?.numberOfSources).toBe(2);
    expect(
      await domainCode(
        updateManualIncident(members.EDITOR, created.id, { ...melgue, sourceIds: [theirs.id] }),
      ),
    ).toBe("incidentUnknownSource");
    expect(
      await domainCode(
        createManualIncident(members.EDITOR, {
          ...melgue,
          sourceIds: ["00000000-0000-4000-8000-000000000000"],
        }),
      ),
    ).toBe("incidentUnknownSource");
    expect(await domainCode(updateManualIncident(members.VIEWER, created.id, melgue))).toBe(
      "forbidden",
    );
    expect((await getIncidentDetail(members.VIEWER, created.id))?.sources).toHaveLength(2);
  });

  it("shows every field, the batch, history and notes on the detail view, to members only", async () => {
    const { members, workspaceId } = await workspaceWith(["EDITOR", "VIEWER"]);
    const outsider = await workspaceWith(["ADMIN"]);
    const batch = await db.importBatch.create({
      data: {
        workspaceId,
        dataset: "ACLED",
        fileName: "acled.csv",
        fileSize: 1,
        encoding: "utf-8",
        accessDate: new Date("2026-11-20"),
        createdById: members.EDITOR.userId,
        inserted: 1,
        updated: 0,
        unchanged: 0,
        rejected: 0,
      },
    });
    const row = await db.incident.create({
      data: {
        workspaceId,
        dataset: "ACLED",
        externalId: "MLI2",
        dateStart: new Date("2024-01-01"),
        dateEnd: new Date("2024-01-01"),
        yearMonth: 202401,
        eventType: "Battles",
        fatalitiesBest: 3,
        contentHash: "x",
        searchText: "",
        importBatchId: batch.id,
      },
    });
    await db.incidentRevision.create({
      data: {
        incidentId: row.id,
        importBatchId: batch.id,
        changedFields: ["fatalitiesBest"],
        previous: { fatalitiesBest: 2 },
      },
    });
    const note = await addIncidentNote(members.EDITOR, row.id, "  Local sources say four.  ");
    expect(await domainCode(addIncidentNote(members.VIEWER, row.id, "no"))).toBe("forbidden");
    expect(await domainCode(addIncidentNote(members.EDITOR, row.id, "   "))).toBe("validation");
    const detail = await getIncidentDetail(members.VIEWER, row.id);
    expect(detail).toMatchObject({
      externalId: "MLI2",
      fatalitiesBest: 3,
      importBatch: { fileName: "acled.csv" },
      revisions: [{ changedFields: ["fatalitiesBest"], previous: { fatalitiesBest: 2 } }],
      notes: [
        { body: "Local sources say four.", author: { name: expect.stringContaining("EDITOR") } },
      ],
      sources: [],
    });
    expect(await getIncidentDetail(outsider.members.ADMIN, row.id)).toBeNull();
    expect(await getIncidentDetail(members.VIEWER, "not-a-uuid")).toBeNull();
    expect(await domainCode(deleteIncidentNote(members.VIEWER, note.id))).toBe("forbidden");
    expect(await domainCode(deleteIncidentNote(outsider.members.ADMIN, note.id))).toBe("notFound");
    await deleteIncidentNote(members.EDITOR, note.id);
    expect(await db.incidentNote.count({ where: { incidentId: row.id } })).toBe(0);
  });
});
