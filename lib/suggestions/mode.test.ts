import { beforeAll, describe, expect, it } from "vitest";
import type { Member, Role } from "@/lib/policy/can";
import { domainCode } from "@/lib/test/domain-code";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { newBrief } from "@/lib/workflow/test-helpers";
import { editorModeOf, setEditorMode } from "./mode";

withTestDatabase("suggestions-mode");

let members: Record<Role, Member>;
beforeAll(async () => {
  ({ members } = await workspaceWith(["VIEWER", "EDITOR", "APPROVER"]));
});

describe("the editing mode", () => {
  it("is Editing until chosen, then remembered per person and brief", async () => {
    const first = await newBrief(members.EDITOR);
    const second = await newBrief(members.EDITOR);
    expect(await editorModeOf(members.EDITOR, first)).toBe("editing");
    expect(await setEditorMode(members.EDITOR, first, "suggesting")).toBe("suggesting");
    expect(await editorModeOf(members.EDITOR, first)).toBe("suggesting");
    // Another brief, another person: their own modes.
    expect(await editorModeOf(members.EDITOR, second)).toBe("editing");
    expect(await editorModeOf(members.APPROVER, first)).toBe("editing");
    await setEditorMode(members.EDITOR, first, "editing");
    expect(await editorModeOf(members.EDITOR, first)).toBe("editing");
  });

  it("is chosen only by those who may edit the brief", async () => {
    const id = await newBrief(members.EDITOR);
    expect(await domainCode(setEditorMode(members.VIEWER, id, "suggesting"))).toBe("forbidden");
  });
});
