import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { dataCredits } from "@/lib/incidents/credits";
import { incidentTotals } from "@/lib/incidents/queries";
import type { Member } from "@/lib/policy/can";
import { DataCredits } from "./DataCredits";

/** The workspace's incident data at a glance, with the credits it owes and a way in. */
export async function IncidentDataCard({
  member,
  workspaceSlug,
}: {
  member: Member;
  workspaceSlug: string;
}) {
  const [totals, credits] = await Promise.all([incidentTotals(member, {}), dataCredits(member)]);
  const t = await getTranslations("incidents");
  const format = await getFormatter();
  return (
    <section
      className="card stack"
      aria-labelledby="incident-data-title"
      data-testid="incident-data-card"
    >
      <h2 id="incident-data-title">{t("credits.cardTitle")}</h2>
      {totals.count === 0 ? (
        <p className="muted">{t("credits.cardNone")}</p>
      ) : (
        <>
          <p>
            <strong data-testid="incident-data-count">{format.number(totals.count)}</strong>{" "}
            {t("summary.incidents", { count: totals.count })}
            {" · "}
            <strong>{format.number(totals.fatalities)}</strong>{" "}
            {t("summary.fatalities", { count: totals.fatalities })}
          </p>
          <DataCredits credits={credits} />
        </>
      )}
      <Link href={`/w/${workspaceSlug}/incidents`}>{t("credits.cardOpen")}</Link>
    </section>
  );
}
