import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { can, type Member } from "@/lib/policy/can";
import { actorNames, actorResolver } from "./actors";
import { searchText, yearMonth, type IncidentValues } from "./csv/incident-values";

const text = (max: number) =>
  z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(max).nullable().default(null));
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).transform((v) => new Date(`${v}T00:00:00Z`)); // prettier-ignore
const count = z.coerce.number().int().min(0).max(1_000_000);

/** An in-house incident as an editor enters it; the same checks as imported rows. */
export const manualIncidentSchema = z
  .object({
    dateStart: day,
    dateEnd: day.optional(),
    eventType: z.string().trim().min(1).max(200),
    subEventType: text(200),
    sideA: text(300),
    sideB: text(300),
    admin1: text(200),
    admin2: text(200),
    admin3: text(200),
    placeName: text(200),
    latitude: z.coerce.number().min(-90).max(90).nullable().default(null),
    longitude: z.coerce.number().min(-180).max(180).nullable().default(null),
    fatalitiesBest: count.default(0),
    civilianDeaths: count.nullable().default(null),
    description: text(5000),
    /** Source-library ids (issue 4) the incident rests on. */
    sourceIds: z.array(z.uuid()).max(50).default([]),
  })
  .refine((v) => !v.dateEnd || v.dateEnd >= v.dateStart, { path: ["dateEnd"] });
export type ManualIncidentInput = z.input<typeof manualIncidentSchema>;

function assertCan(member: Member, action: "incident.edit" | "incident.note") {
  if (!can(member, action, { kind: "workspace", id: member.workspaceId }))
    throw new DomainError("forbidden");
}

async function columns(input: z.output<typeof manualIncidentSchema>, tx: Tx) {
  const { sourceIds, dateEnd, ...fields } = input;
  const values: Omit<IncidentValues, "raw" | "externalId"> = {
    ...fields,
    dateEnd: dateEnd ?? fields.dateStart,
    datePrecision: 1,
    assocActors: null,
    country: "Mali",
    geoPrecision: null,
    fatalitiesLow: null,
    fatalitiesHigh: null,
    sourceText: null,
    sourceScale: null,
    numberOfSources: sourceIds.length || null,
    clarity: null,
  };
  const names = actorNames(values);
  const resolve = await actorResolver(names, tx);
  return {
    ...values,
    actorIds: resolve(names),
    sourceIds,
    yearMonth: yearMonth(values.dateStart),
    searchText: searchText(values),
  };
}

/** Adds an in-house incident (dataset INHOUSE, id IH-xxxxxxxx). Editors and up. */
export async function createManualIncident(
  member: Member,
  input: ManualIncidentInput,
  tx: Tx = db,
) {
  // prettier-ignore
  assertCan(member, "incident.edit");
  const parsed = manualIncidentSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("validation");
  return tx.incident.create({
    data: {
      workspaceId: member.workspaceId,
      dataset: "INHOUSE",
      externalId: `IH-${randomUUID().slice(0, 8)}`,
      contentHash: randomUUID(),
      createdById: member.userId,
      ...(await columns(parsed.data, tx)),
    },
    select: { id: true, externalId: true },
  });
}

/** Edits an in-house incident. Imported rows are read-only (their notes are not). */
export async function updateManualIncident(
  member: Member,
  id: string,
  input: ManualIncidentInput,
  tx: Tx = db,
) {
  // prettier-ignore
  assertCan(member, "incident.edit");
  const existing = await tx.incident.findFirst({ where: { id, workspaceId: member.workspaceId }, select: { dataset: true } }); // prettier-ignore
  if (!existing) throw new DomainError("notFound");
  if (existing.dataset !== "INHOUSE") throw new DomainError("forbidden");
  const parsed = manualIncidentSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("validation");
  return tx.incident.update({ where: { id }, data: { ...(await columns(parsed.data, tx)), contentHash: randomUUID() }, select: { id: true } }); // prettier-ignore
}

/** An analyst's note on any incident, imported or in-house. */
export async function addIncidentNote(
  member: Member,
  incidentId: string,
  body: string,
  tx: Tx = db,
) {
  // prettier-ignore
  assertCan(member, "incident.note");
  const text = String(body ?? "").trim();
  if (!text || text.length > 5000) throw new DomainError("validation");
  const incident = await tx.incident.findFirst({ where: { id: incidentId, workspaceId: member.workspaceId }, select: { id: true } }); // prettier-ignore
  if (!incident) throw new DomainError("notFound");
  return tx.incidentNote.create({ data: { incidentId, authorId: member.userId, body: text }, select: { id: true } }); // prettier-ignore
}
