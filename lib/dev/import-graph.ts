/**
 * The folders of lib/ and which import which, read from the source with TypeScript's own
 * import scanner. The layout rule it serves: folders under lib/ form no cycle, so a domain
 * can be read, tested and changed without dragging the rest of the tree along. Type-only
 * imports count too: a cycle of types is still two folders that cannot be understood apart.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export type FolderGraph = Map<string, Map<string, string[]>>;

const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (entry === "generated" || entry === "node_modules") continue;
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (SOURCE.test(entry) && !entry.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

/** The lib/ folder a file belongs to ("db" for lib/db.ts and lib/db/*), or null outside lib/. */
export function folderOf(file: string, libDir: string): string | null {
  const relative = path.relative(libDir, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return null;
  const [first] = relative.split(path.sep);
  return first!.replace(SOURCE, "");
}

function resolve(specifier: string, from: string, root: string): string | null {
  if (specifier.startsWith("@/")) return path.join(root, specifier.slice(2));
  if (specifier.startsWith(".")) return path.resolve(path.dirname(from), specifier);
  return null; // a package
}

/**
 * Folder → imported folder → the files that make that edge (for the message). Left out:
 * tests, which may reach across folders to set up what they check, and entry points
 * (`main.ts`), which exist to wire the domains into a piece of infrastructure.
 */
export function folderGraph(root: string): FolderGraph {
  const libDir = path.join(root, "lib");
  const graph: FolderGraph = new Map();
  for (const file of sourceFiles(libDir)) {
    if (/\.test\.tsx?$/.test(file) || /test-(helpers|clients)\.ts$/.test(file)) continue;
    if (path.basename(file) === "main.ts") continue;
    const from = folderOf(file, libDir)!;
    const edges = graph.get(from) ?? new Map<string, string[]>();
    graph.set(from, edges);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      const target = resolve(fileName, file, root);
      const to = target ? folderOf(target, libDir) : null;
      if (!to || to === from) continue;
      const via = edges.get(to) ?? [];
      via.push(path.relative(root, file));
      edges.set(to, via);
    }
  }
  return graph;
}

/** Every set of folders that import each other in a circle (Tarjan's strongly connected components). */
export function folderCycles(graph: FolderGraph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  function visit(node: string) {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  }
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}
