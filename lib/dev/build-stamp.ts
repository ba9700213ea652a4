/**
 * A fingerprint of what a production build (or the Prisma client) was made from, so a second
 * `npm start` can reuse the previous build when nobody changed the code, and rebuild as soon
 * as anyone did. File contents are hashed (not mtimes), so a checkout or `touch` that leaves
 * the code identical still counts as unchanged.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./processes";

/** What the web build is made of: the app's source, schema, config and locked dependencies. */
export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
];

/** What the Prisma client is generated from. */
export const PRISMA_INPUTS = ["prisma/schema", "package-lock.json"];

/** Never part of a build: generated code (its schema is an input already) and tests. */
function ignored(relative: string): boolean {
  const posix = relative.split(path.sep).join("/");
  return (
    posix.startsWith("lib/generated/") ||
    posix === "lib/generated" ||
    posix.includes("node_modules") ||
    /\.test\.tsx?$/.test(posix)
  );
}

function collect(root: string, relative: string, files: string[]): void {
  if (ignored(relative)) return;
  const full = path.join(root, relative);
  let stats;
  try {
    stats = statSync(full);
  } catch {
    return; // an optional input (public/) that this checkout does not have
  }
  if (stats.isDirectory()) {
    for (const entry of readdirSync(full).sort()) collect(root, path.join(relative, entry), files);
  } else if (stats.isFile()) {
    files.push(relative);
  }
}

/**
 * Hash of the given files and folders under `root`, plus `extra` (e.g. the environment the
 * build bakes in). Paths are part of the hash, so renaming or deleting a file changes it.
 */
export function hashInputs(inputs: string[], extra = "", root = ROOT): string {
  const files: string[] = [];
  for (const input of inputs) collect(root, input, files);
  const hash = createHash("sha256");
  hash.update(extra);
  for (const file of files) {
    hash.update(`\0${file.split(path.sep).join("/")}\0`);
    hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest("hex");
}

/** The stamp left by the last successful run, or null. */
export function readStamp(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
}

export function writeStamp(file: string, stamp: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${stamp}\n`);
}

export const BUILD_STAMP = path.join(ROOT, ".next", "briefroom-build-stamp");
export const PRISMA_STAMP = path.join(ROOT, "lib", "generated", "prisma", ".briefroom-stamp");

/**
 * The env the build reads and inlines: the collab URL is rendered into pages at build time, so
 * starting with a different one needs a new build. Only the hash is stored, never the values.
 */
export function buildEnvFingerprint(env: Record<string, string | undefined>): string {
  return Object.keys(env)
    .sort()
    .map((key) => `${key}=${env[key] ?? ""}`)
    .join("\n");
}

/** True when the production build in .next/ was made from exactly these inputs. */
export function buildIsCurrent(stamp: string, root = ROOT): boolean {
  return (
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    readStamp(path.join(root, ".next", "briefroom-build-stamp")) === stamp
  );
}

/** True when lib/generated/prisma was generated from the current schema. */
export function prismaClientIsCurrent(stamp: string): boolean {
  return (
    existsSync(path.join(ROOT, "lib", "generated", "prisma")) && readStamp(PRISMA_STAMP) === stamp
  );
}
