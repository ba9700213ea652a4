import { getSessionUser } from "@/lib/auth/session";
import { PdfUnavailableError } from "@/lib/export/pdf-browser";
import { CONTENT_TYPES, contentDisposition, findVersionExport } from "@/lib/export/version-export";

export const dynamic = "force-dynamic";
// Chromium (playwright-core) and node:zlib: the Node.js runtime, never the edge.
export const runtime = "nodejs";

type Params = { params: Promise<{ slug: string; version: string; format: string }> };

const NO_STORE = { "Cache-Control": "no-store" };

/** The PDF or DOCX of a published version; 404 alike for "missing" and "not yours". */
export async function GET(_request: Request, { params }: Params) {
  const { slug, version, format } = await params;
  const user = await getSessionUser();
  let found;
  try {
    found = await findVersionExport(slug, version, format, user?.id ?? null);
  } catch (error) {
    // A server without Chromium still serves DOCX; say why the PDF is missing.
    if (error instanceof PdfUnavailableError) {
      console.error("[export]", error.message);
      return new Response("PDF export is not available on this server.", {
        status: 503,
        headers: NO_STORE,
      });
    }
    throw error;
  }
  if (!found) return new Response("Not found", { status: 404, headers: NO_STORE });
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
}
