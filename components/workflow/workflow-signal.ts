"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { WORKFLOW_SIGNAL } from "@/lib/comments/signal";

/** Fired on window by the review panel after a step succeeded (it has no collab provider). */
const STEP_EVENT = "briefroom:workflow-step";

export function announceWorkflowStep(): void {
  window.dispatchEvent(new Event(STEP_EVENT));
}

/**
 * Live review status: a step taken on this page is announced to the brief's other open pages
 * through the collab connection (a content-free ping the server relays), and a ping from
 * elsewhere refreshes this page's server-rendered panel (status, buttons, audit log).
 */
export function useWorkflowSignal(provider: HocuspocusProvider): void {
  const router = useRouter();
  useEffect(() => {
    const announce = () => provider.sendStateless(WORKFLOW_SIGNAL);
    const onStateless = ({ payload }: { payload: string }) => {
      if (payload === WORKFLOW_SIGNAL) router.refresh();
    };
    window.addEventListener(STEP_EVENT, announce);
    provider.on("stateless", onStateless);
    return () => {
      window.removeEventListener(STEP_EVENT, announce);
      provider.off("stateless", onStateless);
    };
  }, [provider, router]);
}
