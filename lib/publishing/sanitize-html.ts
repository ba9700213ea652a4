/**
 * The last gate before published HTML reaches readers, the PDF printer and exports. The
 * renderer already escapes text and maps our nodes, but node attributes and link hrefs come
 * from a Yjs document any collaborator can write raw updates to, so everything is passed
 * through an allow-list: only the tags, attributes and classes the renderer emits survive,
 * links keep http/https/mailto or in-page (#fn-…) targets, and nothing executable does.
 */
import sanitizeHtml from "sanitize-html";
import { isTextDirection } from "@/lib/editor/text-direction";

const TEXT_TAGS = [
  "p",
  "h1",
  "h2",
  "h3",
  "blockquote",
  "ul",
  "ol",
  "li",
  "br",
  "hr",
  "pre",
  "code",
];
const INLINE_TAGS = ["a", "strong", "b", "em", "i", "u", "s", "sup", "sub", "span", "bdi", "mark"];
const TABLE_TAGS = [
  "table",
  "caption",
  "colgroup",
  "col",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
];
const SECTION_TAGS = ["section", "div", "figure", "figcaption", "footer", "aside"];
const SVG_TAGS = ["svg", "g", "rect", "line", "polyline", "text", "title", "path", "circle"];

/** Classes the renderer puts on elements (lib/publishing/render-html.ts, render-embeds.ts). */
const CLASSES = [
  "brief-body",
  "citation",
  "fn-ref",
  "footnotes",
  "footnote",
  "fn-back",
  "bibliography",
  "bib-entry",
  "nocase",
  "embed",
  "embed-table",
  "embed-figure",
  "embed-chart",
  "embed-caption",
  "embed-missing",
  "num",
  "axis",
  "bar",
  "tick",
  "deaths",
  "deaths-line",
  "chart-legend",
  "legend-bar",
  "legend-line",
  "removed",
  "missing",
  "embed-map",
  "embed-map-title",
  "embed-map-note",
  "incident-map-svg",
];

const SVG_ATTRIBUTES = [
  "x",
  "y",
  "x1",
  "x2",
  "y1",
  "y2",
  "width",
  "height",
  "points",
  "text-anchor",
  "fill",
  // The incident map's drawing (lib/incidents/map/render-svg.ts): shapes and their look.
  "d",
  "cx",
  "cy",
  "r",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "fill-opacity",
  "font-size",
  "font-weight",
  "direction",
];

/** What the map's marks and layers say about themselves (tests and styles read them). */
const MAP_DATA_ATTRIBUTES = [
  "data-layer",
  "data-mark",
  "data-count",
  "data-precision",
  "data-lon-lat",
  "data-country",
  "data-country-label",
];

/**
 * SVG drawing values are numbers, colours, path commands and font names: nothing with
 * parentheses, colons or quotes survives, so no url(), javascript: or expression().
 */
const SAFE_SVG_VALUE = /^[#\w\s.,%-]*$/;
const SVG_NAMESPACE = "http://www.w3.org/2000/svg";
const SVG_TAG_SET = new Set(SVG_TAGS);

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...TEXT_TAGS, ...INLINE_TAGS, ...TABLE_TAGS, ...SECTION_TAGS, ...SVG_TAGS],
  allowedAttributes: {
    "*": ["dir", "class", "id", "lang", "title", "aria-label", "role"],
    a: ["href", "rel", "target"],
    ol: ["start"],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
    col: ["span"],
    // citeproc's own formatting (small caps, italics…), restricted by allowedStyles.
    span: ["style"],
    svg: ["viewbox", "viewBox", "xmlns", "width", "height", "font-family"],
    figure: ["data-not-mapped"],
    ...Object.fromEntries(
      ["rect", "line", "polyline", "text", "path", "circle", "g"].map((t) => [
        t,
        [...SVG_ATTRIBUTES, ...MAP_DATA_ATTRIBUTES],
      ]),
    ),
  },
  allowedClasses: { "*": CLASSES },
  allowedStyles: {
    span: {
      "font-variant": [/^(small-caps|normal)$/],
      "font-style": [/^(italic|normal)$/],
      "font-weight": [/^(bold|normal)$/],
      "text-decoration": [/^(underline|none)$/],
      "vertical-align": [/^(super|sub|baseline)$/],
    },
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href", "src", "cite", "action", "xlink:href"],
  allowProtocolRelative: false,
  // Dropped with their content, not unwrapped into text.
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "noscript",
    "iframe",
    "object",
    "template",
  ],
  disallowedTagsMode: "discard",
  parser: { lowerCaseAttributeNames: false },
  transformTags: { "*": tidyTag },
};

/**
 * Values the allow-list cannot express: `dir` only auto/ltr/rtl, ids only our own anchors
 * (fn-N, fnref-N, bib-N), links either in-page or opening elsewhere without an opener.
 */
function tidyTag(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const out: sanitizeHtml.Attributes = { ...attribs };
  if (out.dir !== undefined && !isTextDirection(out.dir)) delete out.dir;
  if (out.id !== undefined && !/^(fn|fnref|bib)-[A-Za-z0-9_-]{1,64}$/.test(out.id)) delete out.id;
  if (SVG_TAG_SET.has(tagName)) {
    for (const [name, value] of Object.entries(out)) {
      const text = name === "aria-label" || name === "title";
      const namespace = name === "xmlns" && value === SVG_NAMESPACE;
      if (!text && !namespace && !SAFE_SVG_VALUE.test(value)) {
        delete out[name];
      }
    }
  }
  if (tagName === "a") {
    const href = out.href ?? "";
    if (href.startsWith("#")) {
      if (!/^#[A-Za-z0-9_-]{1,64}$/.test(href)) delete out.href;
      delete out.target;
      delete out.rel;
    } else {
      out.rel = "noopener noreferrer";
      if (out.target !== undefined) out.target = "_blank";
    }
  }
  return { tagName, attribs: out };
}

export function sanitizePublishedHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
