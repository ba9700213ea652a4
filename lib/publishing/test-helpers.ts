/**
 * Test helpers of the publishing tests: a brief whose live document holds given ProseMirror
 * JSON (stored as the collab server stores it), incident rows and library sources.
 */
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Member } from "@/lib/policy/can";
import { yStateOfJson } from "./y-state";

/** A new brief of `member`'s workspace whose live document is `json`. */
export async function briefWithContent(
  member: Member,
  json: object,
  options: { title?: string; language?: string; direction?: "LTR" | "RTL" } = {},
): Promise<string> {
  const brief = await db.brief.create({
    data: {
      workspaceId: member.workspaceId,
      title: options.title ?? `Brief ${randomUUID().slice(0, 8)}`,
      language: options.language ?? "en",
      direction: options.direction ?? "LTR",
      createdById: member.userId,
      updatedById: member.userId,
      document: { create: { state: yStateOfJson(json), contentJson: json } },
    },
    select: { id: true },
  });
  return brief.id;
}

export function doc(...content: object[]) {
  return { type: "doc", content };
}

export function para(...content: (string | object)[]) {
  return {
    type: "paragraph",
    content: content.map((c) => (typeof c === "string" ? { type: "text", text: c } : c)),
  };
}

export function cite(...items: object[]) {
  return { type: "citation", attrs: { items } };
}

export function embed(
  kind: "incidentTable" | "incidentFigure" | "incidentChart" | "incidentMap",
  spec: object | string,
) {
  return { type: kind, attrs: { spec: typeof spec === "string" ? spec : JSON.stringify(spec) } };
}

/** An incident row of `workspaceId` (UCDP GED by default), as an import would store it. */
export async function createIncident(
  workspaceId: string,
  values: {
    externalId: string;
    date: string;
    admin1?: string;
    fatalities?: number;
    version?: string;
  },
) {
  const date = new Date(`${values.date}T00:00:00Z`);
  return db.incident.create({
    data: {
      workspaceId,
      dataset: "UCDP_GED",
      externalId: values.externalId,
      datasetVersion: values.version ?? "25.1",
      dateStart: date,
      dateEnd: date,
      yearMonth: date.getUTCFullYear() * 100 + date.getUTCMonth() + 1,
      eventType: "state-based",
      sideA: "Government of Mali",
      sideB: "JNIM",
      country: "Mali",
      admin1: values.admin1 ?? "Kayes",
      placeName: "Nioro du Sahel",
      fatalitiesBest: values.fatalities ?? 1,
      contentHash: randomUUID(),
      searchText: "government of mali jnim nioro du sahel",
    },
    select: { id: true, externalId: true },
  });
}

/** A library source of `member`'s workspace. */
export async function createSource(member: Member, title: string) {
  return db.source.create({
    data: {
      workspaceId: member.workspaceId,
      type: "report",
      title,
      titleKey: title.toLowerCase(),
      issued: "2024-05-01",
      reliability: "B",
      credibility: 2,
      createdById: member.userId,
      updatedById: member.userId,
    },
    select: { id: true },
  });
}
