import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { DomainError, isDomainError } from "@/lib/errors/domain-error";
import type { Member } from "@/lib/policy/can";
import { findWorkspaceAccess, type WorkspaceAccess } from "@/lib/workspaces/queries";
import { ok, type ActionResult } from "./result";

export type WorkspaceContext = WorkspaceAccess & { user: SessionUser; member: Member };

/** Turns any thrown error into an ActionResult; unknown errors are logged, never shown. */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return ok(await work());
  } catch (error) {
    if (isDomainError(error))
      return { ok: false, error: { code: error.code, values: error.values } };
    console.error("[action]", error);
    return { ok: false, error: { code: "unexpected", values: {} } };
  }
}

/**
 * The one wrapper for workspace server actions: it signs the caller in, resolves their
 * membership of the workspace named by `slug` (not a member → notFound), and maps domain
 * errors to results, those of the sign-in and membership lookups included (a database that
 * is down answers `databaseUnavailable`). The handler itself asks `can()` for the specific
 * action through the service it calls.
 */
export function workspaceAction<I, O>(
  handler: (ctx: WorkspaceContext, input: I) => Promise<O>,
): (slug: string, input: I) => Promise<ActionResult<O>> {
  return (slug, input) =>
    runAction(async () => {
      const user = await getSessionUser();
      if (!user) throw new DomainError("unauthenticated");
      const access = typeof slug === "string" ? await findWorkspaceAccess(slug, user.id) : null;
      if (!access) throw new DomainError("notFound");
      return handler({ ...access, user }, input);
    });
}
