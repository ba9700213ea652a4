/**
 * Frozen footnotes and bibliography entries are citeproc HTML that lib/citations/sanitize.ts
 * reduced to <i>, <b>, <sup>, <sub> and <span style="…">. This turns such HTML into styled
 * text segments (for Word runs) or plain text, without an HTML parser.
 */
export type StyledText = {
  text: string;
  italic?: boolean;
  bold?: boolean;
  superScript?: boolean;
  subScript?: boolean;
  smallCaps?: boolean;
};

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : "";
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

type Style = Omit<StyledText, "text">;

function styleOfTag(tag: string): Style {
  const name = /^<([a-z]+)/i.exec(tag)?.[1]?.toLowerCase();
  if (name === "i" || name === "em") return { italic: true };
  if (name === "b" || name === "strong") return { bold: true };
  if (name === "sup") return { superScript: true };
  if (name === "sub") return { subScript: true };
  const style = /style="([^"]*)"/i.exec(tag)?.[1] ?? "";
  return {
    ...(/font-style:\s*italic/.test(style) ? { italic: true } : {}),
    ...(/font-weight:\s*bold/.test(style) ? { bold: true } : {}),
    ...(/font-variant:\s*small-caps/.test(style) ? { smallCaps: true } : {}),
  };
}

export function htmlToStyledText(html: string): StyledText[] {
  const out: StyledText[] = [];
  const stack: Style[] = [];
  const current = (): Style => Object.assign({}, ...stack) as Style;
  for (const part of html.split(/(<[^>]*>)/)) {
    if (part === "") continue;
    if (part.startsWith("</")) stack.pop();
    else if (part.startsWith("<")) {
      if (!/\/>$/.test(part) && !/^<br/i.test(part)) stack.push(styleOfTag(part));
    } else {
      const text = decodeEntities(part);
      if (text) out.push({ text, ...current() });
    }
  }
  return out;
}

export function htmlToText(html: string): string {
  return htmlToStyledText(html)
    .map((s) => s.text)
    .join("");
}
