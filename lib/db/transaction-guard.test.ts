import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/test/with-test-database";

withTestDatabase("transaction_guard");

describe("the guard against a second connection inside a transaction", () => {
  it("throws, naming the mistake, when the global client is used inside a transaction", async () => {
    const attempt = db.$transaction(async (tx) => {
      await tx.user.count();
      return db.user.count();
    });
    await expect(attempt).rejects.toThrow(/db\.user was used inside a transaction/);
  });

  it("lets the transaction client and queries after the transaction through", async () => {
    const inside = await db.$transaction(async (tx) => tx.user.count());
    expect(inside).toBe(0);
    expect(await db.user.count()).toBe(0);
  });

  it("does not leak into work started alongside the transaction", async () => {
    const [inside, outside] = await Promise.all([
      db.$transaction(async (tx) => tx.workspace.count()),
      db.workspace.count(),
    ]);
    expect([inside, outside]).toEqual([0, 0]);
  });
});
