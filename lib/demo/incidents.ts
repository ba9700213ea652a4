/**
 * The demo desk's incident data: the real UCDP GED candidate sample (12 Mali rows of release
 * 26.0.7, CC BY 4.0; provenance in lib/incidents/fixtures/*.ATTRIBUTION.txt), imported by
 * the demo editor through the product's own parse and commit, so it is an ordinary import
 * batch (history, access date, actors) that the demo briefs embed and cite.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import type { IncidentCitationItem } from "@/lib/editor/citation-items";
import { commitImport } from "@/lib/incidents/import/commit-import";
import { parseImportFile } from "@/lib/incidents/import/parse-import";
import { fileSource } from "@/lib/incidents/import/read-file";
import type { Member } from "@/lib/policy/can";

export const DEMO_SAMPLE = {
  // The importer tests check this file value by value, so it never drifts from UCDP's.
  path: path.join(__dirname, "../incidents/fixtures/ucdp-ged-candidate-26.0.7-mali-sample.csv"),
  fileName: "ucdp-ged-candidate-26.0.7-mali-sample.csv",
  datasetVersion: "26.0.7",
} as const;

/**
 * Imports the sample as the demo editor unless the workspace already holds UCDP GED rows
 * (seeded before, or the desk's own imports: an older sample must never roll a newer release
 * back). Runs its own transaction, so it must not be called inside one. Returns the rows
 * inserted.
 */
export async function seedDemoIncidents(workspaceId: string, editorId: string): Promise<number> {
  const existing = await db.incident.findFirst({
    where: { workspaceId, dataset: "UCDP_GED" },
    select: { id: true },
  });
  if (existing) return 0;
  const editor: Member = { userId: editorId, workspaceId, role: "EDITOR" };
  const parsed = await parseImportFile(fileSource(DEMO_SAMPLE.path), { expected: "UCDP_GED" });
  const today = new Date().toISOString().slice(0, 10);
  const summary = await commitImport(editor, parsed, {
    fileName: DEMO_SAMPLE.fileName,
    fileSize: (await stat(DEMO_SAMPLE.path)).size,
    datasetVersion: DEMO_SAMPLE.datasetVersion,
    // As the import form records it: the day the file was read into the workspace.
    accessDate: new Date(`${today}T00:00:00Z`),
  });
  return summary.inserted;
}

/**
 * The UCDP rows `externalIds` of the workspace as a citation names them (dataset, GED id,
 * release, access date of their batch), as "Cite these rows" does in the editor.
 */
export async function demoRowCitations(
  workspaceId: string,
  externalIds: readonly string[],
): Promise<Map<string, IncidentCitationItem>> {
  const rows = await db.incident.findMany({
    where: {
      workspaceId,
      dataset: "UCDP_GED",
      externalId: { in: [...externalIds] },
      removedAt: null,
    },
    select: {
      externalId: true,
      datasetVersion: true,
      importBatch: { select: { accessDate: true } },
    },
  });
  return new Map(
    rows.map((r) => [
      r.externalId,
      {
        kind: "incident",
        dataset: "UCDP GED",
        rowId: r.externalId,
        version: r.datasetVersion ?? "",
        accessed: r.importBatch?.accessDate.toISOString().slice(0, 10) ?? "",
      },
    ]),
  );
}
