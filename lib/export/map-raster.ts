import { withPrintContext } from "./pdf-browser";

/** Pixels per SVG unit of the fallback image: sharp enough to print at the page's width. */
const SCALE = 2;

/** Width and height an SVG declares on its root (the map renderer always sets both). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const width = Number(/\swidth="(\d+(?:\.\d+)?)"/.exec(root)?.[1] ?? 800);
  const height = Number(/\sheight="(\d+(?:\.\d+)?)"/.exec(root)?.[1] ?? 600);
  return { width, height };
}

/**
 * A PNG of an SVG, drawn by the headless Chromium that prints PDFs (same fonts, Arabic shaped
 * as in the PDF; no network: the print context aborts every request). Word shows the SVG
 * and keeps this image for the applications that cannot.
 */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { width, height } = svgSize(svg);
  return withPrintContext(async (context) => {
    const page = await context.newPage();
    const w = Math.ceil(width * SCALE);
    const h = Math.ceil(height * SCALE);
    await page.setViewportSize({ width: w, height: h });
    // Drawn at twice its size by CSS: the context's pixel ratio is the PDF printer's.
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0}svg{display:block;width:${w}px;height:${h}px}</style></head><body>${svg}</body></html>`,
      { waitUntil: "load" },
    );
    const png = await page.locator("svg").first().screenshot({ type: "png" });
    return new Uint8Array(png);
  });
}
