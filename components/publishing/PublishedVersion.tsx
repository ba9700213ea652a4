import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReaderView } from "@/lib/publishing/reader";
import { safeVersionHtml } from "@/lib/publishing/safe-version-html";
import { TlpLabel } from "@/components/tradecraft/TlpLabel";
import { PrintButton } from "./PrintButton";
import { VersionList } from "./VersionList";

/**
 * One published version as readers see it: title and facts (version, approver, dates), the
 * frozen body (sanitized at publication; sanitized again here as defence in depth), the
 * list of versions and the downloads. The body keeps the brief's own language and
 * direction, whatever the language of the surrounding interface.
 */
export async function PublishedVersion({ view }: { view: ReaderView }) {
  const t = await getTranslations("publishing.reader");
  const format = await getFormatter();
  const { version, publication } = view;
  const dir = version.direction === "RTL" ? "rtl" : "ltr";
  const date = (d: Date | string) => format.dateTime(new Date(d), { dateStyle: "long" });
  const hasData = version.embeds.embeds.length > 0 || version.embeds.incidents.length > 0;
  return (
    <div className="reader">
      <article className="reader-article" data-testid="published-version">
        <header className="reader-head">
          {version.tlp && (
            <p className="reader-marking" data-testid="reader-marking">
              <TlpLabel marking={version.tlp} />
            </p>
          )}
          <h1 lang={version.language} dir={dir} data-testid="reader-title">
            {version.title}
          </h1>
          <p className="reader-facts">
            <span data-testid="reader-version">
              {t("version", { number: version.number })}
              {view.isLatest && ` (${t("latest")})`}
            </span>
            <span>{t("approvedBy", { name: version.approvedBy.name })}</span>
            <span>{t("publishedOn", { date: date(version.publishedAt) })}</span>
            {hasData && <span>{t("dataAsOf", { date: date(version.embeds.frozenAt) })}</span>}
          </p>
        </header>
        <div
          className="reader-body"
          lang={version.language}
          dir={dir}
          data-testid="reader-body"
          dangerouslySetInnerHTML={{ __html: safeVersionHtml(version) }}
        />
        {version.tlp && (
          <footer className="reader-marking">
            <TlpLabel marking={version.tlp} />
          </footer>
        )}
      </article>
      <aside className="reader-side" aria-label={t("versions")}>
        <VersionList
          slug={publication.brief.slug}
          versions={view.versions}
          current={version.number}
          formatDate={(d) => date(d)}
          labels={{
            title: t("versions"),
            current: t("current"),
            item: (n, d) => t("versionItem", { number: n, date: d }),
          }}
        />
        {view.exports && (
          <section className="reader-links">
            <h2>{t("exports")}</h2>
            <ul>
              <li>
                <a href={view.exports.pdf} data-testid="export-pdf" download>
                  {t("exportPdf")}
                </a>
              </li>
              <li>
                <a href={view.exports.docx} data-testid="export-docx" download>
                  {t("exportDocx")}
                </a>
              </li>
            </ul>
          </section>
        )}
        <section className="reader-links">
          <ul>
            {view.compareHref && (
              <li>
                <Link href={view.compareHref} data-testid="compare-previous">
                  {t("compare")}
                </Link>
              </li>
            )}
            {view.draftHref && (
              <li>
                <Link href={view.draftHref}>{t("backToBrief")}</Link>
              </li>
            )}
            <li>
              <PrintButton label={t("print")} />
            </li>
          </ul>
          <p className="muted">
            {publication.brief.publicLink ? t("publicNotice") : t("membersNotice")}
          </p>
        </section>
      </aside>
    </div>
  );
}
