/**
 * A team's deployment on one machine: N web instances (`next start`), M collab instances and
 * an nginx in front, each a supervised child process on a port of its own. `npm run serve`
 * runs it; the deployment tests and the deploy benchmark start the same thing.
 *
 * Instances are restarted one at a time by `restart(name)` (SIGTERM, wait for the exit, start
 * again, wait until it is ready), and by themselves when they crash.
 */
import type { ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, freePort, startService, type Env } from "../../dev/processes";
import { logEvent } from "../log";
import { COLLAB_PATH, nginxConfig } from "./nginx-config";

export type InstanceKind = "web" | "collab" | "nginx";

export type DeploymentOptions = {
  web: number;
  collab: number;
  /** The runtime role's connection string (migrations are not run here: see migrate-once.ts). */
  databaseUrl: string;
  /** Required with more than one collab instance: they share briefs through it. */
  redisUrl?: string;
  redisPrefix?: string;
  authSecret: string;
  /** Where nginx listens; 0 picks a free port. */
  port: number;
  host?: string;
  /** The address people open, when it is not http://host:port (TLS ends in front of nginx). */
  publicUrl?: string;
  nginxBinary?: string;
  /** Extra environment for every web and collab instance. */
  env?: Env;
  /** Echo every instance's output, prefixed with its name. */
  echo?: boolean;
  /** Each output line of each instance (tests read the connection log). */
  onLine?: (instance: string, line: string) => void;
};

export type Instance = {
  readonly name: string;
  readonly kind: InstanceKind;
  readonly port: number;
  readonly child: ChildProcess | null;
  readonly restarts: number;
};

export type Deployment = {
  readonly url: string;
  readonly collabUrl: string;
  readonly instances: readonly Instance[];
  instance(name: string): Instance;
  /** SIGTERM, wait for the exit, start again, wait until ready. */
  restart(name: string): Promise<void>;
  /** Every web and collab instance in turn, collab first; nginx stays up. */
  rollingRestart(options?: { pauseMs?: number }): Promise<void>;
  stop(): Promise<void>;
};

const READY: Record<InstanceKind, RegExp> = {
  web: /Ready in|started server|Local:/i,
  collab: /COLLAB_READY/,
  // Logged once the master has bound its port and forked its worker.
  nginx: /start worker process/,
};

type Spec = { command: string; args: string[]; env: Env };

class Supervised implements Instance {
  child: ChildProcess | null = null;
  restarts = 0;
  private deliberate = false;
  private stopped = false;
  private crashes: number[] = [];

  constructor(
    readonly name: string,
    readonly kind: InstanceKind,
    readonly port: number,
    private readonly spec: Spec,
    private readonly options: Pick<DeploymentOptions, "echo" | "onLine">,
  ) {}

  async start(): Promise<void> {
    const { child } = await startService({
      name: this.name,
      command: this.spec.command,
      args: this.spec.args,
      env: this.spec.env,
      ready: READY[this.kind],
      echo: this.options.echo,
      timeoutMs: 120_000,
      onLine: (line) => this.options.onLine?.(this.name, line),
    });
    this.child = child;
    child.once("exit", (code, signal) => {
      if (this.stopped || this.deliberate || this.child !== child) return;
      // A crash, or a SIGTERM from outside (a restart of one instance): start it again,
      // unless it keeps dying (then the operator must look).
      const now = Date.now();
      this.crashes = [...this.crashes.filter((at) => at > now - 60_000), now];
      logEvent(
        "deploy.instance.exited",
        { instance: this.name, code, signal },
        code === 0 ? "warn" : "error",
      );
      if (this.crashes.length >= 5) return;
      setTimeout(() => void this.start().catch(() => undefined), 200);
    });
  }

  async terminate(signal: NodeJS.Signals = "SIGTERM", forceAfterMs = 30_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill("SIGKILL"), forceAfterMs);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      child.kill(signal);
    });
  }

  async restart(): Promise<void> {
    this.deliberate = true;
    try {
      logEvent("deploy.instance.restart", { instance: this.name });
      await this.terminate();
      await this.start();
      this.restarts++;
    } finally {
      this.deliberate = false;
    }
  }

  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    this.stopped = true;
    await this.terminate(signal);
  }
}

/** The ws:// or wss:// address of the collab path on the public origin. */
export function collabUrlFor(publicUrl: string): string {
  const url = new URL(COLLAB_PATH, publicUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

export async function startDeployment(options: DeploymentOptions): Promise<Deployment> {
  if (options.collab > 1 && !options.redisUrl) {
    throw new Error("More than one collab instance needs REDIS_URL: they share briefs through it.");
  }
  if (options.web > 0 && !existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build in .next/: run `npm run build` first.");
  }
  const nginxBinary = options.nginxBinary ?? "/usr/sbin/nginx";
  if (!existsSync(nginxBinary)) {
    throw new Error(`${nginxBinary} is missing: install nginx (apt-get install -y nginx).`);
  }
  const host = options.host ?? "127.0.0.1";
  const port = options.port || (await freePort());
  const publicUrl = options.publicUrl ?? `http://${host}:${port}`;
  const collabUrl = collabUrlFor(publicUrl);
  const webPorts = await distinctPorts(options.web);
  const collabPorts = await distinctPorts(options.collab);

  const shared: Env = {
    NODE_ENV: "production",
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: options.authSecret,
    NEXTAUTH_SECRET: options.authSecret,
    NEXTAUTH_URL: publicUrl,
    COLLAB_URL: collabUrl,
    COLLAB_ALLOWED_ORIGINS: new URL(publicUrl).origin,
    REDIS_URL: options.redisUrl ?? "",
    REDIS_PREFIX: options.redisPrefix ?? "",
    LOG_FORMAT: "json",
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  const instances: Supervised[] = [];
  collabPorts.forEach((collabPort, i) => {
    const name = `collab-${i + 1}`;
    instances.push(
      new Supervised(
        name,
        "collab",
        collabPort,
        {
          // node --import tsx, not the tsx CLI: a signal must reach the server itself.
          command: process.execPath,
          args: ["--import", "tsx", path.join(ROOT, "lib/collab/main.ts")],
          env: {
            ...shared,
            BRIEFROOM_PROCESS: "collab",
            BRIEFROOM_INSTANCE: name,
            COLLAB_PORT: String(collabPort),
            COLLAB_HOST: "127.0.0.1",
          },
        },
        options,
      ),
    );
  });
  webPorts.forEach((webPort, i) => {
    const name = `web-${i + 1}`;
    instances.push(
      new Supervised(
        name,
        "web",
        webPort,
        {
          command: process.execPath,
          args: [
            path.join(ROOT, "node_modules/next/dist/bin/next"),
            "start",
            "-p",
            String(webPort),
            "-H",
            "127.0.0.1",
          ],
          env: {
            ...shared,
            BRIEFROOM_PROCESS: "web",
            BRIEFROOM_INSTANCE: name,
            PORT: String(webPort),
          },
        },
        options,
      ),
    );
  });

  const prefix = mkdtempSync(path.join(tmpdir(), "briefroom-nginx-"));
  // nginx's workers run as an unprivileged user when it is started as root: they buffer large
  // uploads and answers in these folders, so they must be able to write there.
  chmodSync(prefix, 0o755);
  for (const dir of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    mkdirSync(path.join(prefix, dir), { recursive: true, mode: 0o1777 });
    chmodSync(path.join(prefix, dir), 0o1777);
  }
  const confPath = path.join(prefix, "nginx.conf");
  writeFileSync(
    confPath,
    nginxConfig({ prefix, listenHost: host, listenPort: port, webPorts, collabPorts }),
  );
  const nginx = new Supervised(
    "nginx",
    "nginx",
    port,
    { command: nginxBinary, args: ["-p", prefix, "-c", confPath, "-e", "stderr"], env: {} },
    options,
  );
  let stopping = false;
  async function stop(): Promise<void> {
    if (stopping) return;
    stopping = true;
    await nginx.stop("SIGQUIT");
    await Promise.all(instances.map((instance) => instance.stop()));
    rmSync(prefix, { recursive: true, force: true });
  }
  try {
    // Collab and web need nothing of each other to start; nginx routes to whichever is up.
    await Promise.all(instances.map((instance) => instance.start()));
    await nginx.start();
  } catch (error) {
    await stop();
    throw error;
  }
  logEvent("deploy.ready", { url: publicUrl, web: options.web, collab: options.collab });

  const all = [...instances, nginx];
  const find = (name: string) => {
    const found = all.find((instance) => instance.name === name);
    if (!found) throw new Error(`No instance named ${name}`);
    return found;
  };
  return {
    url: publicUrl,
    collabUrl,
    instances: all,
    instance: find,
    restart: (name) => find(name).restart(),
    async rollingRestart({ pauseMs = 0 } = {}) {
      const order = [
        ...instances.filter((i) => i.kind === "collab"),
        ...instances.filter((i) => i.kind === "web"),
      ];
      for (const instance of order) {
        await instance.restart();
        if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    },
    stop,
  };
}

async function distinctPorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}
