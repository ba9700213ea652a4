import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * "This browser signed in to this account before": a signed cookie set after a successful
 * sign-in. Failed attempts that carry it are counted per device, apart from strangers', so
 * someone hammering an analyst's email (from any address, or from behind the same proxy)
 * cannot lock the analyst out of the browsers they already use.
 */
export const DEVICE_COOKIE = "briefroom-device";
export const DEVICE_COOKIE_MAX_AGE_S = 180 * 24 * 60 * 60;
const KEY_LABEL = "briefroom sign-in device v1";
const MIN_SECRET_LENGTH = 32;

function deviceKey(secret = process.env.AUTH_SECRET): Buffer | null {
  if (!secret || secret.length < MIN_SECRET_LENGTH) return null;
  return Buffer.from(hkdfSync("sha256", secret, "", KEY_LABEL, 32));
}

function mac(key: Buffer, deviceId: string, issuedAt: string, email: string): string {
  return createHmac("sha256", key)
    .update(`${deviceId}.${issuedAt}.${email.toLowerCase()}`)
    .digest("base64url");
}

/** A fresh cookie value for this email, or null when no signing secret is configured. */
export function mintDeviceCookie(email: string, now = Date.now()): string | null {
  const key = deviceKey();
  if (!key) return null;
  const deviceId = randomBytes(16).toString("base64url");
  const issuedAt = String(Math.floor(now / 1000));
  return `${deviceId}.${issuedAt}.${mac(key, deviceId, issuedAt, email)}`;
}

/** The device id when the cookie is genuine, for this very email, and not too old. */
export function verifyDeviceCookie(
  value: string | undefined | null,
  email: string,
  now = Date.now(),
): string | null {
  const key = deviceKey();
  if (!key || !value || value.length > 200) return null;
  const [deviceId, issuedAt, signature, ...rest] = value.split(".");
  if (!deviceId || !issuedAt || !signature || rest.length > 0) return null;
  const age = now / 1000 - Number(issuedAt);
  if (!Number.isFinite(age) || age < -60 || age > DEVICE_COOKIE_MAX_AGE_S) return null;
  const expected = Buffer.from(mac(key, deviceId, issuedAt, email));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
}

/** The cookie's value from a Cookie header (next-auth hands `authorize` raw headers). */
export function deviceCookieFromHeader(cookieHeader: string | undefined | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === DEVICE_COOKIE) return value.join("=") || null;
  }
  return null;
}
