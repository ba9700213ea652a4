/** Only same-site paths: an attacker's link must not send a fresh sign-in to another site. */
export function safeCallbackUrl(value: string | undefined | null, fallback = "/w"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
