/**
 * citeproc escapes every field it prints and adds only its own formatting tags. This keeps
 * exactly those tags (no attribute but a plain inline style) and escapes anything else, so a
 * formatted note is safe to insert as HTML even if a style or engine version emitted more.
 */
const ALLOWED = /^<\/?(i|b|sup|sub)>$|^<span(?: style="[a-z\-:; ]+"| class="nocase")?>$|^<\/span>$/;

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function sanitizeCitationHtml(html: string): string {
  return html
    .replace(/<div class="csl-[a-z-]+">|<\/div>/g, "")
    .replace(/<[^>]*>?/g, (tag) => (ALLOWED.test(tag) ? tag : escape(tag)))
    .trim();
}
