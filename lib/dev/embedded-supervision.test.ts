import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "./database";
import { freePort, stopAll } from "./processes";

const dir = mkdtempSync(path.join(tmpdir(), "briefroom-embedded-supervised-"));

afterAll(async () => {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const postmasterPid = () =>
  Number(readFileSync(path.join(dir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);

describe("the embedded default under npm start's supervision", () => {
  it("comes back on the same data after its server is killed, as the app's role", async () => {
    delete process.env.DATABASE_URL;
    process.env.EMBEDDED_DB_DIR = path.join(dir, "postgres");
    process.env.EMBEDDED_DB_PORT = String(await freePort());
    const url = await prepareDatabase();
    expect(new URL(url).username).toBe("briefroom_app");
    await query(
      url,
      "INSERT INTO workspaces (id, slug, name, updated_at) VALUES (gen_random_uuid(), 'kayes-desk', 'Kayes desk', now())",
    );

    const before = postmasterPid();
    process.kill(before, "SIGKILL");
    const deadline = Date.now() + 30_000;
    let rows: { slug: string }[] = [];
    for (;;) {
      try {
        rows = await query<{ slug: string }>(url, "SELECT slug FROM workspaces");
        if (postmasterPid() !== before) break;
      } catch {
        // still restarting
      }
      if (Date.now() > deadline) throw new Error("the embedded database did not come back");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(rows.map((row) => row.slug)).toEqual(["kayes-desk"]);
  });
});
