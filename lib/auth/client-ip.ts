type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/** What rate limiting sees when the address cannot be trusted (no proxy configured). */
export const UNKNOWN_IP = "unknown";
const MAX_PROXY_HOPS = 10;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * How many reverse proxies in front of the app append to X-Forwarded-For, from TRUST_PROXY:
 * unset, "0" or "false" → none (the header is ignored), "true" → 1, "2" → 2 …
 * Anything else is read as none: a typo must not let clients choose their own address.
 */
export function trustedProxyHops(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TRUST_PROXY?.trim().toLowerCase();
  if (!raw) return 0;
  if (raw === "true") return 1;
  const hops = Number(raw);
  return Number.isInteger(hops) && hops >= 0 && hops <= MAX_PROXY_HOPS ? hops : 0;
}

/**
 * The client's address for rate limiting. Next.js keeps an X-Forwarded-For the client sent,
 * so the header is only believed when TRUST_PROXY says proxies set it; then each trusted
 * proxy appended the address it saw, and the entry `hops` from the right is the client's
 * (entries further left are whatever the client wrote). Otherwise every request reads as
 * UNKNOWN_IP, and lockout protection rests on the returning-browser cookie instead.
 */
export function clientIp(headers: HeaderBag, env: NodeJS.ProcessEnv = process.env): string {
  const hops = trustedProxyHops(env);
  if (hops === 0) return UNKNOWN_IP;
  const entries = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return UNKNOWN_IP;
  // Fewer entries than hops: the left-most was still written by one of our proxies.
  const entry = entries[Math.max(0, entries.length - hops)] ?? UNKNOWN_IP;
  return entry.slice(0, 64);
}
