"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  changeRoleAction,
  removeMemberAction,
} from "@/app/(workspace)/w/[workspace]/member-actions";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { ActionResult } from "@/lib/actions/result";
import { ROLES, type Role } from "@/lib/policy/can";

type MemberRow = { id: string; name: string; email: string; role: Role };

export function MemberList(props: {
  workspaceSlug: string;
  currentUserId: string;
  members: MemberRow[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();

  function run(work: () => Promise<ActionResult<unknown>>) {
    startTransition(async () => {
      const outcome = await work();
      setResult(outcome);
      router.refresh();
    });
  }

  return (
    <div className="stack">
      <ErrorMessage result={result} />
      <table className="table" data-testid="member-table">
        <thead>
          <tr>
            <th scope="col">{t("members.name")}</th>
            <th scope="col">{t("members.email")}</th>
            <th scope="col">{t("members.role")}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {props.members.map((member) => {
            const self = member.id === props.currentUserId;
            return (
              <tr key={member.id} data-testid={`member-${member.email}`}>
                <td dir="auto">
                  {member.name} {self && <span className="muted">({t("members.you")})</span>}
                </td>
                <td dir="ltr">{member.email}</td>
                <td>
                  <select
                    aria-label={`${t("members.role")}: ${member.name}`}
                    value={member.role}
                    disabled={pending || self}
                    onChange={(event) =>
                      run(() =>
                        changeRoleAction(props.workspaceSlug, {
                          userId: member.id,
                          role: event.target.value as Role,
                        }),
                      )
                    }
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`roles.${role}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {!self && (
                    <button
                      type="button"
                      className="danger"
                      disabled={pending}
                      onClick={() => {
                        if (!window.confirm(t("members.removeConfirm", { name: member.name })))
                          return;
                        run(() => removeMemberAction(props.workspaceSlug, member.id));
                      }}
                    >
                      {t("members.remove")}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
