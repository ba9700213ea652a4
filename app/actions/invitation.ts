"use server";

import { cookies, headers } from "next/headers";
import { runAction } from "@/lib/actions/workspace-action";
import { clientIp } from "@/lib/auth/client-ip";
import { DEVICE_COOKIE } from "@/lib/auth/device-cookie";
import { acceptInvitation } from "@/lib/members/accept-invitation";

export async function acceptInvitationAction(
  token: string,
  input: { name?: string; password: string },
) {
  const request = {
    ip: clientIp(await headers()),
    deviceCookie: (await cookies()).get(DEVICE_COOKIE)?.value ?? null,
  };
  return runAction(() => acceptInvitation(String(token), input, request));
}
