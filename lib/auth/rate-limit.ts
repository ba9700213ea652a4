import { db, type Tx } from "@/lib/db";
import { UNKNOWN_IP } from "./client-ip";
import { verifyDeviceCookie } from "./device-cookie";

/**
 * Sign-in throttling over 15-minute windows, shaped so that a stranger who knows an analyst's
 * email cannot lock the analyst out:
 *  - failures count per (account, source), where the source is the browser's device cookie
 *    when it carries a valid one for this account, else the client address;
 *  - a browser that signed in to the account before is only ever limited by its own failures;
 *  - other attempts are also limited per address across accounts (password spraying), and
 *    per account across all addresses (many addresses guessing one password).
 * A success clears only its own source's failures, so it never hands an attacker a fresh
 * allowance.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failures per (account, source). */
export const LOGIN_MAX_FAILURES = 10;
/** Failures per address over every account, for attempts without a device cookie. */
export const LOGIN_MAX_FAILURES_PER_IP = 50;
/** Failures per account over every address, for attempts without a device cookie. */
export const LOGIN_MAX_FAILURES_PER_ACCOUNT = 100;

/** Where an attempt comes from: the client address and, if verified, the device id. */
export type SignInSource = { ip: string; device: string | null };

/** The source of an attempt on `email`: the device cookie counts only if it is this account's. */
export function signInSource(
  email: string,
  request: { ip: string; deviceCookie?: string | null },
): SignInSource {
  return { ip: request.ip, device: verifyDeviceCookie(request.deviceCookie, email) };
}

export async function isLoginBlocked(
  email: string,
  source: SignInSource,
  tx: Tx = db,
): Promise<boolean> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const recent = { createdAt: { gte: since } };
  if (source.device) {
    const own = await tx.loginAttempt.count({ where: { email, device: source.device, ...recent } });
    return own >= LOGIN_MAX_FAILURES;
  }
  const stranger = { device: null, ...recent };
  const [pair, byIp, byAccount] = await Promise.all([
    tx.loginAttempt.count({ where: { email, ip: source.ip, ...stranger } }),
    // Without a trusted address every stranger shares one, and a per-address limit would
    // be a switch that turns sign-in off for everyone.
    source.ip === UNKNOWN_IP
      ? Promise.resolve(0)
      : tx.loginAttempt.count({ where: { ip: source.ip, ...stranger } }),
    tx.loginAttempt.count({ where: { email, ...stranger } }),
  ]);
  return (
    pair >= LOGIN_MAX_FAILURES ||
    byIp >= LOGIN_MAX_FAILURES_PER_IP ||
    byAccount >= LOGIN_MAX_FAILURES_PER_ACCOUNT
  );
}

export async function recordLoginFailure(
  email: string,
  source: SignInSource,
  tx: Tx = db,
): Promise<void> {
  await tx.loginAttempt.create({ data: { email, ip: source.ip, device: source.device } });
  // Keep the table small: anything older than the window no longer counts.
  await tx.loginAttempt.deleteMany({
    where: { createdAt: { lt: new Date(Date.now() - LOGIN_WINDOW_MS) } },
  });
}

/** A successful sign-in clears the failures of its own (account, source) pair only. */
export async function clearLoginFailures(
  email: string,
  source: SignInSource,
  tx: Tx = db,
): Promise<void> {
  await tx.loginAttempt.deleteMany({
    where: source.device
      ? { email, device: source.device }
      : { email, ip: source.ip, device: null },
  });
}
