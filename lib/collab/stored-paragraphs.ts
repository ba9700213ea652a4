import * as Y from "yjs";
import { db } from "../db";
import { loadBriefState, storedStateAsUpdate } from "../documents/stored-state";
import { paragraphs } from "./test-clients";

/** The paragraphs of a brief as the database holds it (snapshot + update log), for tests. */
export async function storedParagraphs(briefId: string, client = db): Promise<string[]> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, storedStateAsUpdate(await loadBriefState(briefId, client)));
  const text = paragraphs(doc);
  doc.destroy();
  return text;
}
