import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrateDeploy } from "../migrate";

const dir = process.argv[2]!;
function startServer(): Promise<{ url: string; pid: number; ms: number; kill: () => Promise<void> }> {
  const t = performance.now();
  const child = spawn("node_modules/.bin/tsx", ["lib/db/embedded-server.ts"], { env: { ...process.env, EMBEDDED_DB_DIR: dir, EMBEDDED_DB_PORT: "0" }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve) => {
    child.stdout.on("data", (d: Buffer) => {
      const m = /EMBEDDED_DB_READY (\S+)/.exec(d.toString());
      if (m) resolve({ url: m[1]!, pid: child.pid!, ms: Math.round(performance.now() - t), kill: () => new Promise((r) => { child.on("exit", () => r()); child.kill("SIGTERM"); }) });
    });
  });
}
const rss = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(require("node:fs").readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024);
async function main() {
  // The tsx wrapper spawns node as a child: measure the process tree's biggest RSS.
  const treeRss = (pid: number): number => {
    const kids = require("node:child_process").execSync(`pgrep -P ${pid} || true`).toString().trim().split("\n").filter(Boolean).map(Number);
    return Math.max(rss(pid), ...kids.map(treeRss));
  };
  let s = await startServer();
  console.log("cold start ms (incl. tsx)", s.ms, "rss MB", treeRss(s.pid));
  let t = performance.now();
  await migrateDeploy(s.url);
  console.log("migrate deploy ms", Math.round(performance.now() - t), "rss MB", treeRss(s.pid));
  t = performance.now();
  await migrateDeploy(s.url);
  console.log("migrate deploy (nothing pending) ms", Math.round(performance.now() - t));
  process.env.DATABASE_URL = s.url;
  const { db } = await import("../../db");
  t = performance.now();
  const ws = await db.workspace.create({ data: { slug: `w${Date.now()}`, name: "W" } });
  console.log("first prisma query ms", Math.round(performance.now() - t));
  t = performance.now();
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => db.user.create({ data: { email: `u${i}-${Date.now()}@x.org`, name: `U${i}`, memberships: { create: { workspaceId: ws.id, role: "EDITOR" } } } })));
  console.log("20 parallel nested creates via Prisma (pool 10) ms", Math.round(performance.now() - t), "ok", results.length);
  t = performance.now();
  const counts = await Promise.all(Array.from({ length: 20 }, () => db.$transaction(async (tx) => { const n = await tx.membership.count({ where: { workspaceId: ws.id } }); await tx.workspace.update({ where: { id: ws.id }, data: { name: `W${n}` } }); return n; })));
  console.log("20 parallel interactive transactions ms", Math.round(performance.now() - t), "counts", new Set(counts));
  const pool = new pg.Pool({ connectionString: s.url, max: 10 });
  t = performance.now();
  await Promise.all(Array.from({ length: 200 }, (_, i) => pool.query("SELECT count(*) FROM users WHERE name <> $1", [String(i)])));
  console.log("200 parallel pg queries (pool 10) ms", Math.round(performance.now() - t), "rss MB", treeRss(s.pid));
  await pool.end();
  await db.$disconnect();
  await s.kill();
  s = await startServer();
  console.log("warm start ms (incl. tsx)", s.ms, "rss MB", treeRss(s.pid));
  const c = new pg.Client(s.url); await c.connect(); console.log("users after restart", (await c.query("select count(*)::int n from users")).rows[0].n); await c.end();
  await s.kill();
}
main().catch((e) => { console.error(e); process.exit(1); });
