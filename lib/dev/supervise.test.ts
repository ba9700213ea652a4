import type { ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { stopAll, superviseService } from "./processes";

/** A real Node child that says it is ready, then runs `then` (a line of JavaScript). */
function nodeService(name: string, then: string) {
  return {
    name,
    command: process.execPath,
    args: ["-e", `console.log("READY"); ${then}`],
    ready: /READY/,
    timeoutMs: 10_000,
  };
}

function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() > deadline) return reject(new Error("condition not met in time"));
      setTimeout(tick, 25);
    };
    tick();
  });
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

describe("supervised services", () => {
  it("starts a killed service again, with the same command", async () => {
    const started: ChildProcess[] = [];
    const service = await superviseService({
      ...nodeService("collab", "setInterval(() => {}, 1000);"),
      onStart: (child) => started.push(child),
    });
    const first = service.child;
    first.kill("SIGKILL");
    await waitUntil(() => started.length === 2);
    expect(started[1]!.pid).not.toBe(first.pid);
    expect(service.child).toBe(started[1]);
    expect(exited(started[1]!)).toBe(false);
    started[1]!.kill("SIGKILL");
    await waitUntil(() => started.length === 3);
    expect(exited(started[2]!)).toBe(false);
  });

  it("gives up on a service that keeps dying, naming it and quoting its last lines", async () => {
    let loop: Error | undefined;
    const started: ChildProcess[] = [];
    await superviseService({
      ...nodeService(
        "web",
        'console.error("could not open the update log: disk full"); setTimeout(() => process.exit(3), 20);',
      ),
      onStart: (child) => started.push(child),
      onCrashLoop: (error) => (loop = error),
    });
    await waitUntil(() => loop !== undefined);
    expect(loop!.message).toMatch(/^web stopped 5 times within 60 s \(last: 3\)/);
    expect(loop!.message).toContain("could not open the update log: disk full");
    expect(started).toHaveLength(5);
    // Given up means given up: no sixth start.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(started).toHaveLength(5);
  });

  it("counts only exits within the window, so a rare crash is always restarted", async () => {
    let loop: Error | undefined;
    const started: ChildProcess[] = [];
    await superviseService({
      ...nodeService("collab", "setTimeout(() => process.exit(1), 20);"),
      crashWindowMs: 40,
      onStart: (child) => started.push(child),
      onCrashLoop: (error) => (loop = error),
    });
    // Each restart comes 100 ms after the exit, outside the 40 ms window: never a loop.
    await waitUntil(() => started.length >= 7, 15_000);
    expect(loop).toBeUndefined();
  });

  it("stops everything on shutdown without restarting, the database last", async () => {
    const order: string[] = [];
    const db = await superviseService({
      ...nodeService(
        "db",
        'process.on("SIGTERM", () => setTimeout(() => process.exit(0), 50)); setInterval(() => {}, 1000);',
      ),
      onStart: () => undefined,
    });
    const web = await superviseService(
      nodeService(
        "web",
        'process.on("SIGTERM", () => setTimeout(() => process.exit(0), 300)); setInterval(() => {}, 1000);',
      ),
    );
    db.child.once("exit", () => order.push("db"));
    web.child.once("exit", () => order.push("web"));
    await stopAll();
    expect(order.slice(-2)).toEqual(["web", "db"]);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(exited(db.child) && exited(web.child)).toBe(true);
  });
});
