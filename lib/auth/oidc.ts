import type { Provider } from "next-auth/providers/index";
import { db } from "@/lib/db";

/**
 * Optional single sign-on for organisations (Keycloak, Entra ID, any OIDC issuer), enabled
 * when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set.
 */
export function oidcProvider(env: NodeJS.ProcessEnv = process.env): Provider[] {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = env;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: env.OIDC_NAME ?? "Single sign-on",
      type: "oauth",
      wellKnown: `${OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? null };
      },
    },
  ];
}

export function isOidcEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return oidcProvider(env).length > 0;
}

export async function userIdForOidcEmail(email: string | null | undefined): Promise<string | null> {
  if (!email) return null;
  const user = await db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true },
  });
  return user?.id ?? null;
}
