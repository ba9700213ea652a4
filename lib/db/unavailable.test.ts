/**
 * What the web app's pages, server actions and route handlers get when the database goes
 * away: one DatabaseUnavailableError, quickly, from a PostgreSQL of this test's own that is
 * stopped and killed under it (the shared server is never touched), and normal answers again
 * once it is back, on the same pool. On Debian's PostgreSQL 15 and on the embedded default's
 * PostgreSQL 17 binaries.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as collabToken } from "@/app/api/briefs/[briefId]/collab-token/route";
import { routeParams, routeRequest, sameOrigin } from "@/lib/test/session-request";
import { runAction } from "../actions/workspace-action";
import { createBriefWithMembers, type TestBrief } from "@/lib/test/factories";
import { db } from "../db";
import {
  DATABASE_UNAVAILABLE_DIGEST,
  DatabaseUnavailableError,
} from "../errors/database-unavailable";
import { findWorkspaceAccess, listWorkspacesForUser } from "../workspaces/queries";
import { withDatabase } from "./connection-string";
import {
  DEBIAN_POSTGRES,
  embeddedBinaries,
  startDisposableServer,
  type DisposableServer,
} from "./disposable-server";
import type { PostgresBinaries } from "./embedded-binaries";
import { ensureDatabaseExists, migrateDeploy } from "./migrate";
import { isDatabaseUnreachable } from "./unavailable";

/** "Within a few seconds": a stopped server refuses at once, nothing waits for a timeout. */
const QUICKLY_MS = 3_000;

let postgres: DisposableServer | undefined;
let brief: TestBrief;
let slug: string;

/** The route every editor calls when it (re)connects, called as Next calls it. */
async function askForCollabToken(): Promise<Response> {
  const request = await routeRequest(`/api/briefs/${brief.briefId}/collab-token`, {
    method: "POST",
    user: brief.users.EDITOR,
    headers: sameOrigin(),
  });
  return collabToken(request, routeParams({ briefId: brief.briefId }));
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T | unknown; ms: number }> {
  const started = Date.now();
  const value = await work().catch((error: unknown) => error);
  return { value, ms: Date.now() - started };
}

const SERVERS: Array<[string, () => Promise<PostgresBinaries>]> = [
  ["Debian's PostgreSQL 15", async () => DEBIAN_POSTGRES],
  ["the embedded PostgreSQL 17", embeddedBinaries],
];

describe.each(SERVERS)("the database going away under the web app, on %s", (_label, binaries) => {
  beforeAll(async () => {
    postgres = await startDisposableServer(await binaries());
    const url = withDatabase(postgres.url, "briefroom_unavailable");
    await ensureDatabaseExists(url);
    await migrateDeploy(url);
    process.env.DATABASE_URL = url;
    brief = await createBriefWithMembers();
    slug = (await db.workspace.findUniqueOrThrow({ where: { id: brief.workspaceId } })).slug;
  }, 120_000);

  afterAll(async () => {
    await db.$disconnect().catch(() => undefined);
    await postgres?.dispose();
  }, 60_000);

  it("leaves a query the database refused as it was: never taken for an outage", async () => {
    const duplicate = await db.workspace
      .create({ data: { slug, name: "Same slug" } })
      .catch((error: unknown) => error);
    expect(duplicate).toMatchObject({ code: "P2002" });
    expect(duplicate).not.toBeInstanceOf(DatabaseUnavailableError);
    expect(isDatabaseUnreachable(duplicate)).toBe(false);

    // What the collab server's update log would get for a brief deleted under it: rejected
    // at once, not retried as if the database were down.
    const orphan = await db
      .$executeRawUnsafe(
        "INSERT INTO brief_updates (brief_id, update) VALUES ($1::uuid, $2)",
        randomUUID(),
        new Uint8Array([0, 0]),
      )
      .catch((error: unknown) => error);
    expect(orphan).toBeInstanceOf(Error);
    expect(isDatabaseUnreachable(orphan)).toBe(false);
  });

  it("fails a query in flight when the server stops, as DatabaseUnavailableError", async () => {
    const inFlight = timed(() => db.$executeRawUnsafe("SELECT pg_sleep(10)"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await postgres!.stop("immediate");
    const { value, ms } = await inFlight;
    expect(value).toBeInstanceOf(DatabaseUnavailableError);
    expect(ms).toBeLessThan(QUICKLY_MS + 300);
    await postgres!.start();
  });

  it("answers pages, actions and transactions quickly with databaseUnavailable while it is down, and normally once it is back", async () => {
    await postgres!.stop("kill");

    // A page's query (the workspace layout and pages load access like this): Next keeps the
    // error's digest, which app/error.tsx turns into the "database unavailable" page.
    const page = await timed(() => findWorkspaceAccess(slug, brief.users.EDITOR.id));
    expect(page.ms).toBeLessThan(QUICKLY_MS);
    expect(page.value).toBeInstanceOf(DatabaseUnavailableError);
    expect(page.value).toMatchObject({
      digest: DATABASE_UNAVAILABLE_DIGEST,
      status: 503,
      code: "databaseUnavailable",
    });

    // A server action: the form gets the code it shows as errors.databaseUnavailable.
    const action = await timed(() => runAction(() => listWorkspacesForUser(brief.users.EDITOR.id)));
    expect(action.ms).toBeLessThan(QUICKLY_MS);
    expect(action.value).toEqual({ ok: false, error: { code: "databaseUnavailable", values: {} } });

    // A transaction that cannot even begin.
    const transaction = await timed(() => db.$transaction(async (tx) => tx.brief.count()));
    expect(transaction.ms).toBeLessThan(QUICKLY_MS);
    expect(transaction.value).toBeInstanceOf(DatabaseUnavailableError);

    await postgres!.start();
    const access = await findWorkspaceAccess(slug, brief.users.EDITOR.id);
    expect(access?.member.role).toBe("EDITOR");
    expect(
      await db.$transaction(async (tx) => tx.brief.count({ where: { id: brief.briefId } })),
    ).toBe(1);
  });

  it("answers a route handler with 503 databaseUnavailable while it is down, and normally once it is back", async () => {
    expect((await askForCollabToken()).status).toBe(200);

    await postgres!.stop("kill");
    const down = await timed(askForCollabToken);
    expect(down.ms).toBeLessThan(QUICKLY_MS);
    const response = down.value as Response;
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      ok: false,
      error: { code: "databaseUnavailable" },
    });

    await postgres!.start();
    const back = await askForCollabToken();
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject({ token: expect.any(String), readOnly: false });
  });
});
