// A team's deployment of its own (lib/ops/deploy): 2 web + 2 collab instances behind nginx, on
// a fresh database of the PostgreSQL this run uses (the embedded default's binaries when
// E2E_DATABASE=embedded) and the shared Redis under a key prefix of its own. Two people write
// through nginx, each on a different collab instance; every instance is restarted in turn
// while they type; nothing they saw saved is lost and both end with the same text.
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { request } from "node:http";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { startDeployment, type Deployment } from "../lib/ops/deploy/deployment";
import { freshDatabase, type FreshDatabase } from "../lib/ops/deploy/fresh-database";
import { collabReady, DEMO_PASSWORD, USERS, WORKSPACE } from "./helpers";

const ROOT = path.join(__dirname, "..");
let database: FreshDatabase | undefined;
let deployment: Deployment | undefined;
/** Open collab connections: connection id → which instance serves which user. */
const connections = new Map<string, { instance: string; userId: string }>();

function instancesOf(userId: string): Set<string> {
  return new Set(
    [...connections.values()].filter((c) => c.userId === userId).map((c) => c.instance),
  );
}

/** Runs a script of the project to its end, as a person would from a shell. */
function run(script: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...script], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(errors))));
  });
}

async function userIds(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; email: string }>(
      "SELECT id, email FROM users",
    );
    return Object.fromEntries(rows.map((row) => [row.email, row.id]));
  } finally {
    await client.end();
  }
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const authSecret = randomBytes(32).toString("base64url");
  database = await freshDatabase("e2e_deploy", {
    embedded: process.env.E2E_DATABASE === "embedded",
  });
  // What `npm run serve` does first: the migrations, once, as the owner of the tables.
  await run(["lib/ops/deploy/serve.ts", "--migrate-only"], {
    MIGRATION_DATABASE_URL: database.ownerUrl,
    DATABASE_URL: database.runtimeUrl,
    AUTH_SECRET: authSecret,
  });
  await run(["prisma/seed.ts"], { DATABASE_URL: database.ownerUrl });
  deployment = await startDeployment({
    web: 2,
    collab: 2,
    port: 0,
    databaseUrl: database.runtimeUrl,
    redisUrl: process.env.REDIS_URL || "redis://127.0.0.1:6379",
    redisPrefix: `briefroom-e2e-deploy-${randomUUID()}`,
    authSecret,
    onLine: (instance, line) => {
      if (!line.startsWith("{")) return;
      const event = JSON.parse(line) as { event: string; connectionId?: string; userId?: string };
      if (event.event === "collab.connection.open" && event.connectionId && event.userId) {
        connections.set(event.connectionId, { instance, userId: event.userId });
      } else if (event.event === "collab.connection.close" && event.connectionId) {
        connections.delete(event.connectionId);
      }
    },
  });
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await deployment?.stop();
  await database?.drop();
});

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: deployment!.url });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/w$/);
  return page;
}

/** Types words one at a time at the caret until told to stop; returns every word typed. */
function typeUntil(page: Page, prefix: string, stop: () => boolean): Promise<string[]> {
  return (async () => {
    const words: string[] = [];
    for (let i = 0; !stop() && i < 400; i++) {
      const word = `${prefix}${i}`;
      await page.keyboard.type(`${word} `);
      words.push(word);
      await page.waitForTimeout(150);
    }
    return words;
  })();
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean).sort();
}

/** The words of the document on `page`, without the other people's caret labels. */
function wordsOn(page: Page): Promise<string[]> {
  return page
    .getByTestId("editor")
    .evaluate((root) => {
      const copy = root.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
      return [...copy.querySelectorAll("p")].map((p) => p.textContent ?? "").join(" ");
    })
    .then(words);
}

/**
 * A POST whose body arrives only after `whileOpen` has run: the answer proves that a web
 * instance that was told to stop still finished the request it had started.
 */
function slowPost(port: number, whileOpen: () => Promise<void>): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = "csrfToken=none&email=nobody%40briefroom.test&password=x";
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/auth/callback/credentials",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    req.once("error", reject);
    req.write(body.slice(0, 10));
    // Only once the server has the request's headers: it is then in flight.
    req.once("socket", (socket) =>
      socket.once("connect", () => {
        setTimeout(() => {
          whileOpen().then(
            () => req.end(body.slice(10)),
            (error: unknown) => reject(error),
          );
        }, 500);
      }),
    );
  });
}

test("two editors on different collab instances keep writing through a restart of every instance", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const ids = await userIds(database!.ownerUrl);
  const editorId = ids[USERS.editor]!;
  const approverId = ids[USERS.approver]!;

  const editor = await signedIn(browser, USERS.editor);
  await editor.goto(WORKSPACE);
  await editor.getByTestId("create-brief").locator("summary").click();
  await editor.locator('input[name="title"]').fill(`Deployed ${Date.now()}`);
  await editor.getByTestId("create-brief").locator('button[type="submit"]').click();
  await collabReady(editor);
  const briefPath = new URL(editor.url()).pathname;

  // The approver's socket goes to the instance with fewer open (least_conn); reloading is
  // only a fallback should another socket have tipped the balance.
  const approver = await signedIn(browser, USERS.approver);
  await approver.goto(briefPath);
  await collabReady(approver);
  await expect.poll(() => instancesOf(editorId).size).toBe(1);
  for (let attempt = 0; attempt < 5; attempt++) {
    await expect.poll(() => instancesOf(approverId).size).toBe(1);
    const [mine] = instancesOf(editorId);
    if (!instancesOf(approverId).has(mine!)) break;
    await approver.reload();
    await collabReady(approver);
  }
  const editorOn = [...instancesOf(editorId)];
  const approverOn = [...instancesOf(approverId)];
  expect(editorOn).toHaveLength(1);
  expect(approverOn).toHaveLength(1);
  expect(editorOn[0]).not.toBe(approverOn[0]);

  // Each writes in a paragraph of their own.
  await editor.getByTestId("editor").click();
  await editor.keyboard.type("Opening line. ");
  await expect(approver.getByTestId("editor")).toContainText("Opening line.");
  await approver.getByTestId("editor").click();
  await approver.keyboard.press("Control+End");
  await approver.keyboard.press("Enter");

  let typing = true;
  const stop = () => !typing;
  const typedByEditor = typeUntil(editor, "e", stop);
  const typedByApprover = typeUntil(approver, "a", stop);

  for (const name of ["collab-1", "collab-2"]) {
    await editor.waitForTimeout(2_000);
    await deployment!.restart(name);
  }
  // A web instance told to stop finishes the request it is in the middle of.
  const web1 = deployment!.instance("web-1");
  let restarting: Promise<void> | undefined;
  const status = await slowPost(web1.port, async () => {
    restarting = deployment!.restart("web-1");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(web1.child?.exitCode).toBeNull(); // still there: it waits for this request
  });
  expect(status).toBeGreaterThanOrEqual(200);
  expect(status).toBeLessThan(500);
  await restarting;
  await editor.waitForTimeout(2_000);
  await deployment!.restart("web-2");
  await editor.waitForTimeout(2_000);
  typing = false;
  const editorWords = await typedByEditor;
  const approverWords = await typedByApprover;
  expect(editorWords.length).toBeGreaterThan(20);
  expect(approverWords.length).toBeGreaterThan(20);

  // Both end saved and identical, with every word either of them typed.
  for (const page of [editor, approver]) {
    await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "saved", {
      timeout: 30_000,
    });
  }
  const expected = words(["Opening", "line.", ...editorWords, ...approverWords].join(" "));
  await expect.poll(async () => wordsOn(editor)).toEqual(expected);
  await expect.poll(async () => wordsOn(approver)).toEqual(expected);

  // From the database alone: both leave, the collab instances restart with nothing in memory,
  // and a newcomer's fresh browser reads every word back.
  await editor.context().close();
  await approver.context().close();
  await deployment!.restart("collab-1");
  await deployment!.restart("collab-2");
  const viewer = await signedIn(browser, USERS.viewer);
  await viewer.goto(briefPath);
  await collabReady(viewer);
  await expect.poll(async () => wordsOn(viewer)).toEqual(expected);
  await viewer.context().close();
});
