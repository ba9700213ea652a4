import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("app");
  return (
    <p className="muted loading" role="status" aria-live="polite">
      {t("loading")}
    </p>
  );
}
