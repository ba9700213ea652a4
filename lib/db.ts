/**
 * The one Prisma client of the app (Next, the collab server, scripts and tests all import it).
 *
 * Prisma 7's client is engine-free: queries go through @prisma/adapter-pg on a `pg` pool.
 * The client is created lazily on first use, from DATABASE_URL as it is *then*: test
 * helpers and start scripts set DATABASE_URL after this module has been imported, and
 * importing it without a database (e.g. during `next build`) must not throw.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { asDatabaseUnavailable } from "./db/unavailable";
import { Prisma, PrismaClient } from "./generated/prisma/client";

/**
 * Secret columns nobody gets by accident. Code that needs one asks for it by name
 * (`select: { passwordHash: true }` or `omit: { passwordHash: false }`), which in
 * practice means lib/auth and the account services only.
 */
const omit = { user: { passwordHash: true } } as const;

/**
 * A database that cannot be reached (stopped, restarting, a dropped connection) surfaces as
 * DatabaseUnavailableError from every query, whatever the driver's error looked like, so the
 * web app answers "database unavailable" (503) and the collab server knows to retry.
 */
const outagesAsOneError = Prisma.defineExtension({
  name: "briefroom-database-unavailable",
  query: {
    async $allOperations({ args, query }) {
      try {
        return await query(args);
      } catch (error) {
        throw asDatabaseUnavailable(error);
      }
    },
  },
});

function createClient(connectionString: string) {
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString,
      max: poolSize(),
      // A transaction left open (a bug, a stuck request) fails with a clear error instead of
      // holding its locks while every editor waits on them; the server ends it too.
      idle_in_transaction_session_timeout: 30_000,
      connectionTimeoutMillis: 10_000,
    }),
    omit,
  }).$extends(outagesAsOneError);
}

/** The client type, with the global omit applied. */
export type Db = ReturnType<typeof createClient>;

/**
 * What a service function takes so callers can compose transactions:
 * `async function f(args, tx: Tx = db)`, then `db.$transaction((tx) => f(args, tx))`.
 * Both `db` and the interactive-transaction client satisfy it.
 */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Pool size per process; DATABASE_POOL_SIZE overrides pg's default of 10. */
function poolSize(): number | undefined {
  const raw = process.env.DATABASE_POOL_SIZE;
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`DATABASE_POOL_SIZE must be a positive integer, got "${raw}"`);
  return n;
}

// In development Next re-evaluates modules on every change; keeping the client on
// globalThis stops each reload from opening another pool.
const cache = globalThis as unknown as { __briefroomDb?: { url: string; client: Db } };

function client(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` / `npm run dev` (which start the " +
        "embedded PostgreSQL when DATABASE_URL is unset), or export DATABASE_URL=postgresql://…",
    );
  }
  const cached = cache.__briefroomDb;
  if (cached?.url === url) return cached.client;
  const created = createClient(url);
  // A changed DATABASE_URL (one process pointing at a second test database) gets a
  // new client; the old one is left to its own $disconnect.
  cache.__briefroomDb = { url, client: created };
  return created;
}

/**
 * Open interactive transactions of the current async context. A query on the global client
 * while its own request holds a transaction runs on a second connection: it cannot see the
 * transaction's rows, and it waits for ever on any row the transaction locked. Outside
 * production such a query throws at once, naming the mistake, so the test that takes the
 * path fails instead of hanging.
 */
const openTransaction = new AsyncLocalStorage<{ open: boolean }>();
const guarded = process.env.NODE_ENV !== "production" || process.env.BRIEFROOM_TX_GUARD === "1";

type TransactionFn = (fn: unknown, options?: unknown) => Promise<unknown>;

/** $transaction with the guard (outside production) and outages as DatabaseUnavailableError. */
function wrappedTransaction(real: Db): TransactionFn {
  const original = real.$transaction.bind(real) as TransactionFn;
  const run: TransactionFn = (fn, options) => {
    if (!guarded || typeof fn !== "function") return original(fn, options);
    const callback = fn as (tx: unknown) => Promise<unknown>;
    return original(async (tx: unknown) => {
      const state = { open: true };
      try {
        return await openTransaction.run(state, () => callback(tx));
      } finally {
        state.open = false;
      }
    }, options);
  };
  // Starting or committing a transaction talks to the server outside any single query.
  return (fn, options) =>
    run(fn, options).catch((error: unknown) => {
      throw asDatabaseUnavailable(error);
    });
}

/**
 * The Prisma client. A proxy so that nothing connects (or reads DATABASE_URL) until the
 * first query; after that every property comes from the real client.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const real = client();
    if (guarded && openTransaction.getStore()?.open && typeof property === "string") {
      throw new Error(
        `db.${property} was used inside a transaction of the same request: pass the ` +
          "transaction client (tx) down instead. A second connection cannot see the " +
          "transaction's rows and waits for ever on the rows it holds.",
      );
    }
    if (property === "$transaction") return wrappedTransaction(real);
    const value: unknown = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
  has(_target, property) {
    return Reflect.has(client(), property);
  },
});
