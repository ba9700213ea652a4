"use client";

import { useFormatter, useTranslations } from "next-intl";
import { rowsHref } from "./use-embed-data";

/** "Data as of <time>" and a link to the rows behind the embed. */
type Props = {
  asOf: string | undefined;
  filter: Record<string, unknown>;
  /** Rows behind this embed that the latest import changed or removed, and when it ran. */
  changed?: { rows: number; removed: number; at: string | null };
};

export function EmbedFooter({ asOf, filter, changed }: Props) {
  const t = useTranslations("incidents.embed");
  const format = useFormatter();
  return (
    <span className="incident-embed-footer">
      {asOf && (
        <span data-testid="embed-as-of">
          {t("asOf", {
            time: format.dateTime(new Date(asOf), { dateStyle: "medium", timeStyle: "short" }),
          })}
        </span>
      )}{" "}
      {changed && changed.rows > 0 && changed.at && (
        <span className="incident-embed-changed" data-testid="embed-changed">
          {t("changed", {
            count: changed.rows,
            time: format.dateTime(new Date(changed.at), {
              dateStyle: "medium",
              timeStyle: "short",
            }),
          })}{" "}
        </span>
      )}
      {changed && changed.removed > 0 && changed.at && (
        <span className="incident-embed-changed" data-testid="embed-removed">
          {t("removed", {
            count: changed.removed,
            time: format.dateTime(new Date(changed.at), {
              dateStyle: "medium",
              timeStyle: "short",
            }),
          })}{" "}
        </span>
      )}
      <a href={rowsHref(filter)} target="_blank" rel="noopener">
        {t("rows")}
      </a>
    </span>
  );
}
