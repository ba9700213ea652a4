import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SnapshotListItem } from "@/lib/history/queries";

type Props = {
  snapshots: SnapshotListItem[];
  /** The brief page's path, e.g. /w/western-mali/briefs/<id>. */
  base: string;
  language: string;
  canRestore: boolean;
};

/** The draft history, newest first: when, why, who, the opening words, and what to do with it. */
export async function SnapshotList({ snapshots, base, language, canRestore }: Props) {
  const t = await getTranslations("history");
  const format = await getFormatter();
  if (snapshots.length === 0) {
    return (
      <p className="empty" data-testid="history-empty">
        {t("empty")}
      </p>
    );
  }
  return (
    <ol className="snapshot-list" data-testid="snapshot-list">
      {snapshots.map((s) => (
        <li key={s.id} className="snapshot" data-testid="snapshot" data-reason={s.reason}>
          <div className="snapshot-head">
            <time dateTime={s.createdAt.toISOString()}>
              {format.dateTime(s.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
            </time>
            <span className="badge">{t(`reason.${s.reason}`)}</span>
            <span className="muted">
              {s.authors.length > 0
                ? t("authors", { names: format.list(s.authors) })
                : t("noAuthors")}
            </span>
          </div>
          {s.excerpt && (
            <p className="snapshot-excerpt" dir="auto" lang={language}>
              {s.excerpt}
            </p>
          )}
          <div className="snapshot-actions">
            <Link href={`${base}/history/${s.id}`} data-testid="view-snapshot">
              {t("view")}
            </Link>
            <Link href={`${base}/compare?from=s:${s.id}&to=draft`} data-testid="compare-snapshot">
              {t("compareWithDraft")}
            </Link>
            {canRestore && (
              <Link
                href={`${base}?restore=${s.id}`}
                data-testid="restore-link"
                title={t("restoreHint")}
              >
                {t("restore")}
              </Link>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
