import { describe, it, expect } from "vitest";
import { loadMessages } from "./messages";

type Tree = { [key: string]: string | Tree };

// The merged catalogs, exactly as the app loads them (core plus every domain namespace).
const en = loadMessages("en") as unknown as Tree;
const fr = loadMessages("fr") as unknown as Tree;
const ar = loadMessages("ar") as unknown as Tree;
const catalogs: Record<string, Tree> = { en, fr, ar };
const translations = { fr, ar } as Record<string, Tree>;

/** Every leaf of the tree as [dotted.key, value]; a non-string, non-object leaf is kept so it fails. */
function flatten(tree: Tree, prefix = ""): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]): [string, unknown][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === "object" ? flatten(value, path) : [[path, value]];
  });
}

/** Every object node's path, so that an empty object on one side still counts as a key. */
function keyPaths(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === "object" ? [path, ...keyPaths(value, path)] : [path];
  });
}

// `{name}` or `{name, plural, ...}`. A plural/select branch such as `one {Brief}` is not an
// argument, so an opening brace right after a selector keyword is skipped.
const ARGUMENT = /(?<!(?:=\d+|zero|one|two|few|many|other)\s*)\{\s*([A-Za-z_]\w*)\s*[,}]/g;

function placeholders(message: string): Set<string> {
  return new Set([...message.matchAll(ARGUMENT)].map((match) => match[1] as string));
}

const enEntries = flatten(en);

describe("UI message catalogs", () => {
  it("have identical key sets in en, fr and ar", () => {
    const expected = keyPaths(en).sort();
    for (const [locale, catalog] of Object.entries(translations)) {
      expect(keyPaths(catalog).sort(), locale).toEqual(expected);
    }
  });

  it("have no empty value", () => {
    for (const [locale, catalog] of Object.entries(catalogs)) {
      for (const [key, value] of flatten(catalog)) {
        expect(typeof value, `${locale}: ${key}`).toBe("string");
        expect((value as string).trim(), `${locale}: ${key}`).not.toBe("");
      }
    }
  });

  it("keep every placeholder of the English message in each translation", () => {
    let checked = 0;
    for (const [locale, catalog] of Object.entries(translations)) {
      const values = new Map(flatten(catalog));
      for (const [key, enValue] of enEntries) {
        const names = placeholders(enValue as string);
        if (names.size === 0) continue;
        const translated = placeholders(String(values.get(key) ?? ""));
        for (const name of names) {
          expect(translated.has(name), `${locale}: ${key} lacks {${name}}`).toBe(true);
          checked += 1;
        }
      }
    }
    // Guards against a regex that silently matches nothing.
    expect(checked).toBeGreaterThan(0);
  });

  it("use no placeholder that the English message lacks", () => {
    for (const [locale, catalog] of Object.entries(translations)) {
      const enValues = new Map(enEntries);
      for (const [key, value] of flatten(catalog)) {
        const allowed = placeholders(String(enValues.get(key) ?? ""));
        for (const name of placeholders(String(value))) {
          expect(allowed.has(name), `${locale}: ${key} has unknown {${name}}`).toBe(true);
        }
      }
    }
  });
});
