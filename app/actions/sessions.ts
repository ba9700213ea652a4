"use server";

import { runAction } from "@/lib/actions/workspace-action";
import type { ActionResult } from "@/lib/actions/result";
import { revokeSessions } from "@/lib/auth/revoke-sessions";
import { getSessionUser } from "@/lib/auth/session";

/** "Sign out everywhere": every session of the caller's account, this one included, ends. */
export async function signOutEverywhereAction(): Promise<ActionResult<null>> {
  const user = await getSessionUser();
  if (!user) return { ok: false, error: { code: "unauthenticated", values: {} } };
  return runAction(async () => {
    await revokeSessions(user.id);
    return null;
  });
}
