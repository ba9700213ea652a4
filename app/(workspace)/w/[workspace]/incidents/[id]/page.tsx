import "@/app/incidents.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { EditIncidentForm } from "@/components/incidents/EditIncidentForm";
import { DataCredits } from "@/components/incidents/DataCredits";
import { IncidentNotes } from "@/components/incidents/IncidentNotes";
import { datasetAttribution } from "@/lib/incidents/attribution";
import { getIncidentDetail, type IncidentDetail } from "@/lib/incidents/service";
import { can } from "@/lib/policy/can";
import { listSources } from "@/lib/sources/queries";
import { requireWorkspace } from "@/lib/workspaces/access";

type Props = { params: Promise<{ workspace: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidents.detail"))("title") };
}

/** Every field of the row, in the order the datasets document them. */
const FIELDS = [
  "externalId",
  "datasetVersion",
  "dateStart",
  "dateEnd",
  "datePrecision",
  "eventType",
  "subEventType",
  "sideA",
  "sideB",
  "assocActors",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "placeName",
  "latitude",
  "longitude",
  "geoPrecision",
  "fatalitiesBest",
  "fatalitiesLow",
  "fatalitiesHigh",
  "civilianDeaths",
  "description",
  "sourceText",
  "sourceScale",
  "numberOfSources",
  "clarity",
  "createdAt",
  "updatedAt",
  "removedAt",
] as const satisfies readonly (keyof IncidentDetail)[];

const day = (d: Date) => d.toISOString().slice(0, 10);
const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));

export default async function IncidentDetailPage({ params }: Props) {
  const { workspace: slug, id } = await params;
  const { workspace, member } = await requireWorkspace(slug, "incident.read");
  const incident = await getIncidentDetail(member, id);
  if (!incident) notFound();
  const t = await getTranslations("incidents");
  const format = await getFormatter();
  const ws = { kind: "workspace", id: workspace.id } as const;
  const canEdit = incident.dataset === "INHOUSE" && can(member, "incident.edit", ws);
  const library = canEdit ? await listSources(member, {}) : [];
  const show = (v: unknown): string => {
    if (v === null || v === undefined || v === "") return "—";
    if (v instanceof Date) return format.dateTime(v, { dateStyle: "medium", timeZone: "UTC" });
    if (typeof v === "number") return format.number(v);
    if (Array.isArray(v)) return v.map(show).join("; ");
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  };
  const base = `/w/${workspace.slug}/incidents`;
  const attribution = datasetAttribution(incident.dataset, incident.datasetVersion);

  return (
    <section className="stack-lg incidents-page" data-testid="incident-detail">
      <div className="page-head">
        <h1>
          {t(`datasetsShort.${incident.dataset}`)} <bdi>#{incident.externalId}</bdi>
        </h1>
        <Link href={base}>{t("title")}</Link>
      </div>
      {incident.removedAt && (
        <p className="incident-removed" role="status" data-testid="incident-removed">
          {t("detail.removed", {
            date: format.dateTime(incident.removedAt, { dateStyle: "medium", timeStyle: "short" }),
            file: incident.removedInBatch?.fileName ?? "—",
          })}
        </p>
      )}
      {incident.dataset !== "INHOUSE" && <p className="muted">{t("detail.readOnly")}</p>}
      <DataCredits credits={attribution ? [attribution] : []} />

      <section className="card stack" aria-labelledby="incident-fields-title">
        <h2 id="incident-fields-title">{t("detail.fieldsTitle")}</h2>
        <dl className="incident-fields" data-testid="incident-fields">
          <div className="incident-fields-row">
            <dt>{t("columns.dataset")}</dt>
            <dd>{t(`datasets.${incident.dataset}`)}</dd>
          </div>
          {FIELDS.map((f) => (
            <div key={f} className="incident-fields-row">
              <dt>{t(`detail.fields.${f}`)}</dt>
              <dd dir="auto" data-field={f}>
                {show(incident[f])}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      {incident.importBatch && (
        <section className="card stack" aria-labelledby="incident-batch-title">
          <h2 id="incident-batch-title">{t("detail.batch")}</h2>
          <p data-testid="incident-batch">
            <bdi>{incident.importBatch.fileName}</bdi>
            {incident.importBatch.datasetVersion ? ` · ${incident.importBatch.datasetVersion}` : ""}
            {" · "}
            {t("import.accessed", { date: show(incident.importBatch.accessDate) })}
            {" · "}
            {t("detail.importedBy", {
              name: incident.importBatch.createdBy.name ?? "",
              date: format.dateTime(incident.importBatch.createdAt, {
                dateStyle: "medium",
                timeStyle: "short",
              }),
            })}
          </p>
        </section>
      )}

      {(incident.dataset === "INHOUSE" || incident.sources.length > 0) && (
        <section className="card stack" aria-labelledby="incident-sources-title">
          <h2 id="incident-sources-title">{t("detail.sources")}</h2>
          {incident.sources.length === 0 ? (
            <p className="muted">{t("detail.noSources")}</p>
          ) : (
            <ul className="plain-list" data-testid="incident-sources">
              {incident.sources.map((s) => (
                <li key={s.id}>
                  <Link href={`/w/${workspace.slug}/sources/${s.id}`}>
                    <bdi>{s.title}</bdi>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {canEdit && (
        <EditIncidentForm
          workspaceSlug={workspace.slug}
          incidentId={incident.id}
          sources={library.map((s) => ({ id: s.id, title: s.title }))}
          initial={{
            dateStart: day(incident.dateStart),
            dateEnd: day(incident.dateEnd),
            eventType: incident.eventType,
            subEventType: str(incident.subEventType),
            sideA: str(incident.sideA),
            sideB: str(incident.sideB),
            admin1: str(incident.admin1),
            admin2: str(incident.admin2),
            admin3: str(incident.admin3),
            placeName: str(incident.placeName),
            latitude: str(incident.latitude),
            longitude: str(incident.longitude),
            fatalitiesBest: str(incident.fatalitiesBest),
            civilianDeaths: str(incident.civilianDeaths),
            description: str(incident.description),
            sourceIds: incident.sourceIds,
          }}
        />
      )}

      <section className="card stack" aria-labelledby="incident-history-title">
        <h2 id="incident-history-title">{t("detail.history")}</h2>
        {incident.revisions.length === 0 ? (
          <p className="muted">{t("detail.noHistory")}</p>
        ) : (
          <ul className="plain-list" data-testid="incident-history">
            {incident.revisions.map((r) => {
              const previous = (r.previous ?? {}) as Record<string, unknown>;
              return (
                <li key={String(r.id)}>
                  <p>
                    {format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    {" · "}
                    <bdi>{r.importBatch.fileName}</bdi>
                    {r.importBatch.datasetVersion ? ` (${r.importBatch.datasetVersion})` : ""}
                  </p>
                  <ul className="incident-changes">
                    {r.changedFields.map((f) => (
                      <li key={f}>
                        {t("detail.changed", {
                          field: t.has(`detail.fields.${f}`)
                            ? t(`detail.fields.${f}` as "detail.fields.raw")
                            : f,
                          previous: show(previous[f]),
                        })}
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <IncidentNotes
        workspaceSlug={workspace.slug}
        incidentId={incident.id}
        notes={incident.notes}
        canWrite={can(member, "incident.note", ws)}
      />
    </section>
  );
}
