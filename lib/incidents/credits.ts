import { db, type Tx } from "@/lib/db";
import type { Member } from "@/lib/policy/can";
import { datasetAttribution, type DatasetAttribution, type IncidentDataset } from "./attribution";
import { authorizeInWorkspace } from "@/lib/workspaces/authorize";

export type DataCredit = DatasetAttribution & {
  dataset: IncidentDataset;
  version: string | null;
  /** Live rows of this dataset release in the workspace. */
  rows: number;
};

/**
 * The credits owed for the workspace's incident data: one per dataset release it holds
 * (rows removed by a later import left out), largest first. In-house rows owe none.
 */
export async function dataCredits(member: Member, tx: Tx = db): Promise<DataCredit[]> {
  authorizeInWorkspace(member, "incident.read", "notFound");
  const groups = await tx.incident.groupBy({
    by: ["dataset", "datasetVersion"],
    where: { workspaceId: member.workspaceId, removedAt: null },
    _count: { _all: true },
    orderBy: [{ dataset: "asc" }, { datasetVersion: "asc" }],
  });
  return groups
    .flatMap((g) => {
      const attribution = datasetAttribution(g.dataset, g.datasetVersion);
      return attribution
        ? [{ ...attribution, dataset: g.dataset, version: g.datasetVersion, rows: g._count._all }]
        : [];
    })
    .sort((a, b) => b.rows - a.rows);
}
