import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/auth/AcceptInvitationForm";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { isDomainError } from "@/lib/errors/domain-error";
import { viewInvitation, type InvitationView } from "@/lib/members/accept-invitation";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  let invitation: InvitationView;
  try {
    invitation = await viewInvitation(token);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return (
      <div className="card narrow" role="alert" data-testid="invitation-error">
        <p className="error">{t(`errors.${error.code}`, error.values)}</p>
        <a href="/signin">{t("signIn.submit")}</a>
      </div>
    );
  }
  return (
    <div className="card narrow">
      <h1>{t("invite.title", { workspace: invitation.workspaceName })}</h1>
      <p>
        {t("invite.intro", {
          workspace: invitation.workspaceName,
          role: t(`roles.${invitation.role}`),
          email: invitation.email,
        })}
      </p>
      <AcceptInvitationForm
        token={token}
        email={invitation.email}
        hasAccount={invitation.hasAccount}
        minPassword={MIN_PASSWORD_LENGTH}
        workspaceSlug={invitation.workspaceSlug}
      />
    </div>
  );
}
