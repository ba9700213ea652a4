import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";
import { domainCode } from "@/lib/test/domain-code";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { setMarking } from "./marking";
import { publish } from "./publish";
import { reviewPanel } from "./queries";
import { approve, setPublicLink, submitForReview } from "./service";
import { newBrief, typeParagraph } from "./test-helpers";

withTestDatabase("workflow-marking");

let members: Record<Role, Member>;
let outsider: Member;

beforeAll(async () => {
  ({ members } = await workspaceWith(["VIEWER", "EDITOR", "APPROVER", "ADMIN"]));
  outsider = (await workspaceWith(["ADMIN"])).members.ADMIN;
});

async function approvedBrief() {
  const id = await newBrief(members.EDITOR);
  await typeParagraph(id, members.EDITOR.userId, "Fuel convoys to Nioro stopped in September.");
  await submitForReview(members.EDITOR, id);
  await approve(members.APPROVER, id);
  return id;
}

const tlpOf = async (id: string) => (await db.brief.findUniqueOrThrow({ where: { id } })).tlp;

describe("handling markings", () => {
  it("marks a new brief TLP:AMBER", async () => {
    expect(await tlpOf(await newBrief(members.EDITOR))).toBe("AMBER");
  });

  it("lets writers make a marking stricter, and only publishers lower it", async () => {
    const id = await newBrief(members.EDITOR);
    await setMarking(members.EDITOR, id, "AMBER+STRICT");
    await setMarking(members.EDITOR, id, "RED");
    expect(await domainCode(setMarking(members.EDITOR, id, "GREEN"))).toBe(
      "markingLowerNeedsApprover",
    );
    expect(await domainCode(setMarking(members.VIEWER, id, "RED"))).toBe("forbidden");
    expect(await domainCode(setMarking(outsider, id, "RED"))).toBe("notFound");
    expect(await tlpOf(id)).toBe("RED");
    await setMarking(members.APPROVER, id, "GREEN");
    expect(await tlpOf(id)).toBe("GREEN");
  });

  it("refuses anything but the five labels", async () => {
    const id = await newBrief(members.EDITOR);
    for (const bad of ["WHITE", "amber", "TLP:RED", "", null, 3, "RED; DROP TABLE briefs"]) {
      expect(await domainCode(setMarking(members.ADMIN, id, bad))).toBe("validation");
    }
    expect(await tlpOf(id)).toBe("AMBER");
  });

  it("keeps each change in the audit log, and nothing when it is unchanged", async () => {
    const id = await newBrief(members.EDITOR);
    await setMarking(members.EDITOR, id, "RED");
    await setMarking(members.EDITOR, id, "RED");
    await setMarking(members.ADMIN, id, "CLEAR");
    const log = await db.briefTransition.findMany({
      where: { briefId: id, kind: "MARKING" },
      orderBy: { createdAt: "asc" },
    });
    expect(log.map((t) => [t.actorId, t.fromStatus, t.toStatus, t.data])).toEqual([
      [members.EDITOR.userId, "DRAFT", "DRAFT", { from: "AMBER", to: "RED" }],
      [members.ADMIN.userId, "DRAFT", "DRAFT", { from: "RED", to: "CLEAR" }],
    ]);
    const panel = await reviewPanel(members.VIEWER, id);
    expect(panel!.log.slice(0, 2).map((e) => [e.kind, e.marking])).toEqual([
      ["MARKING", { from: "RED", to: "CLEAR" }],
      ["MARKING", { from: "AMBER", to: "RED" }],
    ]);
  });

  it("allows a public link on TLP:CLEAR only, at publication and afterwards", async () => {
    const id = await approvedBrief();
    expect(await domainCode(publish(members.APPROVER, id, { publicLink: true }))).toBe(
      "markingPublicLink",
    );
    expect(await db.briefVersion.count({ where: { briefId: id } })).toBe(0);
    await publish(members.APPROVER, id, { publicLink: false });
    expect(await domainCode(setPublicLink(members.APPROVER, id, true))).toBe("markingPublicLink");
    await setMarking(members.APPROVER, id, "CLEAR");
    await setPublicLink(members.APPROVER, id, true);
    // A public brief cannot be marked stricter until its link is withdrawn.
    expect(await domainCode(setMarking(members.EDITOR, id, "GREEN"))).toBe("markingPublicLink");
    await setPublicLink(members.APPROVER, id, false);
    await setMarking(members.EDITOR, id, "GREEN");
    expect(await db.brief.findUniqueOrThrow({ where: { id } })).toMatchObject({
      tlp: "GREEN",
      publicLink: false,
    });
  });

  it("is held by the database too: no write can make an AMBER brief public", async () => {
    const id = await newBrief(members.EDITOR);
    await expect(db.brief.update({ where: { id }, data: { publicLink: true } })).rejects.toThrow(
      /only a TLP:CLEAR brief may have a public link/,
    );
    await expect(db.brief.update({ where: { id }, data: { tlp: "WHITE" } })).rejects.toThrow(
      /WHITE is not a TLP marking/,
    );
  });

  it("publishes each version under the marking the brief has then", async () => {
    const id = await approvedBrief();
    await setMarking(members.EDITOR, id, "RED");
    const v1 = await publish(members.APPROVER, id, { publicLink: false });
    await setMarking(members.APPROVER, id, "GREEN");
    const version = await db.briefVersion.findUniqueOrThrow({ where: { id: v1.versionId } });
    expect(version.tlp).toBe("RED");
  });
});
