import { inflateSync } from "node:zlib";

/**
 * Logical-order text of a PDF printed by Chromium, for tests. pdf.js reads each glyph
 * through the font's ToUnicode map, which loses Arabic shaped with Noto's fonts (a letter's
 * dots are glyphs of their own, without Unicode). Chromium (Skia) also writes the real text
 * of every such cluster as /ActualText, and marks right-to-left runs /ReversedChars (glyphs
 * in visual order): this reads content streams the way a screen reader or copy/paste does,
 * ActualText first, runs reversed back. Enough of PDF for Skia's output, not a general parser.
 */
type Obj = { dict: string; stream: Buffer | null };

function objects(raw: string): Map<number, Obj> {
  const out = new Map<number, Obj>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2] ?? "";
    const s = /^([\s\S]*?)stream\r?\n([\s\S]*)\r?\nendstream/.exec(body);
    let stream: Buffer | null = null;
    if (s) {
      const bytes = Buffer.from(s[2] ?? "", "latin1");
      try {
        stream = /FlateDecode/.test(s[1] ?? "") ? inflateSync(bytes) : bytes;
      } catch {
        stream = null;
      }
    }
    out.set(Number(m[1]), { dict: s ? (s[1] ?? "") : body, stream });
  }
  return out;
}

const utf16 = (hex: string) => {
  const b = Buffer.from(hex.replace(/\s+/g, ""), "hex");
  let out = "";
  for (let i = b[0] === 0xfe && b[1] === 0xff ? 2 : 0; i + 1 < b.length; i += 2)
    out += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
  return out;
};

function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code = "", uni = ""] of (block[1] ?? "").matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    ))
      map.set(parseInt(code, 16), utf16(uni));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo = "", hi = "", uni = ""] of (block[1] ?? "").matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const base = parseInt(uni, 16);
      for (let c = parseInt(lo, 16), i = 0; c <= parseInt(hi, 16); c++, i++)
        map.set(c, String.fromCharCode(base + i));
    }
  return map;
}

type Group = { reversed: boolean; actual: string | null; parts: string[] };

export function pdfLogicalText(bytes: Uint8Array): string {
  const objs = objects(Buffer.from(bytes).toString("latin1"));
  const fonts = new Map<string, Map<number, string>>();
  for (const obj of objs.values())
    for (const [, name = "", ref = ""] of obj.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const tu = /\/ToUnicode (\d+) 0 R/.exec(objs.get(Number(ref))?.dict ?? "")?.[1];
      const cmap = tu ? objs.get(Number(tu))?.stream : null;
      if (cmap && !fonts.has(name)) fonts.set(name, toUnicode(cmap.toString("latin1")));
    }
  const pages: string[] = [];
  for (const obj of objs.values()) {
    const content = obj.stream?.toString("latin1") ?? "";
    if (!/\bBT\b/.test(content) || !/\bTf\b/.test(content)) continue;
    let font = new Map<number, string>();
    const stack: Group[] = [{ reversed: false, actual: null, parts: [] }];
    const top = () => stack[stack.length - 1]!;
    const glyphs = (hex: string) => {
      if (top().actual !== null) return; // the span's ActualText stands for its glyphs
      for (let i = 0; i + 3 < hex.length; i += 4)
        top().parts.push(font.get(parseInt(hex.slice(i, i + 4), 16)) ?? "");
    };
    const ops =
      /\/(F\d+)\s+[\d.]+\s+Tf|\/ReversedChars\s+BMC|\/ActualText\s*<([0-9A-Fa-f\s]*)>\s*>>\s*BDC|\bBDC\b|\bBMC\b|\bEMC\b|\bBT\b|<([0-9A-Fa-f]*)>\s*Tj|\[([^\]]*)\]\s*TJ/g;
    for (const op of content.matchAll(ops)) {
      const t = op[0];
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      else if (t.startsWith("/ReversedChars"))
        stack.push({ reversed: true, actual: null, parts: [] });
      else if (op[2] !== undefined)
        stack.push({ reversed: false, actual: utf16(op[2]), parts: [] });
      else if (t === "BDC" || t === "BMC") stack.push({ reversed: false, actual: null, parts: [] });
      else if (t === "BT") top().parts.push(" ");
      else if (op[3] !== undefined) glyphs(op[3]);
      else if (op[4] !== undefined)
        for (const h of op[4].matchAll(/<([0-9A-Fa-f]*)>/g)) glyphs(h[1] ?? "");
      else if (t === "EMC" && stack.length > 1) {
        const done = stack.pop()!;
        const parts =
          done.actual !== null ? [done.actual] : done.reversed ? done.parts.reverse() : done.parts;
        top().parts.push(done.actual !== null ? parts.join("") : parts.join(""));
      }
    }
    pages.push(stack.flatMap((g) => g.parts).join(""));
  }
  return pages
    .join("\n")
    .normalize("NFKC")
    .replace(/[ \t]+/g, " ");
}
