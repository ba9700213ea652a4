import { escapeHtml as esc } from "@/lib/publishing/render-labels";
import { documentDate, titleLabels } from "./document-labels";
import type { ExportVersion } from "./export-version";
import { embeddedFontCss } from "./pdf-fonts";
import { PRINT_CSS } from "./print-css";
import { TLP_COLOURS, tlpLabel } from "@/lib/tradecraft/tlp";

/**
 * The self-contained HTML document the PDF is printed from: fonts inlined, print CSS, a
 * title block (title, version, publication date, approver) and the version's stored HTML,
 * which already holds the body, the notes and the bibliography, sanitized at publication.
 * Nothing in it refers to the network.
 */
export function printDocument(version: ExportVersion): string {
  const labels = titleLabels(version.language);
  const dir = version.direction === "RTL" ? "rtl" : "ltr";
  const date = (d: Date) => documentDate(d, version.language);
  const meta = `${labels.version(version.number)} · ${labels.published(date(version.publishedAt))}`;
  return `<!doctype html>
<html lang="${esc(version.language)}" dir="${dir}">
<head>
<meta charset="utf-8">
<title>${esc(version.title)} — ${esc(labels.version(version.number))}</title>
<style>${embeddedFontCss()}
${PRINT_CSS}</style>
</head>
<body>
<header class="version-head">
<h1>${esc(version.title)}</h1>
<p>${esc(meta)}</p>
<p>${esc(labels.approvedBy(version.approverName, date(version.approvedAt)))}</p>
</header>
<main>${version.html}</main>
</body>
</html>`;
}

/**
 * Chromium's running header (title, version) and footer ("slug · vN · page / pages"). They
 * are drawn outside the page and cannot use its web fonts: installed fonts only (Debian's
 * DejaVu Sans, a Chromium dependency, has Arabic), and the footer keeps to ASCII and digits.
 */
const TEMPLATE_STYLE =
  "font-family: 'DejaVu Sans', sans-serif; font-size: 7.5pt; color: #555; box-sizing: border-box; inline-size: 100%; padding-inline: 18mm;";

export function printHeaderTemplate(version: ExportVersion): string {
  const dir = version.direction === "RTL" ? "rtl" : "ltr";
  const label = titleLabels(version.language).version(version.number);
  return `<div style="${TEMPLATE_STYLE} display: flex; justify-content: space-between; align-items: center;" dir="${dir}"><span>${esc(version.title)}</span><span>${esc(label)}${markingTemplate(version)}</span></div>`;
}

export function printFooterTemplate(version: ExportVersion): string {
  const label = `${version.slug} · v${version.number}`;
  return `<div style="${TEMPLATE_STYLE} display: flex; justify-content: space-between; align-items: center;" dir="ltr"><span>${esc(label)} · <span class="pageNumber"></span> / <span class="totalPages"></span></span>${markingTemplate(version)}</div>`;
}

/**
 * The TLP label as FIRST asks for it on documents: in the header and footer of every page,
 * 12 pt, the label's colour on black, right-aligned in left-to-right text, never translated.
 */
function markingTemplate(version: ExportVersion): string {
  if (!version.tlp) return "";
  const colour = TLP_COLOURS[version.tlp];
  return ` <span dir="ltr" style="font-size: 12pt; font-weight: bold; background: #000; color: ${colour}; padding: 0 4pt; margin-inline-start: 8pt; -webkit-print-color-adjust: exact;">${esc(tlpLabel(version.tlp))}</span>`;
}
