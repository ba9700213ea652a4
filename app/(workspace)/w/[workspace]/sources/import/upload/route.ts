import { NextResponse } from "next/server";
import { runAction } from "@/lib/actions/workspace-action";
import { getSessionUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors/domain-error";
import { importSources } from "@/lib/sources/import-sources";
import { IMPORT_MAX_BYTES } from "@/lib/sources/parse-import";
import { findWorkspaceAccess } from "@/lib/workspaces/queries";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * Preview (`?commit=0`) or import (`?commit=1`) of an export sent as the request body. A route
 * handler rather than a server action: server actions cap bodies at 1 MB, exports reach 5 MB.
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ workspace: string }> },
) {
  const user = await getSessionUser();
  if (!user)
    return NextResponse.json(
      { ok: false, error: { code: "unauthenticated", values: {} } },
      { status: 401, headers: NO_STORE },
    );
  const { workspace } = await params;
  const access = await findWorkspaceAccess(workspace, user.id);
  if (!access)
    return NextResponse.json(
      { ok: false, error: { code: "notFound", values: {} } },
      { status: 404, headers: NO_STORE },
    );
  const commit = new URL(request.url).searchParams.get("commit") === "1";
  const result = await runAction(async () => {
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > IMPORT_MAX_BYTES + 1024) {
      throw new DomainError("importTooLarge", { max: IMPORT_MAX_BYTES / 1024 / 1024 });
    }
    return importSources(access.member, await request.text(), commit);
  });
  return NextResponse.json(result, { headers: NO_STORE });
}
