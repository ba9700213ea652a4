/**
 * The one place that decides access. Pages, route handlers, server actions and the
 * collaboration server all ask `can(member, action, resource)`; nothing else compares roles.
 *
 * `member` is the signed-in user's membership in the workspace that owns the resource
 * (null when the user is not a member). Passing the resource lets the policy refuse a
 * membership of another workspace and take soft deletion into account.
 */
export const ROLES = ["VIEWER", "EDITOR", "APPROVER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export type Member = {
  userId: string;
  workspaceId: string;
  role: Role;
};

export type WorkspaceResource = { kind: "workspace"; id: string };
export type BriefResource = {
  kind: "brief";
  workspaceId: string;
  deletedAt: Date | null;
  /** Workspace setting: VIEWERs may comment (editors and up always may). */
  viewersMayComment: boolean;
  /** The publisher made published versions readable by anyone with the link. */
  publicLink: boolean;
};
export type Resource = WorkspaceResource | BriefResource;

export type WorkspaceAction =
  | "workspace.read"
  | "workspace.manageMembers"
  | "brief.create"
  | "brief.listDeleted"
  | "source.read"
  | "source.create"
  | "source.edit"
  | "source.delete"
  | "incident.read"
  | "incident.import"
  | "incident.edit"
  | "incident.note"
  | "workspace.settings";
export const BRIEF_ACTIONS = [
  "brief.read",
  "brief.edit",
  "brief.rename",
  "brief.delete",
  "brief.restore",
  "brief.comment",
  "brief.submit",
  "brief.approve",
  "brief.requestChanges",
  "brief.publish",
  "brief.setVisibility",
  "brief.mark",
  "brief.resolveComment",
  "brief.readVersions",
  "brief.export",
  "brief.history",
  "brief.restoreSnapshot",
] as const;
export type BriefAction = (typeof BRIEF_ACTIONS)[number];
export type Action = WorkspaceAction | BriefAction;

const RANK: Record<Role, number> = { VIEWER: 0, EDITOR: 1, APPROVER: 2, ADMIN: 3 };

/** Minimum role for each action on a live (not deleted) resource. */
const MINIMUM: Record<Action, Role> = {
  "workspace.read": "VIEWER",
  "workspace.manageMembers": "ADMIN",
  "brief.create": "EDITOR",
  "brief.listDeleted": "ADMIN",
  "source.read": "VIEWER",
  "source.create": "EDITOR",
  "source.edit": "EDITOR",
  "source.delete": "EDITOR",
  // Incident data: everyone reads; editors import files, add/edit in-house rows, write notes.
  "incident.read": "VIEWER",
  "incident.import": "EDITOR",
  "incident.edit": "EDITOR",
  "incident.note": "EDITOR",
  "brief.read": "VIEWER",
  "brief.edit": "EDITOR",
  "brief.rename": "EDITOR",
  "brief.delete": "EDITOR",
  "brief.restore": "ADMIN",
  // Viewers comment only where the workspace allows it (see can()).
  "brief.comment": "EDITOR",
  "brief.submit": "EDITOR",
  "brief.approve": "APPROVER",
  "brief.requestChanges": "APPROVER",
  "brief.publish": "APPROVER",
  "brief.setVisibility": "APPROVER",
  // Writers mark what they write; lowering a marking (disclosing more) is a publisher's
  // decision, checked as brief.setVisibility by lib/briefs/marking.ts.
  "brief.mark": "EDITOR",
  // Resolving someone's thread is an editing decision; a thread's author may also resolve
  // their own (checked by lib/comments, which knows the author).
  "brief.resolveComment": "EDITOR",
  "brief.readVersions": "VIEWER",
  "brief.export": "VIEWER",
  "brief.history": "EDITOR",
  "brief.restoreSnapshot": "EDITOR",
  "workspace.settings": "ADMIN",
};

/** What anyone with the link may do with a brief whose publisher made it public. */
const PUBLIC: ReadonlySet<Action> = new Set<Action>(["brief.readVersions", "brief.export"]);

/** What an admin may still do with a soft-deleted brief; everyone else sees nothing. */
const ON_DELETED: ReadonlySet<Action> = new Set<Action>(["brief.read", "brief.restore"]);

export function atLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/**
 * `member` may be null for a visitor without a membership: only public published versions
 * are open to them.
 */
export function can(
  member: Member | null | undefined,
  action: Action,
  resource: Resource,
): boolean {
  if (
    resource.kind === "brief" &&
    resource.publicLink === true &&
    !resource.deletedAt &&
    PUBLIC.has(action)
  ) {
    return true;
  }
  if (!member) return false;
  const workspaceId = resource.kind === "workspace" ? resource.id : resource.workspaceId;
  if (member.workspaceId !== workspaceId) return false;

  if (resource.kind === "brief") {
    if (
      !action.startsWith("brief.") ||
      action === "brief.create" ||
      action === "brief.listDeleted"
    ) {
      return false;
    }
    if (resource.deletedAt) {
      return member.role === "ADMIN" && ON_DELETED.has(action);
    }
    if (action === "brief.restore") return false;
    if (action === "brief.comment" && member.role === "VIEWER") {
      return resource.viewersMayComment === true;
    }
  }
  return atLeast(member.role, MINIMUM[action]);
}
