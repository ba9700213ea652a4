import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { listIncidents } from "./queries";
import { listParamsSchema } from "./query-schema";
import { addIncidentNote, createManualIncident, updateManualIncident } from "./service";

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
    const found = await listIncidents(members.VIEWER, listParamsSchema.parse({ q: "melgue", actor: "GSIM" })); // prettier-ignore
    expect(found.rows.map((r) => r.id)).toEqual([created.id]);
    await updateManualIncident(members.EDITOR, created.id, { ...melgue, fatalitiesBest: 4 });
    expect((await db.incident.findUniqueOrThrow({ where: { id: created.id } })).fatalitiesBest).toBe(4); // prettier-ignore
    await expect(createManualIncident(members.VIEWER, melgue)).rejects.toMatchObject({ code: "forbidden" }); // prettier-ignore
    await expect(createManualIncident(members.EDITOR, { ...melgue, latitude: 200 })).rejects.toMatchObject({ code: "validation" }); // prettier-ignore
    await expect(createManualIncident(members.EDITOR, { ...melgue, fatalitiesBest: -1 })).rejects.toMatchObject({ code: "validation" }); // prettier-ignore
  });

  it("keeps imported rows read-only except for notes", async () => {
    const { members, workspaceId } = await workspaceWith(["EDITOR"]);
    const imported = await db.incident.create({
      data: { workspaceId, dataset: "ACLED", externalId: "MLI1", dateStart: new Date("2024-01-01"), dateEnd: new Date("2024-01-01"), yearMonth: 202401, eventType: "Battles", contentHash: "x", searchText: "" }, // prettier-ignore
    });
    await expect(updateManualIncident(members.EDITOR, imported.id, melgue)).rejects.toMatchObject({ code: "forbidden" }); // prettier-ignore
    await addIncidentNote(members.EDITOR, imported.id, "Local sources say four, not three.");
    expect(await db.incidentNote.count({ where: { incidentId: imported.id } })).toBe(1);
  });
});
