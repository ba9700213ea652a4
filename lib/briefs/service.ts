import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { directionOf } from "@/lib/i18n/config";
import { can, type Member } from "@/lib/policy/can";
import { parseOrThrow } from "@/lib/validation/parse";
import { loadBrief } from "./load-brief";
import { createBriefSchema, type CreateBriefInput } from "./schema";

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
  await loadBrief(member, briefId, "brief.delete", { tx });
  await tx.brief.update({
    where: { id: briefId },
    data: { deletedAt: new Date(), updatedById: member.userId },
  });
}

export async function restoreBrief(member: Member, briefId: string, tx: Tx = db): Promise<void> {
  await loadBrief(member, briefId, "brief.restore", { tx });
  await tx.brief.update({
    where: { id: briefId },
    data: { deletedAt: null, updatedById: member.userId },
  });
}
