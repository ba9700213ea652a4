import { describe, expect, it } from "vitest";
import { safeVersionHtml } from "./safe-version-html";
import { sanitizePublishedHtml } from "./sanitize-html";

/** Nothing executable may survive, whatever the spelling. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script|<style|<iframe|<object|<embed|<form|<img|<svg[^>]*onload/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/javascript:|vbscript:|data:/i);
}

describe("sanitizePublishedHtml", () => {
  it("drops script, style, iframe and their content", () => {
    const out = sanitizePublishedHtml(
      '<p>a<script>alert(1)</script>b<style>p{color:red}</style><iframe src="https://x"></iframe>c</p>',
    );
    expect(out).toBe("<p>abc</p>");
  });

  it("drops event handlers and unknown attributes but keeps allowed ones", () => {
    const out = sanitizePublishedHtml(
      '<p dir="rtl" onclick="alert(1)" data-x="1" style="color:red">x</p><img src=x onerror=alert(1)>',
    );
    expect(out).toBe('<p dir="rtl">x</p>');
  });

  it("keeps only http, https and mailto links, and gives them a safe rel", () => {
    const out = sanitizePublishedHtml(
      [
        '<a href="javascript:alert(1)">a</a>',
        '<a href="JaVaScRiPt:alert(1)">b</a>',
        '<a href="java&#x09;script:alert(1)">c</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">d</a>',
        '<a href="vbscript:msgbox">e</a>',
        '<a href="//evil.example/x">f</a>',
        '<a href="https://example.org/" target="_top" rel="opener">g</a>',
        '<a href="mailto:desk@example.org">h</a>',
      ].join(""),
    );
    expectInert(out);
    expect(out).toContain(
      '<a href="https://example.org/" target="_blank" rel="noopener noreferrer">g</a>',
    );
    expect(out).toContain('<a href="mailto:desk@example.org" rel="noopener noreferrer">h</a>');
    expect(out).not.toContain("evil.example");
    for (const text of ["a", "b", "c", "d", "e", "f"]) expect(out).toContain(`>${text}</a>`);
  });

  it("keeps in-page footnote links as they are and strips odd fragments", () => {
    const out = sanitizePublishedHtml(
      '<a href="#fn-3">3</a><a href="#x&quot; onclick=&quot;y">z</a>',
    );
    expect(out).toBe('<a href="#fn-3">3</a><a>z</a>');
  });

  it("refuses dir values other than auto/ltr/rtl and ids other than our anchors", () => {
    const out = sanitizePublishedHtml(
      '<p dir="rtl" id="fn-1">a</p><p dir="evil" id="__proto__">b</p><li id="bib-2">c</li>',
    );
    expect(out).toBe('<p dir="rtl" id="fn-1">a</p><p>b</p><li id="bib-2">c</li>');
  });

  it("keeps only the classes the renderer emits", () => {
    const out = sanitizePublishedHtml('<sup class="fn-ref evil">1</sup><div class="x">y</div>');
    expect(out).toBe('<sup class="fn-ref">1</sup><div>y</div>');
  });

  it("keeps citeproc's harmless inline styles only", () => {
    const out = sanitizePublishedHtml(
      '<span style="font-variant:small-caps">A</span><span style="background:url(javascript:x)">B</span>',
    );
    expect(out).toBe('<span style="font-variant:small-caps">A</span><span>B</span>');
  });

  it("keeps the chart SVG but not SVG scripting", () => {
    const out = sanitizePublishedHtml(
      '<svg viewBox="0 0 10 10" onload="alert(1)"><rect x="1" y="2" width="3" height="4" class="bar"><title>t</title></rect><script>x()</script><a href="javascript:x"><text x="1">q</text></a><foreignObject><p>f</p></foreignObject><use href="#x"></use></svg>',
    );
    expectInert(out);
    expect(out).toContain('<svg viewBox="0 0 10 10">');
    expect(out).toContain(
      '<rect x="1" y="2" width="3" height="4" class="bar"><title>t</title></rect>',
    );
    expect(out).not.toContain("<use");
    expect(out).not.toContain("foreignObject");
  });

  it("escapes stray markup in text", () => {
    const out = sanitizePublishedHtml("<p>1 < 2 &amp; <b>bold</b></p>");
    expect(out).toBe("<p>1 &lt; 2 &amp; <b>bold</b></p>");
  });

  it("is applied again when a stored version is served", () => {
    const version = { id: "v-hostile", html: '<p onclick="x()">a<script>alert(1)</script></p>' };
    expect(safeVersionHtml(version)).toBe("<p>a</p>");
    expect(safeVersionHtml(version)).toBe("<p>a</p>");
  });
});
