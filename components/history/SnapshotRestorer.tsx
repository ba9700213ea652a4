"use client";

import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useParams, usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { beginRestoreAction } from "@/app/(workspace)/w/[workspace]/briefs/[briefId]/history/actions";
import type { ConnectionState } from "@/components/editor/use-collab-session";
import { setCitationStyleInDoc } from "@/lib/citations/brief-settings";

type Props = { editor: Editor; doc: Y.Doc; briefId: string; state: ConnectionState };
type Status =
  | { kind: "idle" }
  | { kind: "restoring" }
  | { kind: "restored" }
  | { kind: "failed"; reason: string };

/**
 * The browser half of a restore (the history page links to the brief with ?restore=<id>).
 * Once the collab session is synced, the server records the current draft (BEFORE_RESTORE)
 * and returns the snapshot; this editor then replaces its content with it, inside the
 * Yjs-bound editor, so the restore is one ordinary edit: co-editors receive it live, it is
 * logged and compacted like any other, and history stays as it was. The citation style,
 * which lives beside the content in the Y.Doc, is set back too. Runs once per snapshot id,
 * then drops the parameter so a reload does not restore again.
 */
export function SnapshotRestorer({ editor, doc, briefId, state }: Props) {
  const t = useTranslations("history");
  const te = useTranslations("errors");
  const snapshotId = useSearchParams().get("restore");
  const { workspace } = useParams<{ workspace: string }>();
  const pathname = usePathname();
  const router = useRouter();
  const started = useRef<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  useEffect(() => {
    if (!snapshotId || state !== "saved" || started.current === snapshotId) return;
    started.current = snapshotId;
    setStatus({ kind: "restoring" });
    void beginRestoreAction(workspace, { briefId, snapshotId })
      .then((result) => {
        if (!result.ok) {
          setStatus({ kind: "failed", reason: te(result.error.code, result.error.values) });
          return;
        }
        editor.commands.setContent(result.data.contentJson);
        if (result.data.citationStyle) setCitationStyleInDoc(doc, result.data.citationStyle);
        setStatus({ kind: "restored" });
      })
      .catch(() => setStatus({ kind: "failed", reason: te("unexpected") }))
      .finally(() => router.replace(pathname, { scroll: false }));
  }, [snapshotId, state, workspace, briefId, editor, doc, pathname, router, te]);

  if (status.kind === "idle") return null;
  return (
    <p
      className={status.kind === "failed" ? "error" : "banner"}
      role={status.kind === "failed" ? "alert" : "status"}
      data-testid="restore-status"
      data-state={status.kind}
    >
      {status.kind === "restoring" && t("restoring")}
      {status.kind === "restored" && t("restored")}
      {status.kind === "failed" && t("restoreFailed", { reason: status.reason })}
    </p>
  );
}
