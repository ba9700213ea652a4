import {
  BRIEF_ACTIONS,
  can,
  type BriefAction,
  type BriefResource,
  type Member,
} from "@/lib/policy/can";

type PermissionName<A extends BriefAction> = A extends `brief.${infer Name}`
  ? `can${Capitalize<Name>}`
  : never;

/** What a member may do with one brief: `canEdit` for "brief.edit", and so on for every action. */
export type BriefPermissions = { [A in BriefAction as PermissionName<A>]: boolean };

function permissionName<A extends BriefAction>(action: A): PermissionName<A> {
  const name = action.slice("brief.".length);
  return `can${name.charAt(0).toUpperCase()}${name.slice(1)}` as PermissionName<A>;
}

/**
 * Every brief action's answer for `member`, asked of the policy once, so a page shows its
 * buttons from one object instead of asking can() itself.
 */
export function briefPermissions(member: Member | null, resource: BriefResource): BriefPermissions {
  return Object.fromEntries(
    BRIEF_ACTIONS.map((action) => [permissionName(action), can(member, action, resource)]),
  ) as BriefPermissions;
}
