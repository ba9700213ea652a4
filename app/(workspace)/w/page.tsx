import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listWorkspacesForUser } from "@/lib/workspaces/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workspaces"))("title") };
}

export default async function WorkspacesPage() {
  const user = await requireUser("/w");
  const workspaces = await listWorkspacesForUser(user.id);
  const t = await getTranslations();
  return (
    <section>
      <h1>{t("workspaces.title")}</h1>
      {workspaces.length === 0 ? (
        <p className="empty">{t("workspaces.empty")}</p>
      ) : (
        <ul className="cards" data-testid="workspace-list">
          {workspaces.map((workspace) => (
            <li key={workspace.id} className="card">
              <Link href={`/w/${workspace.slug}`} className="card-title">
                {workspace.name}
              </Link>
              <p className="muted">
                {t(`roles.${workspace.role}`)} ·{" "}
                {t("workspaces.briefCount", { count: workspace.briefCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
