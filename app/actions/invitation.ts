"use server";

import { runAction } from "@/lib/actions/workspace-action";
import { acceptInvitation } from "@/lib/members/accept-invitation";

export async function acceptInvitationAction(
  token: string,
  input: { name?: string; password: string },
) {
  return runAction(() => acceptInvitation(String(token), input));
}
