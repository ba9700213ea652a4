"use client";

import { useEffect, useState } from "react";
import type { EmbedResult } from "@/lib/incidents/embeds";

/** How often a draft's embeds recompute while the brief is open. */
const REFRESH_MS = 60_000;

/** The workspace slug of the current page (/w/<slug>/…), for the embed API. */
export function workspaceSlugFromPath(): string {
  if (typeof window === "undefined") return "";
  return decodeURIComponent(window.location.pathname.split("/")[2] ?? "");
}

/**
 * Computes an embed's stored query on the server now, and again every minute and whenever
 * the query changes (a co-editor edited it): a draft always shows live data. `lang` asks
 * for the words drawn into the result (a map's labels) in the brief's language.
 */
export function useEmbedData<T = EmbedResult>(spec: string, lang?: string) {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({
    data: null,
    error: null,
  });
  useEffect(() => {
    if (!spec) return;
    let cancelled = false;
    const load = async () => {
      try {
        const slug = workspaceSlugFromPath();
        const language = lang ? `&lang=${encodeURIComponent(lang)}` : "";
        const response = await fetch(
          `/api/incidents/${encodeURIComponent(slug)}/embed?spec=${encodeURIComponent(spec)}${language}`,
          { cache: "no-store" },
        );
        const body = (await response.json()) as T | { error: { code: string } };
        if (cancelled) return;
        if (body && typeof body === "object" && "error" in body)
          setState({ data: null, error: body.error.code });
        else setState({ data: body, error: null });
      } catch {
        if (!cancelled) setState((s) => ({ ...s, error: "unexpected" }));
      }
    };
    void load();
    const timer = window.setInterval(load, REFRESH_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [spec, lang]);
  return state;
}

/** Link to the browser showing the rows behind an embed. */
export function rowsHref(filter: Record<string, unknown>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(filter))
    if (v !== undefined && v !== "") query.set(k, String(v));
  return `/w/${encodeURIComponent(workspaceSlugFromPath())}/incidents?${query.toString()}`;
}

export function parseSpec(
  spec: string,
): { filter: Record<string, unknown> } & Record<string, unknown> {
  try {
    const parsed = JSON.parse(spec) as Record<string, unknown>;
    return { ...parsed, filter: (parsed.filter as Record<string, unknown>) ?? {} };
  } catch {
    return { filter: {} };
  }
}
