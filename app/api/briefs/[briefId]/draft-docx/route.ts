import { draftDocx } from "@/lib/export/draft-docx";
import { CONTENT_TYPES, contentDisposition } from "@/lib/export/version-export";
import { userRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The live draft as Word, pending suggestions as tracked changes; for the brief's editors. */
export const GET = userRoute<{ briefId: string }>(async ({ params: { briefId }, user }) => {
  const { bytes, filename } = await draftDocx(user.id, briefId);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": CONTENT_TYPES.docx,
      "Content-Disposition": contentDisposition(filename),
      "Content-Length": String(bytes.byteLength),
      // The draft changes with every keystroke, and access with every role change.
      "Cache-Control": "no-store",
    },
  });
});
