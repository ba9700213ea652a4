/**
 * What compare can compare: a published version (v3), the live draft, or a draft history
 * snapshot (s:<uuid>). Refs travel in the compare page's query string.
 */
export type CompareRef =
  { kind: "version"; number: number } | { kind: "draft" } | { kind: "snapshot"; id: string };

const SNAPSHOT = /^s:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function parseRef(raw: unknown): CompareRef | null {
  if (typeof raw !== "string") return null;
  if (raw === "draft") return { kind: "draft" };
  const version = /^v([1-9][0-9]{0,5})$/.exec(raw);
  if (version) return { kind: "version", number: Number(version[1]) };
  const snapshot = SNAPSHOT.exec(raw);
  return snapshot ? { kind: "snapshot", id: snapshot[1]!.toLowerCase() } : null;
}

export function formatRef(ref: CompareRef): string {
  if (ref.kind === "draft") return "draft";
  return ref.kind === "version" ? `v${ref.number}` : `s:${ref.id}`;
}
