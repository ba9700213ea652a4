import { describe, expect, it } from "vitest";
import { can, ROLES, type Action, type Member, type Role } from "./can";

const WS = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const member = (role: Role, workspaceId = WS): Member => ({ userId: "u", workspaceId, role });
const brief = { kind: "brief", viewersMayComment: false, publicLink: false } as const;
const live = { ...brief, workspaceId: WS, deletedAt: null } as const;
const deleted = { ...brief, workspaceId: WS, deletedAt: new Date() } as const;
const workspace = { kind: "workspace", id: WS } as const;

// The full matrix, written out so a change to the policy shows up as a change here.
const BRIEF_MATRIX: Record<
  Exclude<
    Action,
    | `workspace.${string}`
    | `source.${string}`
    | `incident.${string}`
    | "brief.create"
    | "brief.listDeleted"
  >,
  Role[]
> = {
  "brief.read": ["VIEWER", "EDITOR", "APPROVER", "ADMIN"],
  "brief.comment": ["EDITOR", "APPROVER", "ADMIN"],
  "brief.edit": ["EDITOR", "APPROVER", "ADMIN"],
  "brief.rename": ["EDITOR", "APPROVER", "ADMIN"],
  "brief.delete": ["EDITOR", "APPROVER", "ADMIN"],
  "brief.submit": ["EDITOR", "APPROVER", "ADMIN"],
  "brief.approve": ["APPROVER", "ADMIN"],
  "brief.publish": ["APPROVER", "ADMIN"],
  "brief.requestChanges": ["APPROVER", "ADMIN"],
  "brief.setVisibility": ["APPROVER", "ADMIN"],
  "brief.mark": ["EDITOR", "APPROVER", "ADMIN"],
  "brief.resolveComment": ["EDITOR", "APPROVER", "ADMIN"],
  "brief.readVersions": ["VIEWER", "EDITOR", "APPROVER", "ADMIN"],
  "brief.export": ["VIEWER", "EDITOR", "APPROVER", "ADMIN"],
  "brief.history": ["EDITOR", "APPROVER", "ADMIN"],
  "brief.restoreSnapshot": ["EDITOR", "APPROVER", "ADMIN"],
  "brief.restore": [],
};

describe("can() and the workspace's publication and comment settings", () => {
  it("lets viewers comment only where the workspace allows it", () => {
    expect(can(member("VIEWER"), "brief.comment", live)).toBe(false);
    expect(can(member("VIEWER"), "brief.comment", { ...live, viewersMayComment: true })).toBe(true);
    expect(can(member("VIEWER"), "brief.comment", { ...live, viewersMayComment: false })).toBe(
      false,
    );
  });

  it("opens only reading and exporting published versions to visitors, and only when public", () => {
    const open = { ...live, publicLink: true };
    expect(can(null, "brief.readVersions", open)).toBe(true);
    expect(can(null, "brief.export", open)).toBe(true);
    expect(can(null, "brief.readVersions", live)).toBe(false);
    expect(can(null, "brief.read", open)).toBe(false);
    expect(can(null, "brief.comment", open)).toBe(false);
    expect(can(member("VIEWER", OTHER), "brief.readVersions", live)).toBe(false);
    expect(can(member("VIEWER", OTHER), "brief.readVersions", open)).toBe(true);
    expect(can(null, "brief.readVersions", { ...open, deletedAt: new Date() })).toBe(false);
  });
});

describe("can() on a live brief", () => {
  for (const [action, allowed] of Object.entries(BRIEF_MATRIX)) {
    for (const role of ROLES) {
      it(`${role} ${allowed.includes(role) ? "may" : "may not"} ${action}`, () => {
        expect(can(member(role), action as Action, live)).toBe(allowed.includes(role));
      });
    }
  }
});

describe("can() on a workspace", () => {
  it("lets every member read, editors and up create, only admins manage members", () => {
    expect(ROLES.filter((r) => can(member(r), "workspace.read", workspace))).toEqual(ROLES);
    expect(ROLES.filter((r) => can(member(r), "brief.create", workspace))).toEqual([
      "EDITOR",
      "APPROVER",
      "ADMIN",
    ]);
    expect(ROLES.filter((r) => can(member(r), "workspace.manageMembers", workspace))).toEqual([
      "ADMIN",
    ]);
    expect(ROLES.filter((r) => can(member(r), "brief.listDeleted", workspace))).toEqual(["ADMIN"]);
  });

  it("lets every member read the source library and editors and up change it", () => {
    expect(ROLES.filter((r) => can(member(r), "source.read", workspace))).toEqual(ROLES);
    for (const action of ["source.create", "source.edit", "source.delete"] as const) {
      expect(ROLES.filter((r) => can(member(r), action, workspace))).toEqual([
        "EDITOR",
        "APPROVER",
        "ADMIN",
      ]);
      expect(can(member("ADMIN", OTHER), action, workspace)).toBe(false);
      expect(can(member("ADMIN"), action, live)).toBe(false);
    }
  });
});

describe("can() on incident data", () => {
  it("lets every member read incidents and editors and up import, edit and annotate", () => {
    expect(ROLES.filter((r) => can(member(r), "incident.read", workspace))).toEqual(ROLES);
    for (const action of ["incident.import", "incident.edit", "incident.note"] as const) {
      expect(ROLES.filter((r) => can(member(r), action, workspace))).toEqual([
        "EDITOR",
        "APPROVER",
        "ADMIN",
      ]);
      expect(can(member("ADMIN", OTHER), action, workspace)).toBe(false);
      expect(can(member("ADMIN"), action, live)).toBe(false);
    }
    expect(can(member("VIEWER", OTHER), "incident.read", workspace)).toBe(false);
  });
});

describe("can() refuses what is not the member's", () => {
  it("refuses a membership of another workspace for every action and role", () => {
    for (const role of ROLES) {
      for (const action of Object.keys(BRIEF_MATRIX) as Action[]) {
        expect(can(member(role, OTHER), action, live)).toBe(false);
      }
      expect(can(member(role, OTHER), "workspace.read", workspace)).toBe(false);
    }
  });

  it("refuses anonymous users", () => {
    expect(can(null, "brief.read", live)).toBe(false);
    expect(can(undefined, "workspace.read", workspace)).toBe(false);
  });

  it("hides a deleted brief from everyone but admins, who may read and restore it only", () => {
    for (const role of ["VIEWER", "EDITOR", "APPROVER"] as const) {
      expect(can(member(role), "brief.read", deleted)).toBe(false);
    }
    expect(can(member("ADMIN"), "brief.read", deleted)).toBe(true);
    expect(can(member("ADMIN"), "brief.restore", deleted)).toBe(true);
    expect(can(member("ADMIN"), "brief.edit", deleted)).toBe(false);
    expect(can(member("ADMIN"), "brief.delete", deleted)).toBe(false);
  });

  it("does not treat workspace-level actions as brief actions", () => {
    expect(can(member("ADMIN"), "brief.create", live)).toBe(false);
  });
});
