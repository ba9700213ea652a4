import { getFormatter, getTranslations } from "next-intl/server";
import type { CompareChoices } from "@/lib/compare/queries";
import { formatRef, type CompareRef } from "@/lib/compare/refs";

type Props = {
  action: string;
  choices: CompareChoices;
  from: CompareRef | null;
  to: CompareRef | null;
};

/** Two selects (from, to) submitted as a GET form, so a comparison is a shareable URL. */
export async function CompareSelectors({ action, choices, from, to }: Props) {
  const t = await getTranslations("history.compare");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const options = [
    ...(choices.mayUseDraft ? [{ value: "draft", label: t("draft") }] : []),
    ...choices.versions.map((v) => ({
      value: `v${v.number}`,
      label: t("version", { number: v.number, when: when(v.publishedAt) }),
    })),
    ...choices.snapshots.map((s) => ({
      value: `s:${s.id}`,
      label: t("snapshot", { when: when(s.createdAt) }),
    })),
  ];
  const select = (name: "from" | "to", current: CompareRef | null) => (
    <label>
      {t(name)}
      <select
        name={name}
        defaultValue={current ? formatRef(current) : ""}
        data-testid={`compare-${name}`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form method="get" action={action} className="compare-selectors">
      {select("from", from)}
      {select("to", to)}
      <button type="submit">{t("submit")}</button>
    </form>
  );
}
