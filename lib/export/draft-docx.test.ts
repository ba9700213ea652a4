import JSZip from "jszip";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import type { Member, Role } from "@/lib/policy/can";
import { domainCode } from "@/lib/test/domain-code";
import { workspaceWith } from "@/lib/test/factories";
import { withTestDatabase } from "@/lib/test/with-test-database";
import { editDraft, newBrief, typeParagraph } from "@/lib/workflow/test-helpers";
import { draftDocx } from "./draft-docx";

withTestDatabase("export-draft-docx");

let members: Record<Role, Member>;
beforeAll(async () => {
  ({ members } = await workspaceWith(["VIEWER", "EDITOR"]));
});

describe("the draft as Word", () => {
  it("carries the pending suggestions as tracked changes and says it is a draft", async () => {
    const id = await newBrief(members.EDITOR);
    await typeParagraph(id, members.EDITOR.userId, "The toll rose sevenfold in Gao.");
    const mark = {
      author: members.EDITOR.userId,
      authorName: "Aminata",
      at: new Date().toISOString(),
    };
    await editDraft(id, members.EDITOR.userId, (fragment) => {
      const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert("The toll rose sevenfold".length, " (×7)", {
        insertion: { id: randomUUID(), ...mark },
      });
      text.format(0, "The ".length, { deletion: { id: randomUUID(), ...mark } });
    });
    const { bytes, filename } = await draftDocx(members.EDITOR.userId, id);
    expect(filename).toMatch(/\(draft\)\.docx$/);
    const zip = await JSZip.loadAsync(bytes);
    const doc = await zip.file("word/document.xml")!.async("string");
    expect(doc).toMatch(/<w:ins [^>]*w:author="Aminata"[^>]*>[\s\S]*?\(×7\)[\s\S]*?<\/w:ins>/);
    expect(doc).toMatch(
      /<w:del [^>]*w:author="Aminata"[^>]*>[\s\S]*?<w:delText[^>]*>The <\/w:delText>/,
    );
    expect(doc).toContain("2 pending suggestions");
    expect(doc).not.toContain("Approved by");
    expect(await zip.file("word/settings.xml")!.async("string")).toContain("<w:trackRevisions");
  });

  it("is for those who may edit the brief", async () => {
    const id = await newBrief(members.EDITOR);
    expect(await domainCode(draftDocx(members.VIEWER.userId, id))).toBe("forbidden");
  });
});
