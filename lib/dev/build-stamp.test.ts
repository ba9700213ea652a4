import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildIsCurrent, hashInputs, writeStamp } from "./build-stamp";

const roots: string[] = [];
function checkout(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "briefroom-stamp-"));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

const INPUTS = ["app", "lib", "next.config.js"];
const FILES = {
  "app/page.tsx": "export default function Page() {}",
  "lib/briefs/service.ts": "export const x = 1;",
  "next.config.js": "module.exports = {};",
};

describe("the build fingerprint", () => {
  it("is the same for the same code, whatever the file times", () => {
    const root = checkout(FILES);
    const before = hashInputs(INPUTS, "", root);
    utimesSync(path.join(root, "app/page.tsx"), new Date(), new Date(2030, 0, 1));
    expect(hashInputs(INPUTS, "", root)).toBe(before);
    expect(hashInputs(INPUTS, "", checkout(FILES))).toBe(before);
  });

  it("changes when a file is edited, renamed, added or removed, or the baked-in env differs", () => {
    const root = checkout(FILES);
    const seen = new Set([hashInputs(INPUTS, "", root)]);
    const expectNew = () => {
      const next = hashInputs(INPUTS, "", root);
      expect(seen.has(next)).toBe(false);
      seen.add(next);
    };
    writeFileSync(path.join(root, "lib/briefs/service.ts"), "export const x = 2;");
    expectNew();
    renameSync(path.join(root, "lib/briefs/service.ts"), path.join(root, "lib/briefs/other.ts"));
    expectNew();
    writeFileSync(path.join(root, "app/new.tsx"), "");
    expectNew();
    rmSync(path.join(root, "app/new.tsx"));
    rmSync(path.join(root, "next.config.js"));
    expectNew();
    expect(seen.has(hashInputs(INPUTS, "COLLAB_URL=ws://other:3001", root))).toBe(false);
  });

  it("ignores tests and generated code, which no build includes", () => {
    const root = checkout(FILES);
    const before = hashInputs(INPUTS, "", root);
    writeFileSync(path.join(root, "lib/briefs/service.test.ts"), "it('x', () => {});");
    mkdirSync(path.join(root, "lib/generated/prisma"), { recursive: true });
    writeFileSync(path.join(root, "lib/generated/prisma/client.ts"), "// generated");
    expect(hashInputs(INPUTS, "", root)).toBe(before);
  });

  it("reuses a build only when it exists and its stamp matches", () => {
    const root = checkout(FILES);
    const stamp = hashInputs(INPUTS, "", root);
    expect(buildIsCurrent(stamp, root)).toBe(false);
    writeStamp(path.join(root, ".next", "briefroom-build-stamp"), stamp);
    expect(buildIsCurrent(stamp, root)).toBe(false); // no BUILD_ID: the build never finished
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "abc");
    expect(buildIsCurrent(stamp, root)).toBe(true);
    expect(buildIsCurrent(hashInputs(INPUTS, "changed", root), root)).toBe(false);
  });
});
