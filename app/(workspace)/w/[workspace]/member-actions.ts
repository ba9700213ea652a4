"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { changeRole, inviteMember, removeMember, revokeInvitation } from "@/lib/members/service";
import type { Role } from "@/lib/policy/can";

function appUrl(): string {
  return (process.env.NEXTAUTH_URL ?? process.env.APP_URL ?? "http://localhost:3000").replace(
    /\/$/,
    "",
  );
}

export const inviteMemberAction = workspaceAction(
  async ({ member, workspace }, input: { email: string; role: Role }) => {
    const { token, expiresAt } = await inviteMember(member, input);
    revalidatePath(`/w/${workspace.slug}/members`);
    return { link: `${appUrl()}/invite/${token}`, expiresAt: expiresAt.toISOString() };
  },
);

export const changeRoleAction = workspaceAction(
  async ({ member, workspace }, input: { userId: string; role: Role }) => {
    await changeRole(member, String(input.userId), input.role);
    revalidatePath(`/w/${workspace.slug}/members`);
    return null;
  },
);

export const removeMemberAction = workspaceAction(async ({ member, workspace }, userId: string) => {
  await removeMember(member, String(userId));
  revalidatePath(`/w/${workspace.slug}/members`);
  return null;
});

export const revokeInvitationAction = workspaceAction(
  async ({ member, workspace }, invitationId: string) => {
    await revokeInvitation(member, String(invitationId));
    revalidatePath(`/w/${workspace.slug}/members`);
    return null;
  },
);
