import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";
import { domainCode } from "@/lib/test/domain-code";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { deleteSavedQuery, listSavedQueries, saveQuery } from "./saved-queries";

withTestDatabase("incidents_saved_queries");

let members: Record<Role, Member>;
let colleague: Member;

beforeAll(async () => {
  const ws = await workspaceWith(["VIEWER", "EDITOR", "APPROVER", "ADMIN"]);
  members = ws.members;
  // A second editor of the same workspace.
  const user = await db.user.create({
    data: { email: `second-${ws.workspaceId}@example.test`, name: "Second editor" },
    select: { id: true },
  });
  await db.membership.create({
    data: { workspaceId: ws.workspaceId, userId: user.id, role: "EDITOR" },
  });
  colleague = { userId: user.id, workspaceId: ws.workspaceId, role: "EDITOR" };
});

const kayes = { admin1: "Kayes" };
const gao = { admin1: "Gao" };

describe("saved queries are owned", () => {
  it("refuses a name a colleague already uses instead of overwriting their query", async () => {
    const mine = await saveQuery(members.EDITOR, { name: "Kayes 2024", filter: kayes });
    for (const other of [colleague, members.APPROVER, members.VIEWER]) {
      const refused = saveQuery(other, { name: "Kayes 2024", filter: gao });
      expect(await domainCode(refused)).toBe("savedQueryNameTaken");
    }
    const [stored] = (await listSavedQueries(members.EDITOR)).filter(
      (q) => q.name === "Kayes 2024",
    );
    expect(stored).toMatchObject({ id: mine.id, query: kayes });
  });

  it("lets the owner change their own query, and an admin anyone's", async () => {
    const mine = await saveQuery(colleague, { name: "Nioro", filter: kayes });
    expect((await saveQuery(colleague, { name: "Nioro", filter: gao })).id).toBe(mine.id);
    const byAdmin = await saveQuery(members.ADMIN, { name: "Nioro", filter: kayes });
    expect(byAdmin).toMatchObject({ id: mine.id, query: kayes });
    const row = await db.incidentQuery.findUniqueOrThrow({ where: { id: mine.id } });
    expect(row.createdById).toBe(colleague.userId);
  });

  it("lets only the owner or an admin delete", async () => {
    const mine = await saveQuery(members.VIEWER, { name: "Diéma", filter: kayes });
    for (const other of [colleague, members.EDITOR, members.APPROVER]) {
      expect(await domainCode(deleteSavedQuery(other, mine.id))).toBe("forbidden");
    }
    expect(await domainCode(deleteSavedQuery(members.VIEWER, mine.id))).toBe("ok");
    const theirs = await saveQuery(colleague, { name: "Yélimané", filter: gao });
    expect(await domainCode(deleteSavedQuery(members.ADMIN, theirs.id))).toBe("ok");
    expect(await domainCode(deleteSavedQuery(members.ADMIN, "not-an-id"))).toBe("notFound");
  });

  it("gives one of two concurrent savers of a new name the name, the other a clear refusal", async () => {
    const results = await Promise.all([
      domainCode(saveQuery(members.EDITOR, { name: "Bafoulabé", filter: kayes })),
      domainCode(saveQuery(colleague, { name: "Bafoulabé", filter: gao })),
    ]);
    expect(results.sort()).toEqual(["ok", "savedQueryNameTaken"]);
  });
});
