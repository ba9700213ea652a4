import { getTranslations } from "next-intl/server";
import { BRIEF_STATUSES } from "@/lib/briefs/schema";

/** A plain GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export async function BriefFilters({ q, status }: { q: string; status: string }) {
  const t = await getTranslations();
  return (
    <form className="filters" role="search" method="get">
      <label className="grow">
        <span className="visually-hidden">{t("briefs.search")}</span>
        <input
          type="search"
          name="q"
          defaultValue={q}
          placeholder={t("briefs.search")}
          maxLength={200}
        />
      </label>
      <label>
        <span className="visually-hidden">{t("briefs.statusFilter")}</span>
        <select name="status" defaultValue={status} aria-label={t("briefs.statusFilter")}>
          <option value="">{t("briefs.allStatuses")}</option>
          {BRIEF_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`status.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t("briefs.searchSubmit")}</button>
    </form>
  );
}
