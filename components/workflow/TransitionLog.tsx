import { getFormatter, getTranslations } from "next-intl/server";
import { TlpLabel } from "@/components/tradecraft/TlpLabel";
import type { ReviewPanelData } from "@/lib/workflow/queries";

/** The audit log of a brief: who took which step, when, from which status to which. */
export async function TransitionLog({ log }: { log: ReviewPanelData["log"] }) {
  const t = await getTranslations("workflow.log");
  const status = await getTranslations("status");
  const format = await getFormatter();
  return (
    <section aria-labelledby="review-log-title">
      <h3 id="review-log-title">{t("title")}</h3>
      {log.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ol className="review-log" data-testid="review-log">
          {log.map((entry) => (
            <li key={entry.id} data-testid="review-log-entry" data-kind={entry.kind}>
              <strong>{t.has(`kind.${entry.kind}`) ? t(`kind.${entry.kind}`) : entry.kind}</strong>{" "}
              {entry.marking && (
                <span data-testid="marking-change">
                  <TlpLabel marking={entry.marking.from} /> →{" "}
                  <TlpLabel marking={entry.marking.to} />{" "}
                </span>
              )}
              <span>
                {entry.from === entry.to
                  ? (entry.actor ?? t("system"))
                  : t("entry", {
                      actor: entry.actor ?? t("system"),
                      from: status(entry.from),
                      to: status(entry.to),
                    })}
              </span>{" "}
              <time className="muted" dateTime={entry.at.toISOString()}>
                {format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "short" })}
              </time>
              {entry.comment && (
                <blockquote dir="auto" className="review-log-comment">
                  {entry.comment}
                </blockquote>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
