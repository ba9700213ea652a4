/**
 * The origin browsers use to reach the web app: NEXTAUTH_URL (what `npm start` and next-auth
 * use for sign-in callbacks), else APP_URL, else http://localhost:$PORT. Cross-site checks
 * and the collaboration server's default Origin allow-list compare against it.
 */
export function appOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.NEXTAUTH_URL ?? env.APP_URL ?? `http://localhost:${env.PORT ?? 3000}`;
  return new URL(configured).origin;
}

/** True when the app is reached over https (its public URL, or the proxy in front says so). */
export function servedOverHttps(request: Request, env: NodeJS.ProcessEnv = process.env): boolean {
  if (appOrigin(env).startsWith("https:")) return true;
  if (new URL(request.url).protocol === "https:") return true;
  return request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
