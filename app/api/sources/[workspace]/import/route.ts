import { NextResponse } from "next/server";
import { runAction } from "@/lib/actions/workspace-action";
import { readLimitedText } from "@/lib/http/read-limited-body";
import { NO_STORE, workspaceRoute } from "@/lib/http/route";
import { DomainError } from "@/lib/errors/domain-error";
import { importSources } from "@/lib/sources/import-sources";
import { IMPORT_MAX_BYTES } from "@/lib/sources/parse-import";

export const dynamic = "force-dynamic";

const tooLarge = () => new DomainError("importTooLarge", { max: IMPORT_MAX_BYTES / 1024 / 1024 });

/**
 * Preview (`?commit=0`) or import (`?commit=1`) of an export sent as the request body. A route
 * handler rather than a server action: server actions cap bodies at 1 MB, exports reach 5 MB.
 * Only members who may add sources get their body read, and never past 5 MB (413).
 */
export const POST = workspaceRoute<{ workspace: string }>(
  "source.create",
  async ({ request, member }) => {
    const commit = new URL(request.url).searchParams.get("commit") === "1";
    const text = await readLimitedText(request, IMPORT_MAX_BYTES, tooLarge);
    const result = await runAction(() => importSources(member, text, commit));
    return NextResponse.json(result, { headers: NO_STORE });
  },
);
