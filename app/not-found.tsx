import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="centered">
      <div className="card narrow">
        <h1>{t("notFoundTitle")}</h1>
        <p>{t("notFound")}</p>
        <Link href="/w">{t("backHome")}</Link>
      </div>
    </main>
  );
}
