import { createHash } from "node:crypto";

/**
 * The identity of a brief's content: SHA-256 over its ProseMirror JSON (keys sorted, so the
 * same document always hashes the same) and its citation style. An approval is of one
 * content hash; any edit that changes it returns the brief to DRAFT, an edit that is undone
 * does not.
 */
export function contentHash(contentJson: unknown, citationStyle: string | null): string {
  return createHash("sha256")
    .update(canonicalJson({ content: contentJson, citationStyle: citationStyle ?? null }))
    .digest("hex");
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
