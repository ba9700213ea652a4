import { PRINT_FONT_STACK, PRINT_FONT_STACK_AR } from "./pdf-fonts";

/**
 * Print styles of the PDF: A4 pages (margins are set by the printer, see pdf.ts), headings
 * kept with what follows, table headers repeated on every page, rows never split, charts
 * and maps scaled to the column. Logical properties throughout, so RTL versions mirror by `dir`.
 */
export const PRINT_CSS = `
@page { size: A4; }
html { font-family: ${PRINT_FONT_STACK}; font-size: 10.5pt; line-height: 1.5; color: #111; }
html[lang="ar"] { font-family: ${PRINT_FONT_STACK_AR}; font-size: 11.5pt; }
body { margin: 0; }
[dir="rtl"] { font-family: ${PRINT_FONT_STACK_AR}; }
.version-head { border-block-end: 1.5pt solid #222; padding-block-end: 6pt; margin-block-end: 14pt; }
.version-head h1 { font-size: 20pt; line-height: 1.25; margin: 0 0 4pt; }
.version-head p { margin: 0; color: #444; font-size: 9.5pt; }
h1, h2, h3 { line-height: 1.3; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 16pt; margin-block: 16pt 6pt; }
h2 { font-size: 13.5pt; margin-block: 14pt 4pt; }
h3 { font-size: 11.5pt; margin-block: 12pt 4pt; }
p { margin-block: 0 6pt; orphans: 3; widows: 3; }
/* Padding on both sides: an item's own dir (auto) may differ from its list's, and a marker
   outside the page box is not printed. */
ul, ol { margin-block: 0 6pt; padding-inline: 18pt; }
li > p { margin-block-end: 2pt; }
blockquote { margin-block: 6pt; margin-inline: 12pt 0; padding-inline-start: 8pt; border-inline-start: 2pt solid #bbb; color: #333; }
hr { border: none; border-block-start: 0.75pt solid #999; margin-block: 10pt; }
a { color: #0b4f8a; text-decoration: none; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin-block: 6pt 8pt; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: start; vertical-align: top; }
th { background: #eee; }
td.num { text-align: end; font-variant-numeric: tabular-nums; }
table caption { caption-side: top; text-align: start; font-size: 9pt; color: #333; padding-block-end: 2pt; }
figure { margin: 8pt 0; break-inside: avoid; page-break-inside: avoid; }
figure.embed-table { break-inside: auto; page-break-inside: auto; }
.embed-caption, figcaption { font-size: 8.5pt; color: #555; font-style: italic; }
svg { max-width: 100%; height: auto; }
svg .bar { fill: #4c78a8; }
svg .axis { stroke: #555; stroke-width: 1; }
svg .tick { font-size: 11px; fill: #333; }
svg .deaths { fill: #c0392b; }
svg .deaths-line { stroke: #c0392b; stroke-width: 2; fill: none; }
.chart-legend { font-size: 8.5pt; color: #333; }
.embed-map svg { font-family: inherit; }
.embed-map-title { font-weight: 700; margin-block-end: 3pt; }
.embed-map-note { font-size: 8.5pt; color: #555; margin-block: 3pt 0; }
.legend-bar::before { content: ""; display: inline-block; inline-size: 8pt; block-size: 8pt; background: #4c78a8; margin-inline-end: 3pt; }
.legend-line::before { content: ""; display: inline-block; inline-size: 10pt; block-size: 2pt; background: #c0392b; margin-inline-end: 3pt; vertical-align: middle; }
.embed-figure { font-weight: 700; }
.embed-missing, .missing { color: #a33; font-style: italic; }
sup.fn-ref { font-size: 7pt; line-height: 0; }
sup.fn-ref a { color: inherit; }
.footnotes, .bibliography { font-size: 9pt; border-block-start: 0.75pt solid #999; margin-block-start: 16pt; padding-block-start: 4pt; }
.footnotes h2, .bibliography h2 { font-size: 11pt; }
.fn-back { display: none; }
.bibliography ul { list-style: none; padding-inline-start: 0; }
.bib-entry { padding-inline-start: 18pt; text-indent: -18pt; margin-block-end: 3pt; }
`;
