import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { folderCycles, folderGraph } from "./import-graph";
import { ROOT } from "./processes";

const roots: string[] = [];
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "briefroom-imports-"));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

describe("folders under lib/", () => {
  it("import each other in no circle", () => {
    const graph = folderGraph(ROOT);
    const described = folderCycles(graph).map((cycle) =>
      cycle
        .flatMap((from) => cycle.map((to) => [from, to, graph.get(from)?.get(to)?.[0]] as const))
        .filter(([, , via]) => via)
        .map(([from, to, via]) => `${from} → ${to} (${via})`)
        .join("; "),
    );
    expect(described).toEqual([]);
    // The check sees the real tree: the domains do depend on the collab server's types.
    expect(graph.get("workflow")?.has("collab")).toBe(true);
  });

  it("finds a cycle added on purpose, through aliases, relative paths and types", () => {
    const root = tree({
      "lib/collab/compaction.ts": 'import { snapshotIfDue } from "@/lib/history/auto-snapshot";',
      "lib/history/auto-snapshot.ts": 'import type { Round } from "../collab/compaction";',
      "lib/db.ts": "export const db = 1;",
      "lib/briefs/load.ts": 'import { db } from "../db";',
    });
    expect(folderCycles(folderGraph(root))).toEqual([["collab", "history"]]);
  });

  it("leaves out tests and entry points, which wire folders together on purpose", () => {
    const root = tree({
      "lib/collab/main.ts": 'import { hooks } from "@/lib/workflow/hooks";',
      "lib/collab/server.test.ts": 'import { hooks } from "@/lib/workflow/hooks";',
      "lib/workflow/hooks.ts": 'import type { Step } from "@/lib/collab/compaction";',
      "lib/collab/compaction.ts": "export type Step = () => void;",
    });
    expect(folderCycles(folderGraph(root))).toEqual([]);
  });
});
