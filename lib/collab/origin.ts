/**
 * The WebSocket Origin allow-list. Browsers always send Origin on a WebSocket handshake and
 * scripts cannot forge it, so checking it stops other sites from opening collab sockets in a
 * user's browser. Entries are compared as URL origins (scheme://host:port).
 */
export function parseAllowedOrigins(list: string | undefined): string[] {
  return (list ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => new URL(entry).origin);
}

export function isAllowedOrigin(
  origin: string | null | undefined,
  allowed: readonly string[],
): boolean {
  if (!origin) return false;
  let normalised: string;
  try {
    normalised = new URL(origin).origin;
  } catch {
    return false;
  }
  return allowed.includes(normalised);
}
