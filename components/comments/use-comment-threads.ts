"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useCallback, useEffect, useRef, useState } from "react";
import { listCommentThreadsAction } from "@/app/(workspace)/w/[workspace]/briefs/[briefId]/comment-actions";
import type { ActionResult } from "@/lib/actions/result";
import type { CommentThreadsView } from "@/lib/comments/queries";
import { COMMENT_SIGNAL } from "@/lib/comments/signal";

export type CommentThreadsState = {
  data: CommentThreadsView | null;
  /** The last failed fetch (the previous data, if any, stays shown). */
  error: ActionResult<unknown> | null;
  /** Only the first fetch shows as loading; refetches keep the list on screen. */
  loading: boolean;
  refresh: () => Promise<void>;
  /** After a successful change: refetch here, and tell the brief's other viewers to refetch. */
  changed: () => Promise<void>;
};

/**
 * The brief's threads, kept current: fetched on mount, when another client pings
 * COMMENT_SIGNAL over the collab connection, when the window regains focus and when the
 * provider (re)syncs after a reconnect — a ping sent while we were offline is lost.
 */
export function useCommentThreads(
  workspaceSlug: string,
  briefId: string,
  provider: HocuspocusProvider,
): CommentThreadsState {
  const [data, setData] = useState<CommentThreadsView | null>(null);
  const [error, setError] = useState<ActionResult<unknown> | null>(null);
  // Answers can arrive out of order; only the newest request may set state.
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    const result = await listCommentThreadsAction(workspaceSlug, briefId).catch(
      (): ActionResult<CommentThreadsView> => ({
        ok: false,
        error: { code: "unexpected", values: {} },
      }),
    );
    if (request !== latest.current) return;
    if (result.ok) {
      setData(result.data);
      setError(null);
    } else {
      setError(result);
    }
  }, [workspaceSlug, briefId]);

  const changed = useCallback(async () => {
    provider.sendStateless(COMMENT_SIGNAL);
    await refresh();
  }, [provider, refresh]);

  useEffect(() => {
    const onStateless = ({ payload }: { payload: string }) => {
      if (payload === COMMENT_SIGNAL) void refresh();
    };
    const onSynced = ({ state }: { state: boolean }) => {
      if (state) void refresh();
    };
    const onFocus = () => void refresh();
    provider.on("stateless", onStateless);
    provider.on("synced", onSynced);
    window.addEventListener("focus", onFocus);
    // Fetching on mount is the point of this effect; state is only set once the answer
    // arrives (after an await), never synchronously.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
    return () => {
      provider.off("stateless", onStateless);
      provider.off("synced", onSynced);
      window.removeEventListener("focus", onFocus);
    };
  }, [provider, refresh]);

  return { data, error, loading: data === null && error === null, refresh, changed };
}
