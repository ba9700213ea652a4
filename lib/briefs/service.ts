import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { directionOf } from "@/lib/i18n/config";
import { can, type BriefAction, type Member } from "@/lib/policy/can";
import { parseOrThrow } from "@/lib/validation/parse";
import { createBriefSchema, type CreateBriefInput } from "./schema";

/** Loads a brief of the member's workspace and checks `action`; unknown or foreign → notFound. */
export async function authorizedBrief(
  member: Member,
  briefId: string,
  action: BriefAction,
  tx: Tx,
) {
  const brief = await tx.brief.findFirst({
    where: { id: briefId, workspaceId: member.workspaceId },
    select: { id: true, workspaceId: true, deletedAt: true },
  });
  if (!brief) throw new DomainError("notFound");
  const resource = {
    kind: "brief",
    workspaceId: brief.workspaceId,
    deletedAt: brief.deletedAt,
  } as const;
  if (!can(member, action, resource)) {
    // Someone who may not even read it learns nothing about its existence.
    throw new DomainError(can(member, "brief.read", resource) ? "forbidden" : "notFound");
  }
  return brief;
}

export async function createBrief(member: Member, input: CreateBriefInput, tx: Tx = db) {
  if (!can(member, "brief.create", { kind: "workspace", id: member.workspaceId })) {
    throw new DomainError("forbidden");
  }
  const { title, language } = parseOrThrow(createBriefSchema, input);
  return tx.brief.create({
    data: {
      workspaceId: member.workspaceId,
      title,
      language,
      direction: directionOf(language) === "rtl" ? "RTL" : "LTR",
      createdById: member.userId,
      updatedById: member.userId,
    },
    select: { id: true, title: true },
  });
}

export async function deleteBrief(member: Member, briefId: string, tx: Tx = db): Promise<void> {
  await authorizedBrief(member, briefId, "brief.delete", tx);
  await tx.brief.update({
    where: { id: briefId },
    data: { deletedAt: new Date(), updatedById: member.userId },
  });
}

export async function restoreBrief(member: Member, briefId: string, tx: Tx = db): Promise<void> {
  await authorizedBrief(member, briefId, "brief.restore", tx);
  await tx.brief.update({
    where: { id: briefId },
    data: { deletedAt: null, updatedById: member.userId },
  });
}
