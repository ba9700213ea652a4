import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { compactBrief } from "@/lib/collab/compaction";
import { db } from "@/lib/db";
import type { Member, Role } from "@/lib/policy/can";
import { freezeBrief } from "@/lib/publishing/freeze";
import { loadLiveDocument } from "@/lib/publishing/live-document";
import { domainCode } from "@/lib/test/domain-code";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { AFTER_COMPACTION } from "@/lib/workflow/collab-hooks";
import { publish } from "@/lib/workflow/publish";
import { reviewPanel } from "@/lib/workflow/queries";
import { approve, submitForReview } from "@/lib/workflow/service";
import { editDraft, newBrief, typeParagraph } from "@/lib/workflow/test-helpers";

withTestDatabase("suggestions-approval");

let members: Record<Role, Member>;

beforeAll(async () => {
  ({ members } = await workspaceWith(["VIEWER", "EDITOR", "APPROVER", "ADMIN"]));
});

function mark(author: Member, id: string = randomUUID()) {
  return { id, author: author.userId, authorName: "Reviewer", at: new Date().toISOString() };
}

/** The first paragraph's text of the stored draft, as the collab server holds it. */
function firstText(fragment: Y.XmlFragment): Y.XmlText {
  return (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

const SENTENCE = "The toll rose sevenfold in Gao.";

/** A draft with SENTENCE, then two suggestions by the editor: an insertion and a deletion. */
async function draftWithSuggestions(): Promise<{
  id: string;
  insertion: string;
  deletion: string;
}> {
  const id = await newBrief(members.EDITOR);
  await typeParagraph(id, members.EDITOR.userId, SENTENCE);
  const insertion = randomUUID();
  const deletion = randomUUID();
  await editDraft(id, members.EDITOR.userId, (fragment) => {
    const text = firstText(fragment);
    text.insert("The toll rose sevenfold".length, " (×7)", {
      insertion: mark(members.EDITOR, insertion),
    });
    text.format(SENTENCE.indexOf(" in Gao") + " (×7)".length, " in Gao".length, {
      deletion: mark(members.EDITOR, deletion),
    });
  });
  return { id, insertion, deletion };
}

/** Accepting the insertion (its text stays, unmarked) and rejecting the deletion (likewise). */
async function decideBoth(id: string) {
  await editDraft(id, members.EDITOR.userId, (fragment) => {
    const text = firstText(fragment);
    text.format(0, text.length, { insertion: null, deletion: null });
  });
}

describe("the approval gate", () => {
  it("lets a draft with pending suggestions be submitted, refuses approval while any is pending and says how many", async () => {
    const { id } = await draftWithSuggestions();
    expect(await domainCode(submitForReview(members.EDITOR, id))).toBe("ok");
    expect((await reviewPanel(members.APPROVER, id))!.pendingSuggestions).toBe(2);
    const refused = await approve(members.APPROVER, id).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "workflowSuggestionsPending", values: { count: 2 } });
    expect((await db.brief.findUniqueOrThrow({ where: { id } })).status).toBe("IN_REVIEW");
    // Compacted or still in the log, the count is the same.
    await compactBrief(id, { afterCompaction: AFTER_COMPACTION });
    expect(await domainCode(approve(members.APPROVER, id))).toBe("workflowSuggestionsPending");

    await decideBoth(id);
    expect((await reviewPanel(members.APPROVER, id))!.pendingSuggestions).toBe(0);
    expect(await domainCode(approve(members.APPROVER, id))).toBe("ok");
  });

  it("approves the accepted content only: a suggestion made after approval leaves it approved and is not published", async () => {
    const id = await newBrief(members.EDITOR);
    await typeParagraph(id, members.EDITOR.userId, SENTENCE);
    await submitForReview(members.EDITOR, id);
    await approve(members.APPROVER, id);
    const approved = await db.brief.findUniqueOrThrow({ where: { id } });

    await editDraft(id, members.EDITOR.userId, (fragment) => {
      const text = firstText(fragment);
      text.insert(0, "Reportedly, ", { insertion: mark(members.EDITOR) });
      text.format("Reportedly, The toll".length, " rose".length, {
        deletion: mark(members.EDITOR),
      });
    });
    await compactBrief(id, { afterCompaction: AFTER_COMPACTION });
    const after = await db.brief.findUniqueOrThrow({ where: { id } });
    expect(after.status).toBe("APPROVED");
    expect(after.approvedHash).toBe(approved.approvedHash);

    const live = await loadLiveDocument(id);
    expect(live.pendingSuggestions).toBe(2);
    expect(live.hash).not.toBe(live.acceptedHash);

    const version = await publish(members.ADMIN, id, { publicLink: false });
    const stored = await db.briefVersion.findUniqueOrThrow({ where: { id: version.versionId } });
    expect(stored.contentText).toBe(SENTENCE);
    expect(stored.html).toContain(SENTENCE);
    expect(stored.html).not.toContain("Reportedly");
    expect(JSON.stringify(stored.contentJson)).not.toMatch(/insertion|deletion/);
    expect(stored.contentHash).toBe(approved.approvedHash);
  });

  it("a hostile client's malformed suggestion (bad id, huge author name) breaks neither the brief nor publishing", async () => {
    const id = await newBrief(members.EDITOR);
    await typeParagraph(id, members.EDITOR.userId, SENTENCE);
    await editDraft(id, members.EDITOR.userId, (fragment) => {
      firstText(fragment).insert(0, "FORGED ", {
        insertion: { id: "<script>", author: 42, authorName: "x".repeat(200_000), at: "soon" },
      });
    });
    await compactBrief(id, { afterCompaction: AFTER_COMPACTION });
    const live = await loadLiveDocument(id);
    // The text is still there, still a (malformed) suggestion: pending, not accepted content.
    expect(live.text).toBe(`FORGED ${SENTENCE}`);
    expect(live.pendingSuggestions).toBe(1);
    const frozen = await freezeBrief(members.EDITOR, id);
    expect(frozen.contentText).toBe(SENTENCE);
    expect(frozen.html).not.toContain("FORGED");
    expect(frozen.html).not.toContain("xxxxxxxx");
    expect(frozen.problems).toEqual([]);
  });
});
