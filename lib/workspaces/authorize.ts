import { DomainError } from "@/lib/errors/domain-error";
import { can, type Member, type WorkspaceAction } from "@/lib/policy/can";

/**
 * Throws unless `member` may do `action` in their own workspace. `refusal` is notFound where
 * a refusal must not confirm that anything exists (reading incident data), forbidden where
 * the member can see what they are refused (editing a source they are looking at).
 */
export function authorizeInWorkspace(
  member: Member,
  action: WorkspaceAction,
  refusal: "forbidden" | "notFound" = "forbidden",
): void {
  if (!can(member, action, { kind: "workspace", id: member.workspaceId })) {
    throw new DomainError(refusal);
  }
}
