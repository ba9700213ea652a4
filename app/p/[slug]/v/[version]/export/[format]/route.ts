import { PdfUnavailableError } from "@/lib/export/pdf-browser";
import { CONTENT_TYPES, contentDisposition, findVersionExport } from "@/lib/export/version-export";
import { errorJson, visitorRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";
// Chromium (playwright-core) and node:zlib: the Node.js runtime, never the edge.
export const runtime = "nodejs";

/** The PDF or DOCX of a published version; 404 alike for "missing" and "not yours". */
export const GET = visitorRoute<{ slug: string; version: string; format: string }>(
  async ({ params: { slug, version, format }, user }) => {
    let found;
    try {
      found = await findVersionExport(slug, version, format, user?.id ?? null);
    } catch (error) {
      // A server without Chromium still serves DOCX; say why the PDF is missing.
      if (error instanceof PdfUnavailableError) {
        console.error("[export]", error.message);
        return errorJson(503, "pdfUnavailable");
      }
      throw error;
    }
    if (!found) return errorJson(404, "notFound");
    return new Response(new Uint8Array(found.bytes), {
      headers: {
        "Content-Type": CONTENT_TYPES[found.format],
        "Content-Disposition": contentDisposition(found.filename),
        "Content-Length": String(found.bytes.byteLength),
        // The bytes never change, but access may (a public link withdrawn, a member removed):
        // browsers may keep their copy, shared caches must not.
        "Cache-Control": "private, max-age=3600",
      },
    });
  },
);
