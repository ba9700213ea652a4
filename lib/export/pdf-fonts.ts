import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * @font-face rules for the print document with the font files inlined as data: URLs, so the
 * PDF renders Latin and Arabic text in Noto without any network request (the print page
 * blocks every request) and without depending on the fonts the machine has installed.
 * The rules come from @fontsource's own CSS (families, weights, unicode ranges); only the
 * subsets a brief needs are inlined (about 0.5 MB of CSS, read once per process).
 */
const FACES: { pkg: string; files: string[]; subsets: string[] }[] = [
  {
    pkg: "noto-sans",
    files: ["400.css", "700.css", "400-italic.css", "700-italic.css"],
    subsets: ["latin", "latin-ext"],
  },
  { pkg: "noto-naskh-arabic", files: ["400.css", "700.css"], subsets: ["arabic"] },
];

let cached: string | undefined;

function fontsourceDir(pkg: string): string {
  // cwd is the project root under Next, the collab server, Vitest and the benchmarks alike.
  return path.join(process.cwd(), "node_modules", "@fontsource", pkg);
}

function inlineFaces(pkg: string, cssFile: string, subsets: string[]): string {
  const dir = fontsourceDir(pkg);
  const cssPath = path.join(dir, cssFile);
  if (!existsSync(cssPath)) return "";
  const css = readFileSync(cssPath, "utf8");
  const out: string[] = [];
  for (const match of css.matchAll(/\/\* ([\w-]+) \*\/\s*@font-face\s*\{([^}]*)\}/g)) {
    const [, name = "", body = ""] = match;
    const subset = name.slice(pkg.length + 1).replace(/-\d00-(normal|italic)$/, "");
    if (!subsets.includes(subset)) continue;
    const file = /url\(\.\/files\/([\w.-]+\.woff2)\)/.exec(body)?.[1];
    if (!file) continue;
    const data = readFileSync(path.join(dir, "files", file)).toString("base64");
    const src = `src: url(data:font/woff2;base64,${data}) format('woff2');`;
    out.push(
      `@font-face {${body.replace(/src:[^;]*;/, src).replace(/font-display:[^;]*;/, "font-display: block;")}}`,
    );
  }
  return out.join("\n");
}

/**
 * The CSS, built once per process. When @fontsource is missing, the families are still
 * named, and Chromium falls back to installed fonts (Debian: fonts-noto-core).
 */
export function embeddedFontCss(): string {
  cached ??= FACES.flatMap(({ pkg, files, subsets }) =>
    files.map((file) => inlineFaces(pkg, file, subsets)),
  )
    .filter(Boolean)
    .join("\n");
  return cached;
}

export const PRINT_FONT_STACK = `"Noto Sans", "Noto Naskh Arabic", "DejaVu Sans", sans-serif`;
export const PRINT_FONT_STACK_AR = `"Noto Naskh Arabic", "Noto Sans", "DejaVu Sans", serif`;
