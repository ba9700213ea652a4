import { readFileSync } from "node:fs";
import path from "node:path";

import type { CitationStyleId } from "./style-ids";

export { DEFAULT_CITATION_STYLE, type CitationStyleId } from "./style-ids";

/** CSL locale used for a brief language; citeproc falls back to en-US for anything else. */
export const CSL_LOCALES: Record<string, string> = { en: "en-US", fr: "fr-FR", ar: "ar" };

// Resolved from the working directory, which is the project root for `next start`, the
// collab server, the publisher and Vitest alike (a bundler cannot rewrite it).
const DIR = path.join(process.cwd(), "lib", "citations", "styles");
const cache = new Map<string, string>();

function read(file: string): string {
  let xml = cache.get(file);
  if (xml === undefined) {
    xml = readFileSync(path.join(DIR, file), "utf8");
    cache.set(file, xml);
  }
  return xml;
}

export function styleXml(id: CitationStyleId): string {
  return read(`${id}.csl`);
}

export function localeXml(lang: string): string {
  const known = ["en-US", "fr-FR", "ar"];
  const match =
    known.find((l) => l === lang) ?? known.find((l) => l.slice(0, 2) === lang.slice(0, 2));
  return read(`locales-${match ?? "en-US"}.xml`);
}
