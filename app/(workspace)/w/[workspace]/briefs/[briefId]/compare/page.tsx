import type { Metadata } from "next";
import { BriefSubpageHeader } from "@/components/history/BriefSubpageHeader";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CitationDiffView } from "@/components/compare/CitationDiffView";
import { CompareSelectors } from "@/components/compare/CompareSelectors";
import { DataDiffView } from "@/components/compare/DataDiffView";
import { TextDiffView } from "@/components/compare/TextDiffView";
import { compareBrief, compareChoices } from "@/lib/compare/queries";
import { parseRef } from "@/lib/compare/refs";
import { isDatabaseUnavailableError } from "@/lib/errors/database-unavailable";
import { isDomainError } from "@/lib/errors/domain-error";
import { requireBriefPage } from "@/lib/briefs/brief-page";

type Props = {
  params: Promise<{ workspace: string; briefId: string }>;
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history.compare");
  return { title: t("title") };
}

function Section(props: {
  title: string;
  count: number;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <section className="compare-section" data-testid={props.testId}>
      <h2>
        {props.title}{" "}
        <span className="badge" data-testid={`${props.testId}-count`}>
          {props.count}
        </span>
      </h2>
      {props.children}
    </section>
  );
}

/**
 * /w/<ws>/briefs/<id>/compare?from=<ref>&to=<ref> with ref = v<N>, draft or s:<snapshotId>.
 * Viewers compare published versions; editors also the draft and its snapshots.
 */
export default async function ComparePage({ params, searchParams }: Props) {
  const { workspace: slug, briefId } = await params;
  const query = await searchParams;
  const { workspace, member, brief } = await requireBriefPage(slug, briefId, "brief.readVersions");
  const t = await getTranslations("history.compare");
  const th = await getTranslations("history");
  const format = await getFormatter();
  const choices = await compareChoices(member, brief.id);
  const from = parseRef(query.from) ?? choices.defaults.from;
  const to = parseRef(query.to) ?? choices.defaults.to;
  const base = `/w/${workspace.slug}/briefs/${brief.id}`;
  const result =
    from && to
      ? await compareBrief(member, brief.id, from, to).catch((error: unknown) => {
          // A ref the member may not use (a viewer asking for the draft) or that does not exist.
          if (isDomainError(error) && !isDatabaseUnavailableError(error)) notFound();
          throw error;
        })
      : null;
  const specs = new Map(
    [...(result?.from.embeds.embeds ?? []), ...(result?.to.embeds.embeds ?? [])].map((e) => [
      e.key,
      e.spec,
    ]),
  );
  const when = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  return (
    <article className="stack-lg" data-testid="compare-page">
      <BriefSubpageHeader
        back={{ href: base, label: th("back") }}
        title={t("title")}
        brief={brief}
      />
      <CompareSelectors action={`${base}/compare`} choices={choices} from={from} to={to} />
      {!result ? (
        <p className="empty">{t("nothing")}</p>
      ) : (
        <>
          <p className="muted">
            {t("dataAsOf", { side: t("from"), when: when(result.from.dataAsOf) })} ·{" "}
            {t("dataAsOf", { side: t("to"), when: when(result.to.dataAsOf) })}
          </p>
          <Section
            title={t("text")}
            count={
              result.text.counts.added + result.text.counts.removed + result.text.counts.changed
            }
            testId="compare-text"
          >
            {result.text.blocks.some((b) => b.status !== "same") ? (
              <>
                <p className="muted">{t("textCounts", result.text.counts)}</p>
                <TextDiffView diff={result.text} language={brief.language} />
              </>
            ) : (
              <p className="empty">{t("noChanges")}</p>
            )}
          </Section>
          <Section title={t("citations")} count={result.citations.count} testId="compare-citations">
            {result.citations.count > 0 ? (
              <CitationDiffView diff={result.citations} />
            ) : (
              <p className="empty">{t("noChanges")}</p>
            )}
          </Section>
          <Section title={t("data")} count={result.data.count} testId="compare-data">
            {result.data.count > 0 ? (
              <DataDiffView diff={result.data} specs={specs} />
            ) : (
              <p className="empty">{t("noChanges")}</p>
            )}
          </Section>
        </>
      )}
    </article>
  );
}
