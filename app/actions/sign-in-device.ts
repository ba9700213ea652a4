"use server";

import { cookies } from "next/headers";
import { getSessionUser } from "@/lib/auth/session";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S, mintDeviceCookie } from "@/lib/auth/device-cookie";

/**
 * Right after a sign-in: remember that this browser signed in to this account, so failed
 * attempts by strangers on the same email never lock it out (lib/auth/rate-limit.ts).
 * Best effort: signing in already succeeded, so this never fails the caller.
 */
export async function rememberSignInDevice(): Promise<void> {
  try {
    const user = await getSessionUser();
    const value = user ? mintDeviceCookie(user.email) : null;
    if (!value) return;
    (await cookies()).set(DEVICE_COOKIE, value, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: DEVICE_COOKIE_MAX_AGE_S,
      secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
    });
  } catch (error) {
    console.error("[sign-in device]", error);
  }
}
