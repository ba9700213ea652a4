"use client";

import { useTranslations } from "next-intl";
import type { ConnectionState } from "./use-collab-session";

export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const t = useTranslations("editor.status");
  return (
    <span
      className={`connection connection-${state}`}
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      data-state={state}
    >
      {t(state)}
    </span>
  );
}
