#!/usr/bin/env node
// Offline stand-in for Prisma's native `schema-engine` binary.
//
// Prisma 7's CLI spawns `schema-engine` for every migrate/db command and would
// download it from Prisma's binary host, which our machines cannot reach.
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY at this file when no
// native engine is installed. It speaks the binary's protocol (flags, `cli`
// subcommands, newline-delimited JSON-RPC on stdio) and forwards each call to
// the official WASM build of the same engine (@prisma/schema-engine-wasm),
// which reaches PostgreSQL through @prisma/adapter-pg (pg-migration-adapter.mjs).
// The method list mirrors the SchemaEngine class in node_modules/prisma/build/cli.js.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import {
  createMigrationAdapterFactory,
  databaseOf,
  quoteIdent,
  withClient,
  withDatabase,
} from "./pg-migration-adapter.mjs";

const require = createRequire(import.meta.url);
const WASM_PACKAGE = "@prisma/schema-engine-wasm";
// The package's `exports` hide package.json and the .wasm; find its folder.
const wasmPackageDir = () => dirname(require.resolve(WASM_PACKAGE));

// A Rust panic inside the WASM calls PRISMA_WASM_PANIC_REGISTRY.set_message
// before trapping; without this global the trap kills the process and the CLI
// exits 0 having done nothing.
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  message: "",
  set_message(m) {
    this.message = `RuntimeError: ${m}`;
  },
};

// ---- arguments -------------------------------------------------------------

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, version: false, cli: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--datamodels") args.datamodels.push(argv[++i]);
    else if (a === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (a === "--version" || a === "-V") args.version = true;
    else if (a === "--enabled-preview-features" || a === "--extension-types") i++;
    else if (a === "cli") args.cli = argv[++i];
  }
  return args;
}

function wasmVersionHash() {
  const { version } = JSON.parse(readFileSync(join(wasmPackageDir(), "package.json"), "utf8"));
  return version.split(".").pop(); // "8.1.0-2.<commit>" → "<commit>"
}

// ---- `cli` subcommands (the CLI reads errors from stderr) -----------------

function logLine(level, fields) {
  return JSON.stringify({
    timestamp: new Date().toISOString(),
    level,
    fields,
    target: "schema_engine::logger",
  });
}

/** Map a pg connection error to the Prisma error code the CLI branches on. */
function connectionError(error, url) {
  const u = new URL(url);
  const where = `${u.hostname}:${u.port || 5432}`;
  if (error.code === "3D000") {
    return {
      error_code: "P1003",
      message: `Database \`${databaseOf(url)}\` does not exist on the database server at \`${where}\`.`,
    };
  }
  if (error.code === "28P01" || error.code === "28000") {
    return {
      error_code: "P1000",
      message: `Authentication failed against database server at \`${where}\`: ${error.message}`,
    };
  }
  if (["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH"].includes(error.code)) {
    return { error_code: "P1001", message: `Can't reach database server at \`${where}\`` };
  }
  return { error_code: "P1000", message: error.message };
}

async function runCliCommand(command, datasource) {
  // The CLI drops the first stderr line of a `cli` run (the native binary
  // prints a banner there), so it must not be one of ours.
  process.stderr.write("schema-engine-wasm shim\n");
  const url = datasource?.url;
  try {
    if (!url) throw Object.assign(new Error("No datasource url given"), { code: "NO_URL" });
    if (command === "can-connect-to-database") {
      await withClient(url, (c) => c.query("SELECT 1"));
    } else if (command === "create-database") {
      await withClient(withDatabase(url, "postgres"), (c) =>
        c.query(`CREATE DATABASE ${quoteIdent(databaseOf(url))}`),
      );
    } else if (command === "drop-database") {
      await withClient(withDatabase(url, "postgres"), (c) =>
        c.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseOf(url))} WITH (FORCE)`),
      );
    } else {
      throw new Error(`Unknown cli command: ${command}`);
    }
    process.exit(0);
  } catch (error) {
    process.stderr.write(
      `${logLine("ERROR", connectionError(error, url ?? "postgresql://localhost"))}\n`,
    );
    process.exit(1);
  }
}

// ---- the WASM engine --------------------------------------------------------

async function loadWasmEngine() {
  // The package's entry imports the .wasm as an ES module, which Node 20 does
  // not support; instantiate it by hand against its JS glue instead.
  const glue = await import(`${WASM_PACKAGE}/schema_engine_bg`);
  const bytes = readFileSync(join(wasmPackageDir(), "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    "./schema_engine_bg.js": glue,
  });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue.SchemaEngine;
}

/** Turn whatever the WASM threw into the JSON-RPC error shape the CLI understands. */
function rpcError(error) {
  const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY.message;
  if (panic || error instanceof WebAssembly.RuntimeError) {
    const message = panic || String(error);
    // The CLI shows data.error.message (else message) as the panic's headline.
    return {
      code: 4466,
      message,
      data: { is_panic: true, message, error: { message }, backtrace: error?.stack },
    };
  }
  const message = error?.message ?? String(error);
  // WASM errors carry Prisma's code (e.g. P3009) in `code`; pg errors carry a SQLSTATE
  // there, which the CLI must not mistake for one of Prisma's.
  const code = error?.error_code ?? error?.code;
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: {
      is_panic: false,
      message,
      meta: error?.meta ?? null,
      error_code: /^P\d{4}$/.test(code ?? "") ? code : null,
    },
  };
}

async function serveRpc({ datamodels, datasource }) {
  const SchemaEngine = await loadWasmEngine();
  const files = datamodels.map((path) => [path, readFileSync(path, "utf8")]);
  const url = datasource?.url;
  const factory = bindMigrationAwareSqlAdapterFactory(
    createMigrationAdapterFactory({ url, shadowDatabaseUrl: datasource?.shadowDatabaseUrl }),
  );
  // The engine logs JSON lines; the CLI reads them from stderr (level ERROR
  // lines become its error message), exactly as with the native binary.
  const log = (line) =>
    process.stderr.write(`${typeof line === "string" ? line : JSON.stringify(line)}\n`);
  const engine = await SchemaEngine.new(
    { datamodels: files.length ? files : undefined },
    log,
    factory,
  );

  const send = (msg) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...msg })}\n`);
  let printId = 1_000_000;

  // Methods the WASM engine does not implement under the CLI's name.
  const overrides = {
    getDatabaseVersion: (params) => engine.version(params ?? undefined),
    createDatabase: async (params) => {
      const target = params?.datasource?.tag === "ConnectionString" ? params.datasource.url : url;
      const name = databaseOf(target);
      await withClient(withDatabase(target, "postgres"), (c) =>
        c.query(`CREATE DATABASE ${quoteIdent(name)}`),
      );
      return { databaseName: name };
    },
    // `diff` returns its text; the native binary prints it through a `print`
    // request to the CLI, which writes it to stdout.
    diff: async (params) => {
      const result = await engine.diff(params);
      if (result.stdout)
        send({ id: printId++, method: "print", params: { content: result.stdout } });
      return { exitCode: result.exitCode };
    },
  };

  // A Rust panic usually surfaces as a WebAssembly trap thrown from inside a future the
  // engine polls on a microtask, i.e. outside the awaited call: catch it here, answer the
  // request in flight as a panic (the CLI then prints Prisma's panic report), and exit.
  let inFlight;
  const onFatal = (error) => {
    const err = rpcError(
      error instanceof WebAssembly.RuntimeError
        ? error
        : Object.assign(new WebAssembly.RuntimeError(String(error?.message ?? error)), {
            stack: error?.stack,
          }),
    );
    process.stderr.write(`${logLine("ERROR", { message: err.data.message, is_panic: true })}\n`);
    if (inFlight !== undefined) send({ id: inFlight, error: err });
    process.exit(101);
  };
  process.on("uncaughtException", onFatal);
  process.on("unhandledRejection", onFatal);

  // Requests are served one at a time, in order, like the native engine does.
  let queue = Promise.resolve();
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", (line) => {
    if (!line.trim()) return;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      return;
    }
    if (msg.method === undefined) return; // a reply to our `print` request
    queue = queue.then(async () => {
      globalThis.PRISMA_WASM_PANIC_REGISTRY.message = "";
      inFlight = msg.id;
      try {
        const handler = overrides[msg.method];
        if (!handler && typeof engine[msg.method] !== "function") {
          send({ id: msg.id, error: { code: -32601, message: `Method not found: ${msg.method}` } });
          return;
        }
        const result = handler
          ? await handler(msg.params)
          : await engine[msg.method](msg.params ?? {});
        send({ id: msg.id, result: result ?? null });
      } catch (error) {
        const err = rpcError(error);
        send({ id: msg.id, error: err });
        if (err.data.is_panic) process.exit(101); // a panicked WASM instance is unusable
      } finally {
        inFlight = undefined;
      }
    });
  });
  rl.on("close", () => queue.then(() => process.exit(0)));
}

// ---- main -------------------------------------------------------------------

const args = parseArgs(process.argv.slice(2));
if (args.version) {
  process.stdout.write(`schema-engine-cli ${wasmVersionHash()}\n`);
} else if (args.cli) {
  await runCliCommand(args.cli, args.datasource);
} else {
  await serveRpc(args);
}
