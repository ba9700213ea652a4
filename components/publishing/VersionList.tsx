import Link from "next/link";
import type { VersionSummary } from "@/lib/publishing/queries";
import { versionPath } from "@/lib/publishing/reader";

type Props = {
  slug: string;
  versions: VersionSummary[];
  current: number;
  formatDate: (date: Date) => string;
  labels: { title: string; current: string; item: (number: number, date: string) => string };
};

/** Every published version of the brief, newest first, the one shown marked. */
export function VersionList({ slug, versions, current, formatDate, labels }: Props) {
  return (
    <section className="reader-versions">
      <h2>{labels.title}</h2>
      <ol data-testid="version-list">
        {versions.map((v) => (
          <li key={v.id} data-testid="version-item">
            {v.number === current ? (
              <span aria-current="page">
                {labels.item(v.number, formatDate(v.publishedAt))} {labels.current}
              </span>
            ) : (
              <Link href={versionPath(slug, v.number)}>
                {labels.item(v.number, formatDate(v.publishedAt))}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
