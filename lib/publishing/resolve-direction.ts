/**
 * Blocks whose direction is "auto" (the editor's default) get an explicit one from their
 * first strong character, the rule browsers apply to dir="auto". The published HTML then
 * says rtl/ltr itself, so printers, exports and readers that ignore dir="auto" still lay
 * out an Arabic paragraph right to left inside an English brief and vice versa.
 */
import { DIRECTIONAL_NODE_TYPES, isTextDirection } from "@/lib/editor/text-direction";

const DIRECTIONAL = new Set<string>(DIRECTIONAL_NODE_TYPES);
// Hebrew, Arabic, Syriac, Thaana, NKo… and the Arabic presentation forms.
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const STRONG = /[\p{L}]/u;

type JsonNode = {
  type?: unknown;
  attrs?: Record<string, unknown>;
  content?: unknown;
  text?: unknown;
};

/** "rtl" / "ltr" from the first strong character of `text`, or null when it has none. */
export function directionOfText(text: string): "rtl" | "ltr" | null {
  for (const char of text) {
    if (RTL.test(char)) return "rtl";
    if (STRONG.test(char)) return "ltr";
  }
  return null;
}

function firstText(node: JsonNode): string {
  if (typeof node.text === "string") return node.text;
  if (!Array.isArray(node.content)) return "";
  let out = "";
  for (const child of node.content) {
    if (child && typeof child === "object") out += firstText(child as JsonNode);
    if (directionOfText(out)) break;
  }
  return out;
}

/** A copy of `json` with every directional "auto" block resolved where its text decides. */
export function resolveAutoDirections(json: unknown): unknown {
  if (!json || typeof json !== "object") return json;
  if (Array.isArray(json)) return json.map(resolveAutoDirections);
  const node = json as JsonNode;
  const copy: JsonNode = { ...node };
  if (Array.isArray(node.content)) copy.content = node.content.map(resolveAutoDirections);
  if (typeof node.type === "string" && DIRECTIONAL.has(node.type)) {
    const dir = node.attrs?.dir;
    // Missing and invalid values count as "auto", as the schema reads them.
    if (!isTextDirection(dir) || dir === "auto") {
      const resolved = directionOfText(firstText(node));
      if (resolved) copy.attrs = { ...node.attrs, dir: resolved };
    }
  }
  return copy;
}
