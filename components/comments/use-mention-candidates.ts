"use client";

import { useEffect, useState } from "react";
import { listMentionCandidatesAction } from "@/app/(workspace)/w/[workspace]/briefs/[briefId]/comment-actions";
import type { MentionPerson } from "@/lib/comments/mention-text";

/** Workspace members for the @ picker, fetched once for people who may comment. */
export function useMentionCandidates(
  workspaceSlug: string,
  briefId: string,
  enabled: boolean,
): MentionPerson[] {
  const [people, setPeople] = useState<MentionPerson[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void listMentionCandidatesAction(workspaceSlug, briefId).then((result) => {
      if (live && result.ok) setPeople(result.data);
    });
    return () => {
      live = false;
    };
  }, [workspaceSlug, briefId, enabled]);
  return people;
}
