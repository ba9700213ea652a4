/**
 * A map embed in the Word export: the frozen map as an SVG picture (Word 2016 and later draw
 * it sharp at any zoom) with a PNG of it for applications that cannot, then what it leaves
 * out and its data date, as under the map on the reader page.
 */
import { ImageRun, Paragraph } from "docx";
import { renderMapEmbed } from "@/lib/incidents/embed-map-svg";
import type { FrozenEmbed } from "@/lib/publishing/frozen";
import { fill, formatNumber } from "@/lib/publishing/render-labels";
import type { DocxContext } from "./docx-context";
import { dataCaption, small } from "./docx-embeds";
import type { ExportVersion } from "./export-version";
import { svgSize, svgToPng } from "./map-raster";
import { PdfUnavailableError } from "./pdf-browser";

export type DocxMapImage = {
  svg: string;
  /** Null when no Chromium could draw the fallback (the map is then described in text). */
  png: Uint8Array | null;
  notMapped: number;
};

/** Page width the picture takes, in pixels at 96 dpi (A4 less the margins, about 16 cm). */
const PICTURE_WIDTH = 600;

/** Every map of the version drawn once, before the synchronous walk over the document. */
export async function docxMapImages(version: ExportVersion): Promise<Map<string, DocxMapImage>> {
  const out = new Map<string, DocxMapImage>();
  for (const embed of version.embeds?.embeds ?? []) {
    if (embed.result.kind !== "map" || out.has(embed.key)) continue;
    const map = renderMapEmbed(embed.result, version.language);
    let png: Uint8Array | null = null;
    try {
      png = await svgToPng(map.svg);
    } catch (error) {
      if (!(error instanceof PdfUnavailableError)) throw error;
    }
    out.set(embed.key, { svg: map.svg, png, notMapped: map.notMapped });
  }
  return out;
}

export function incidentMapBlocks(embed: FrozenEmbed | null, ctx: DocxContext): Paragraph[] {
  const { labels, version } = ctx;
  const image = embed ? ctx.maps?.get(embed.key) : undefined;
  if (!embed || embed.result.kind !== "map" || !image) return [small(labels.embedUnavailable, ctx)];
  const result = embed.result;
  const title = fill(labels.mapTitle, { extent: labels.mapExtents[result.extent] });
  const blocks: Paragraph[] = [small(title, ctx, false)];
  if (image.png) {
    const { width, height } = svgSize(image.svg);
    blocks.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: "svg",
            data: Buffer.from(image.svg, "utf8"),
            fallback: { type: "png", data: image.png },
            transformation: {
              width: PICTURE_WIDTH,
              height: Math.round((PICTURE_WIDTH * height) / width),
            },
            altText: { name: "incident-map", title, description: labels.mapAlt },
          }),
        ],
      }),
    );
  }
  const notes = [
    fill(labels.mapNotMapped, { count: formatNumber(image.notMapped, version.language) }),
  ];
  if (result.truncated) {
    notes.push(
      fill(labels.mapTruncated, { count: formatNumber(result.rows.length, version.language) }),
    );
  }
  blocks.push(small(notes.join(" "), ctx, false), dataCaption(embed, ctx));
  return blocks;
}
