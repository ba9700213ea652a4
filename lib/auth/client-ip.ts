type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client's address for rate limiting. Behind a proxy the left-most X-Forwarded-For
 * entry; TRUST_PROXY=0 ignores the header so a client cannot pick its own bucket.
 */
export function clientIp(headers: HeaderBag): string {
  if (process.env.TRUST_PROXY !== "0") {
    const forwarded = header(headers, "x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
    const real = header(headers, "x-real-ip")?.trim();
    if (real) return real.slice(0, 64);
  }
  return "local";
}
