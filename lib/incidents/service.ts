import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { can, type Member } from "@/lib/policy/can";
import { sourcesByIds } from "@/lib/sources/queries";
import { actorNames, actorResolver } from "./actors";
import { searchText, yearMonth, type IncidentValues } from "./csv/incident-values";
import { isUuid } from "@/lib/validation/uuid";
import { authorizeInWorkspace } from "@/lib/workspaces/authorize";

const text = (max: number) =>
  z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(max).nullable().default(null));
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((v) => new Date(`${v}T00:00:00Z`));
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
    /** Ids in the workspace's source library (lib/sources) the incident rests on. */
    sourceIds: z.array(z.uuid()).max(50).default([]),
  })
  .refine((v) => !v.dateEnd || v.dateEnd >= v.dateStart, { path: ["dateEnd"] });
export type ManualIncidentInput = z.input<typeof manualIncidentSchema>;

/** The source ids must name sources of this workspace (the column has no foreign key). */
async function checkSources(workspaceId: string, ids: string[], tx: Tx): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await sourcesByIds(workspaceId, unique, tx);
  if (found.length !== unique.length) throw new DomainError("incidentUnknownSource");
  return unique;
}

async function columns(input: z.output<typeof manualIncidentSchema>, member: Member, tx: Tx) {
  const { dateEnd, sourceIds: requested, ...fields } = input;
  const sourceIds = await checkSources(member.workspaceId, requested, tx);
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
  authorizeInWorkspace(member, "incident.edit");
  const parsed = manualIncidentSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("validation");
  return tx.incident.create({
    data: {
      workspaceId: member.workspaceId,
      dataset: "INHOUSE",
      externalId: `IH-${randomUUID().slice(0, 8)}`,
      contentHash: randomUUID(),
      createdById: member.userId,
      ...(await columns(parsed.data, member, tx)),
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
  authorizeInWorkspace(member, "incident.edit");
  const existing = await tx.incident.findFirst({
    where: { id, workspaceId: member.workspaceId },
    select: { dataset: true },
  });
  if (!existing) throw new DomainError("notFound");
  if (existing.dataset !== "INHOUSE") throw new DomainError("forbidden");
  const parsed = manualIncidentSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("validation");
  return tx.incident.update({
    where: { id },
    data: { ...(await columns(parsed.data, member, tx)), contentHash: randomUUID() },
    select: { id: true },
  });
}

/** An analyst's note on any incident, imported or in-house. */
export async function addIncidentNote(
  member: Member,
  incidentId: string,
  body: string,
  tx: Tx = db,
) {
  authorizeInWorkspace(member, "incident.note");
  const text = String(body ?? "").trim();
  if (!text || text.length > 5000) throw new DomainError("validation");
  const incident = await tx.incident.findFirst({
    where: { id: incidentId, workspaceId: member.workspaceId },
    select: { id: true },
  });
  if (!incident) throw new DomainError("notFound");
  return tx.incidentNote.create({
    data: { incidentId, authorId: member.userId, body: text },
    select: { id: true },
  });
}

/** Deletes a note; its author or anyone who may write notes (editors and up). */
export async function deleteIncidentNote(member: Member, noteId: string, tx: Tx = db) {
  authorizeInWorkspace(member, "incident.note");
  const deleted = await tx.incidentNote.deleteMany({
    where: { id: noteId, incident: { workspaceId: member.workspaceId } },
  });
  if (deleted.count === 0) throw new DomainError("notFound");
}

/**
 * Everything the detail page shows about one row: every field, its import batch, the changes
 * re-imports made to it (newest first), its notes and, for in-house rows, its sources.
 * Null when the row is not in the member's workspace (the page answers 404).
 */
export async function getIncidentDetail(member: Member, id: string, tx: Tx = db) {
  if (!isUuid(id)) return null;
  if (!can(member, "incident.read", { kind: "workspace", id: member.workspaceId })) return null;
  const incident = await tx.incident.findFirst({
    where: { id, workspaceId: member.workspaceId },
    include: {
      removedInBatch: { select: { fileName: true, createdAt: true } },
      importBatch: {
        select: {
          id: true,
          fileName: true,
          datasetVersion: true,
          accessDate: true,
          createdAt: true,
          createdBy: { select: { name: true } },
        },
      },
      revisions: {
        orderBy: { createdAt: "desc" },
        take: 100,
        select: {
          id: true,
          changedFields: true,
          previous: true,
          createdAt: true,
          importBatch: { select: { fileName: true, datasetVersion: true } },
        },
      },
      notes: {
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  if (!incident) return null;
  const sources = await sourcesByIds(member.workspaceId, incident.sourceIds, tx);
  const order = new Map(incident.sourceIds.map((s, i) => [s, i]));
  sources.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { ...incident, sources };
}
export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof getIncidentDetail>>>;
