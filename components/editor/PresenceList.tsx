"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { presenceColor } from "@/lib/collab/presence-color";

type Present = { id: string; name: string; color: string };

/** Who has the brief open right now, from the awareness states (one entry per person). */
export function PresenceList({ provider }: { provider: HocuspocusProvider }) {
  const t = useTranslations("editor");
  const [people, setPeople] = useState<Present[]>([]);
  useEffect(() => {
    const awareness = provider.awareness;
    if (!awareness) return;
    const refresh = () => {
      const byId = new Map<string, Present>();
      for (const state of awareness.getStates().values()) {
        const user = state.user as Partial<Present> | undefined;
        if (user?.id && user.name)
          byId.set(user.id, { id: user.id, name: user.name, color: presenceColor(user.color) });
      }
      setPeople([...byId.values()]);
    };
    refresh();
    awareness.on("change", refresh);
    return () => awareness.off("change", refresh);
  }, [provider]);

  return (
    <ul className="presence" aria-label={t("presence")} data-testid="presence-list">
      {people.map((person) => (
        <li key={person.id} title={person.name} style={{ borderColor: person.color }}>
          <span className="presence-dot" style={{ background: person.color }} aria-hidden />
          {person.name}
        </li>
      ))}
    </ul>
  );
}
