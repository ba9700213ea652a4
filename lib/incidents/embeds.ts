import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import type { Member } from "@/lib/policy/can";
import {
  incidentSeries,
  incidentTotals,
  incidentWhere,
  rowSelect,
  type IncidentRow,
} from "./queries";
import { mapEmbedData } from "./embed-map";
import { embedSpecSchema, type EmbedSpec, type IncidentSort } from "./query-schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/validation/uuid";
import { authorizeInWorkspace } from "@/lib/workspaces/authorize";

/** Parses a stored embed spec (a node attribute); a broken one is a validation error. */
export function parseEmbedSpec(value: unknown): EmbedSpec {
  const raw = typeof value === "string" ? safeJson(value) : value;
  const parsed = embedSpecSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError("validation");
  return parsed.data;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

const TABLE_ORDER: Record<IncidentSort, Prisma.IncidentOrderByWithRelationInput> = {
  date: { dateStart: "desc" },
  fatalities: { fatalitiesBest: "desc" },
  admin1: { admin1: "asc" },
  eventType: { eventType: "asc" },
  dataset: { dataset: "asc" },
};

/**
 * Computes an embed's result now. `asOf` is when it was computed, so the brief can say
 * "data as of …"; `lastChange` is the latest import into the workspace, `changedRows` how
 * many of the rows behind this embed that import changed and `removedRows` how many it
 * removed (no longer in the file): the brief flags those embeds.
 */
export async function computeEmbed(member: Member, spec: EmbedSpec, tx: Tx = db) {
  authorizeInWorkspace(member, "incident.read", "notFound");
  const asOf = new Date().toISOString();
  const lastBatch = await tx.importBatch.findFirst({
    where: { workspaceId: member.workspaceId },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true },
  });
  const changedRows = lastBatch
    ? await tx.incidentRevision.count({
        where: {
          importBatchId: lastBatch.id,
          incident: await incidentWhere(member.workspaceId, spec.filter, tx),
        },
      })
    : 0;
  // Rows that matched this query until the latest import left them out.
  const removedRows = lastBatch
    ? await tx.incident.count({
        where: {
          AND: [
            await incidentWhere(member.workspaceId, spec.filter, tx, { includeRemoved: true }),
            { removedInBatchId: lastBatch.id },
          ],
        },
      })
    : 0;
  const base = {
    asOf,
    lastChange: lastBatch?.createdAt.toISOString() ?? null,
    changedRows,
    removedRows,
  };
  if (spec.kind === "table") {
    const where = await incidentWhere(member.workspaceId, spec.filter, tx);
    const direction = spec.dir;
    const order = Object.fromEntries(
      Object.entries(TABLE_ORDER[spec.sort]).map(([k]) => [k, direction]),
    ) as Prisma.IncidentOrderByWithRelationInput;
    const [rows, totals] = await Promise.all([
      tx.incident.findMany({
        where,
        orderBy: [order, { externalId: "asc" }],
        take: spec.limit,
        select: { ...rowSelect, importBatch: { select: { accessDate: true } } },
      }),
      incidentTotals(member, spec.filter, tx),
    ]);
    return { ...base, kind: "table" as const, rows: rows.map(serializeRow), ...totals };
  }
  if (spec.kind === "figure") {
    const value = await metric(member, spec.filter, spec.metric, tx);
    if (!spec.baseline) return { ...base, kind: "figure" as const, value, ratio: null };
    const baseline = await metric(member, spec.baseline, spec.metric, tx);
    return {
      ...base,
      kind: "figure" as const,
      value,
      baseline,
      ratio: baseline === 0 ? null : Math.round((value / baseline) * 10) / 10,
    };
  }
  if (spec.kind === "map") {
    const [data, totals] = await Promise.all([
      mapEmbedData(member, spec.filter, tx),
      incidentTotals(member, spec.filter, tx),
    ]);
    return { ...base, kind: "map" as const, extent: spec.extent, ...data, ...totals };
  }
  const series = await incidentSeries(member, spec.filter, spec.period, tx);
  return { ...base, kind: "chart" as const, series };
}
export type EmbedResult = Awaited<ReturnType<typeof computeEmbed>>;

async function metric(
  member: Member,
  filter: EmbedSpec["filter"],
  which: "count" | "fatalities",
  tx: Tx,
) {
  const totals = await incidentTotals(member, filter, tx);
  return which === "count" ? totals.count : totals.fatalities;
}

function serializeRow({
  importBatch,
  ...row
}: IncidentRow & { importBatch: { accessDate: Date } | null }) {
  return {
    ...row,
    /** When the analyst downloaded the file the row came from (cited in footnotes). */
    accessed: importBatch?.accessDate.toISOString().slice(0, 10) ?? null,
    dateStart: row.dateStart.toISOString().slice(0, 10),
    dateEnd: row.dateEnd.toISOString().slice(0, 10),
  };
}
export type SerializedRow = ReturnType<typeof serializeRow>;

/** The columns a footnote names about an incident row (also frozen at publication). */
export const CITED_INCIDENT_SELECT = {
  id: true,
  dataset: true,
  externalId: true,
  datasetVersion: true,
  dateStart: true,
  placeName: true,
  removedAt: true,
  importBatch: { select: { accessDate: true } },
} as const;

/** What a footnote says about cited incident rows: dataset, version, row id, access date. */
export async function citedIncidents(member: Member, ids: string[], tx: Tx = db) {
  authorizeInWorkspace(member, "incident.read", "notFound");
  const valid = ids.filter(isUuid).slice(0, 50);
  const rows = await tx.incident.findMany({
    where: { workspaceId: member.workspaceId, id: { in: valid } },
    select: CITED_INCIDENT_SELECT,
  });
  return rows.map((r) => ({
    id: r.id,
    dataset: r.dataset,
    externalId: r.externalId,
    datasetVersion: r.datasetVersion,
    date: r.dateStart.toISOString().slice(0, 10),
    placeName: r.placeName,
    accessDate: r.importBatch?.accessDate.toISOString().slice(0, 10) ?? null,
    /** When a re-import no longer contained the row (the footnote can say so), else null. */
    removedAt: r.removedAt?.toISOString() ?? null,
  }));
}
