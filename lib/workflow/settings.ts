/** Workspace settings of the review workflow (admins): four-eyes rule, viewer comments. */
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { can, type Member } from "@/lib/policy/can";
import { parseOrThrow } from "@/lib/validation/parse";
import { workspaceSettingsSchema, type WorkspaceSettingsInput } from "./schema";

function assertAdmin(member: Member) {
  if (!can(member, "workspace.settings", { kind: "workspace", id: member.workspaceId })) {
    throw new DomainError("forbidden");
  }
}

export async function getWorkspaceSettings(member: Member, tx: Tx = db) {
  assertAdmin(member);
  return tx.workspace.findUniqueOrThrow({
    where: { id: member.workspaceId },
    select: { fourEyes: true, viewersMayComment: true },
  });
}

export async function updateWorkspaceSettings(
  member: Member,
  input: WorkspaceSettingsInput,
  tx: Tx = db,
) {
  assertAdmin(member);
  const settings = parseOrThrow(workspaceSettingsSchema, input);
  return tx.workspace.update({
    where: { id: member.workspaceId },
    data: settings,
    select: { fourEyes: true, viewersMayComment: true },
  });
}
