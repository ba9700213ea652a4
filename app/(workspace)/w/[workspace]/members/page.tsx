import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InviteForm } from "@/components/members/InviteForm";
import { MemberList } from "@/components/members/MemberList";
import { PendingInvitations } from "@/components/members/PendingInvitations";
import { listMembers } from "@/lib/members/queries";
import { requireWorkspace } from "@/lib/workspaces/access";

type Props = { params: Promise<{ workspace: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("members") };
}

export default async function MembersPage({ params }: Props) {
  const { workspace: slug } = await params;
  const { workspace, member } = await requireWorkspace(slug, "workspace.manageMembers");
  const data = await listMembers(member);
  if (!data) notFound();
  const t = await getTranslations();
  return (
    <section className="stack-lg">
      <Link href={`/w/${workspace.slug}`}>
        <span className="back-arrow" aria-hidden="true">
          ←
        </span>{" "}
        {workspace.name}
      </Link>
      <h1>{t("members.title", { workspace: workspace.name })}</h1>
      <InviteForm workspaceSlug={workspace.slug} />
      <MemberList
        workspaceSlug={workspace.slug}
        currentUserId={member.userId}
        members={data.members.map((m) => ({ ...m.user, role: m.role }))}
      />
      <PendingInvitations
        workspaceSlug={workspace.slug}
        invitations={data.invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }))}
      />
    </section>
  );
}
