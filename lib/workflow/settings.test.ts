import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";
import { domainCode } from "@/lib/test/domain-code";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { getWorkspaceSettings, updateWorkspaceSettings } from "./settings";

withTestDatabase("workflow-settings");

let members: Record<Role, Member>;
let workspaceId: string;

beforeAll(async () => {
  ({ members, workspaceId } = await workspaceWith(["VIEWER", "EDITOR", "APPROVER", "ADMIN"]));
});

describe("workspace settings", () => {
  it("defaults to four-eyes on and viewers not commenting", async () => {
    expect(await getWorkspaceSettings(members.ADMIN)).toEqual({
      fourEyes: true,
      viewersMayComment: false,
    });
  });

  it("lets admins change them, and nobody else", async () => {
    for (const role of ["VIEWER", "EDITOR", "APPROVER"] as const) {
      expect(await domainCode(getWorkspaceSettings(members[role]))).toBe("forbidden");
      expect(
        await domainCode(
          updateWorkspaceSettings(members[role], { fourEyes: false, viewersMayComment: true }),
        ),
      ).toBe("forbidden");
    }
    expect(
      await updateWorkspaceSettings(members.ADMIN, { fourEyes: false, viewersMayComment: true }),
    ).toEqual({ fourEyes: false, viewersMayComment: true });
    expect(
      await db.workspace.findUniqueOrThrow({
        where: { id: workspaceId },
        select: { fourEyes: true, viewersMayComment: true },
      }),
    ).toEqual({ fourEyes: false, viewersMayComment: true });
  });

  it("refuses malformed input", async () => {
    const bad = { fourEyes: "yes", viewersMayComment: true } as unknown as {
      fourEyes: boolean;
      viewersMayComment: boolean;
    };
    expect(await domainCode(updateWorkspaceSettings(members.ADMIN, bad))).toBe("validation");
  });
});
