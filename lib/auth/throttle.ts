import { db, type Tx } from "@/lib/db";

/** A named limit: at most `max` hits per key within `windowMs`. */
export type ThrottleRule = { bucket: string; max: number; windowMs: number };

/** True when `key` already used up its allowance under `rule`. */
export async function isThrottled(rule: ThrottleRule, key: string, tx: Tx = db): Promise<boolean> {
  const hits = await tx.rateLimitHit.count({
    where: {
      bucket: rule.bucket,
      key: key.slice(0, 128),
      createdAt: { gte: new Date(Date.now() - rule.windowMs) },
    },
  });
  return hits >= rule.max;
}

/** Counts one hit for `key`, and prunes this bucket's hits that no longer count. */
export async function recordHit(rule: ThrottleRule, key: string, tx: Tx = db): Promise<void> {
  await tx.rateLimitHit.create({ data: { bucket: rule.bucket, key: key.slice(0, 128) } });
  await tx.rateLimitHit.deleteMany({
    where: { bucket: rule.bucket, createdAt: { lt: new Date(Date.now() - rule.windowMs) } },
  });
}
