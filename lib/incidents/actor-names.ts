/**
 * "Government of Mali, Government of Russia (Soviet Union)" → its two actors (GED lists allies
 * so). Splits at ", " unless the comma sits inside parentheses ("Mali (Gao, Kidal)" stays whole).
 * A single pass from the end, then one from the start, so an imported file with a very long
 * actor cell cannot stall the import.
 */
export function splitAllies(name: string): string[] {
  // insideParens[i]: the next parenthesis at or after i closes one, so a comma at i is inside.
  const insideParens = new Array<boolean>(name.length + 1).fill(false);
  for (let i = name.length - 1; i >= 0; i--) {
    const c = name[i];
    insideParens[i] = c === ")" ? true : c === "(" ? false : insideParens[i + 1]!;
  }
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < name.length; i++) {
    if (name[i] !== "," || !/\s/.test(name[i + 1] ?? "") || insideParens[i]) continue;
    parts.push(name.slice(start, i));
    start = i + 1;
  }
  parts.push(name.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}
