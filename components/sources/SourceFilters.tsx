import { getTranslations } from "next-intl/server";
import { LANGUAGES, RELIABILITY, SOURCE_TYPES, type ListSourcesFilter } from "@/lib/sources/schema";

/** A GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export async function SourceFilters({ filter }: { filter: ListSourcesFilter }) {
  const t = await getTranslations("sources");
  return (
    <form
      className="filters source-filters"
      role="search"
      method="get"
      data-testid="source-filters"
    >
      <label className="grow">
        <span className="visually-hidden">{t("search")}</span>
        <input
          type="search"
          name="q"
          defaultValue={filter.q ?? ""}
          placeholder={t("search")}
          maxLength={200}
          dir="auto"
        />
      </label>
      <select name="type" defaultValue={filter.type ?? ""} aria-label={t("form.type")}>
        <option value="">{t("allTypes")}</option>
        {SOURCE_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`types.${type}`)}
          </option>
        ))}
      </select>
      <select name="grade" defaultValue={filter.grade ?? ""} aria-label={t("form.reliability")}>
        <option value="">{t("allGrades")}</option>
        {RELIABILITY.map((grade) => (
          <option key={grade} value={grade}>
            {grade} – {t(`reliability.${grade}`)}
          </option>
        ))}
      </select>
      <select name="language" defaultValue={filter.language ?? ""} aria-label={t("form.language")}>
        <option value="">{t("allLanguages")}</option>
        {LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
      <label className="checkbox">
        <input type="checkbox" name="archived" value="1" defaultChecked={filter.archived === "1"} />
        {t("showArchived")}
      </label>
      <button type="submit">{t("searchSubmit")}</button>
    </form>
  );
}
