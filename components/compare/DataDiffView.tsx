import { getTranslations } from "next-intl/server";
import type { DataDiff, EmbedResultChange, FieldChange, Row } from "@/lib/compare/data-diff";
import type { FrozenEmbed, FrozenIncident } from "@/lib/publishing/frozen";

type T = Awaited<ReturnType<typeof getTranslations<"history.compare">>>;

const value = (v: FieldChange["from"]) => (v === null ? "—" : String(v));

function Changes({ changes, t }: { changes: FieldChange[]; t: T }) {
  return (
    <ul className="diff-fields">
      {changes.map((c) => (
        <li key={c.field}>
          {t("fieldChange", { field: c.field, from: value(c.from), to: value(c.to) })}
        </li>
      ))}
    </ul>
  );
}

/** The query behind an embed in a few words: its kind and non-empty filters. */
function describe(embed: { kind: FrozenEmbed["kind"]; spec?: FrozenEmbed["spec"] }, t: T): string {
  const filter = embed.spec?.filter ?? {};
  const parts = Object.entries(filter)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${String(v)}`);
  return [t(`kind.${embed.kind}`), ...parts].join(" · ");
}

function rowLabel(row: Row): string {
  const bits = [row.dataset, row.externalId, row.dateStart, row.placeName ?? row.admin1];
  return bits.filter((b) => typeof b === "string" && b !== "").join(" · ");
}

function incidentLabel(i: FrozenIncident): string {
  return [i.dataset, i.externalId, i.date, i.placeName].filter(Boolean).join(" · ");
}

function EmbedChange({
  change,
  spec,
  t,
}: {
  change: EmbedResultChange;
  spec?: FrozenEmbed["spec"];
  t: T;
}) {
  return (
    <li className="diff-embed" data-testid="diff-embed-changed">
      <strong>{describe({ kind: change.kind, spec }, t)}</strong>
      {change.totals.length > 0 && (
        <section>
          <h4>{t("totals")}</h4>
          <Changes changes={change.totals} t={t} />
        </section>
      )}
      {change.rowsAdded.length > 0 && (
        <section>
          <h4>{t("rowsAdded")}</h4>
          <ul>
            {change.rowsAdded.map((r) => (
              <li key={r.id} className="diff-added" data-testid="diff-row-added">
                <ins dir="auto">{rowLabel(r)}</ins>
              </li>
            ))}
          </ul>
        </section>
      )}
      {change.rowsRemoved.length > 0 && (
        <section>
          <h4>{t("rowsRemoved")}</h4>
          <ul>
            {change.rowsRemoved.map((r) => (
              <li key={r.id} className="diff-removed" data-testid="diff-row-removed">
                <del dir="auto">{rowLabel(r)}</del>
              </li>
            ))}
          </ul>
        </section>
      )}
      {change.rowsChanged.length > 0 && (
        <section>
          <h4>{t("rowsChanged")}</h4>
          <ul>
            {change.rowsChanged.map((r) => (
              <li key={r.id} data-testid="diff-row-changed">
                <bdi>{r.label}</bdi>
                <Changes changes={r.fields} t={t} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {change.series.length > 0 && (
        <section>
          <h4>{t("series")}</h4>
          <ul>
            {change.series.map((p) => (
              <li key={p.period}>
                <bdi>{p.period}</bdi>
                <Changes changes={p.fields} t={t} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </li>
  );
}

/** Data differences: embed results (rows, totals, series), embeds added/removed, cited rows. */
export async function DataDiffView({
  diff,
  specs,
}: {
  diff: DataDiff;
  specs: Map<string, FrozenEmbed["spec"]>;
}) {
  const t = await getTranslations("history.compare");
  return (
    <div className="diff-data" data-testid="diff-data">
      {diff.embedsChanged.length > 0 && (
        <>
          <h3>{t("embedsChanged")}</h3>
          <ul className="diff-list">
            {diff.embedsChanged.map((c) => (
              <EmbedChange key={c.key} change={c} spec={specs.get(c.key)} t={t} />
            ))}
          </ul>
        </>
      )}
      {diff.embedsAdded.length > 0 && (
        <>
          <h3>{t("embedsAdded")}</h3>
          <ul className="diff-list">
            {diff.embedsAdded.map((e) => (
              <li key={e.key} className="diff-added">
                <ins>{describe(e, t)}</ins>
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.embedsRemoved.length > 0 && (
        <>
          <h3>{t("embedsRemoved")}</h3>
          <ul className="diff-list">
            {diff.embedsRemoved.map((e) => (
              <li key={e.key} className="diff-removed">
                <del>{describe(e, t)}</del>
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.incidentsChanged.length > 0 && (
        <>
          <h3>{t("incidentsChanged")}</h3>
          <ul className="diff-list">
            {diff.incidentsChanged.map((c) => (
              <li key={c.id}>
                <bdi>{c.label}</bdi>
                <Changes changes={c.fields} t={t} />
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.incidentsAdded.length > 0 && (
        <>
          <h3>{t("incidentsAdded")}</h3>
          <ul className="diff-list">
            {diff.incidentsAdded.map((i) => (
              <li key={i.id} className="diff-added">
                <ins dir="auto">{incidentLabel(i)}</ins>
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.incidentsRemoved.length > 0 && (
        <>
          <h3>{t("incidentsRemoved")}</h3>
          <ul className="diff-list">
            {diff.incidentsRemoved.map((i) => (
              <li key={i.id} className="diff-removed">
                <del dir="auto">{incidentLabel(i)}</del>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
