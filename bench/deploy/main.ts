/**
 * Deployment benchmark (`npm run bench -- deploy`): keystroke → peer latency of the typing
 * workload of bench/collab (each editor types into its own paragraph of one brief) through
 * the deployment `npm run serve` runs, beside one collab instance reached directly:
 *   1 instance direct · 1 instance through nginx (the proxy's cost) ·
 *   2 instances + Redis, editors split between them directly (Redis fan-out's cost) ·
 *   2 instances + Redis through nginx (what a team runs).
 * Writes bench/results/deploy.md. BENCH_DURATION_MS sets the measured window (default 10 s).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { connectClient } from "../../lib/collab/test-clients";
import { db } from "../../lib/db";
import { startDeployment, type Deployment } from "../../lib/ops/deploy/deployment";
import { ms } from "../collab/stats";
import {
  runTypingScenario,
  type ConnectEditor,
  type Editor,
  type TypingResult,
} from "../collab/typing";

const ORIGIN = "http://bench.briefroom.test";
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";

async function editorsAndBriefs(count: number) {
  const suffix = randomUUID().slice(0, 8);
  const workspace = await db.workspace.create({
    data: { slug: `bench-deploy-${suffix}`, name: "Bench" },
    select: { id: true },
  });
  const editors: Editor[] = [];
  for (let i = 0; i < count; i++) {
    const name = `Editor ${i}`;
    const user = await db.user.create({
      data: { email: `deploy-${i}-${suffix}@bench.test`, name },
      select: { id: true },
    });
    editors.push({ id: user.id, name });
  }
  await db.membership.createMany({
    data: editors.map((e) => ({
      workspaceId: workspace.id,
      userId: e.id,
      role: "EDITOR" as const,
    })),
  });
  const newBrief = async () =>
    (
      await db.brief.create({
        data: {
          workspaceId: workspace.id,
          title: "Bench brief",
          language: "en",
          createdById: editors[0]!.id,
          updatedById: editors[0]!.id,
        },
        select: { id: true },
      })
    ).id;
  return { editors, newBrief };
}

/** Editors connect to the given addresses in turn (one each when there is one). */
function roundRobin(urls: string[]): ConnectEditor {
  let next = 0;
  return async (options) => {
    const client = await connectClient({ ...options, url: urls[next++ % urls.length]! });
    return {
      doc: client.doc,
      origin: client.provider,
      isSynced: () => client.provider.isSynced,
      destroy: () => client.destroy(),
    };
  };
}

type Setup = { label: string; collab: 1 | 2; urls: (d: Deployment) => string[] };
const SETUPS: Setup[] = [
  {
    label: "1 collab instance, direct",
    collab: 1,
    urls: (d) => [`ws://127.0.0.1:${d.instance("collab-1").port}`],
  },
  { label: "1 collab instance, through nginx", collab: 1, urls: (d) => [d.collabUrl] },
  {
    label: "2 instances + Redis, editors split, direct",
    collab: 2,
    urls: (d) => [1, 2].map((i) => `ws://127.0.0.1:${d.instance(`collab-${i}`).port}`),
  },
  { label: "2 instances + Redis, through nginx", collab: 2, urls: (d) => [d.collabUrl] },
];

async function main(): Promise<void> {
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
  const { createTestDatabase } = await import("../../lib/db/test-database");
  const database = await createTestDatabase("bench-deploy");
  process.env.DATABASE_URL = database.url;
  const rows: string[] = [];
  try {
    const fx = await editorsAndBriefs(100);
    for (const [count, rate] of [
      [20, 5],
      [100, 2],
    ] as const) {
      for (const setup of SETUPS) {
        const deployment = await startDeployment({
          web: 0,
          collab: setup.collab,
          port: 0,
          databaseUrl: database.url,
          redisUrl: setup.collab > 1 ? REDIS_URL : undefined,
          redisPrefix: `briefroom-bench-${randomUUID()}`,
          authSecret: process.env.AUTH_SECRET,
          env: { COLLAB_ALLOWED_ORIGINS: ORIGIN, LOG_FORMAT: "" },
        });
        let result: TypingResult;
        try {
          console.log(`${count} editors × ${rate}/s: ${setup.label}`);
          result = await runTypingScenario({
            url: deployment.collabUrl,
            connect: roundRobin(setup.urls(deployment)),
            briefId: await fx.newBrief(),
            editors: fx.editors.slice(0, count),
            opsPerSecond: rate,
            durationMs: DURATION_MS,
            origin: ORIGIN,
          });
        } finally {
          await deployment.stop();
        }
        rows.push(
          `| ${count} × ${rate}/s | ${setup.label} | ${result.keystrokes} | ${ms(result.p50Ms)} | ${ms(result.p95Ms)} | ${ms(result.p99Ms)} | ${result.converged ? "yes" : "NO"} |`,
        );
      }
    }
  } finally {
    await db.$disconnect();
    await database.drop();
  }
  const cpu = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}`;
  const text = [
    "## Deployment: keystroke → peer through nginx and Redis",
    "",
    `\`npm run bench -- deploy\`, ${new Date().toISOString().slice(0, 10)}, ${cpu}, Node ${process.version}, PostgreSQL at ${new URL(database.url).host}, Redis ${new URL(REDIS_URL).host}, nginx from Debian. Each editor types into its own paragraph of one brief; latency is one editor's keystroke until it is applied by another editor's replica (10 observers), over ${DURATION_MS / 1000} s after 2 s of warm-up. Every setup is the deployment \`npm run serve\` starts (lib/ops/deploy), with the web instances left out; all processes share the machine's cores with the editors' clients.`,
    "",
    "| editors × rate | setup | keystrokes | p50 | p95 | p99 | converged |",
    "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ...rows,
  ].join("\n");
  writeFileSync(path.join(__dirname, "..", "results", "deploy.md"), `${text}\n`);
  console.log(text);
}

void main();
