"use client";

import { useFormatter, useTranslations } from "next-intl";
import { rowsHref } from "./use-embed-data";

/** "Data as of <time>" and a link to the rows behind the embed. */
export function EmbedFooter({
  asOf,
  filter,
}: {
  asOf: string | undefined;
  filter: Record<string, unknown>;
}) {
  // prettier-ignore
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
      <a href={rowsHref(filter)} target="_blank" rel="noopener">
        {t("rows")}
      </a>
    </span>
  );
}
