import { db, type Tx } from "@/lib/db";

/** 10 failures per 15 minutes, counted per account and per IP address. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 10;

export async function isLoginBlocked(email: string, ip: string, tx: Tx = db): Promise<boolean> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    tx.loginAttempt.count({ where: { email, createdAt: { gte: since } } }),
    tx.loginAttempt.count({ where: { ip, createdAt: { gte: since } } }),
  ]);
  return byEmail >= LOGIN_MAX_FAILURES || byIp >= LOGIN_MAX_FAILURES;
}

export async function recordLoginFailure(email: string, ip: string, tx: Tx = db): Promise<void> {
  await tx.loginAttempt.create({ data: { email, ip } });
  // Keep the table small: anything older than the window no longer counts.
  await tx.loginAttempt.deleteMany({
    where: { createdAt: { lt: new Date(Date.now() - LOGIN_WINDOW_MS) } },
  });
}

/** A successful sign-in clears the account's failures (not the IP's: one IP may try many accounts). */
export async function clearLoginFailures(email: string, tx: Tx = db): Promise<void> {
  await tx.loginAttempt.deleteMany({ where: { email } });
}
