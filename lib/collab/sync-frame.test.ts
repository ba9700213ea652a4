import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { writeSyncStep1, writeUpdate } from "y-protocols/sync";
import * as Y from "yjs";
import { documentUpdateOf, isEmptyUpdate, isWellFormedUpdate } from "./sync-frame";

function frame(write: (encoder: encoding.Encoder) => void, type = 0): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, "brief.x");
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function someUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getXmlFragment("default").insert(0, [new Y.XmlText("hello")]);
  return Y.encodeStateAsUpdate(doc);
}

describe("sync frames", () => {
  it("extracts the update of an update or SyncStep2 message", () => {
    const update = someUpdate();
    expect(documentUpdateOf(frame((e) => writeUpdate(e, update)))).toEqual(update);
    expect(
      documentUpdateOf(
        frame((e) => {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint8Array(e, update);
        }),
      ),
    ).toEqual(update);
    expect(documentUpdateOf(frame((e) => writeUpdate(e, update), 4))).toEqual(update);
  });

  it("returns null for messages without a document update", () => {
    expect(documentUpdateOf(frame((e) => writeSyncStep1(e, new Y.Doc())))).toBeNull();
    expect(
      documentUpdateOf(frame((e) => encoding.writeVarUint8Array(e, new Uint8Array([1, 2])), 1)),
    ).toBeNull();
  });

  it("throws on frames cut short", () => {
    const full = frame((e) => writeUpdate(e, someUpdate()));
    expect(() => documentUpdateOf(full.subarray(0, full.length - 3))).toThrow();
  });

  it("recognises empty updates", () => {
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
    expect(isEmptyUpdate(someUpdate())).toBe(false);
  });

  it("accepts real updates and refuses random bytes and truncated updates", () => {
    const update = someUpdate();
    expect(isWellFormedUpdate(update)).toBe(true);
    expect(isWellFormedUpdate(update.subarray(0, update.length - 4))).toBe(false);
    expect(isWellFormedUpdate(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]))).toBe(false);
    let refused = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const bytes = Uint8Array.from({ length: 64 }, (_, i) => (seed * 7919 + i * 104729) % 256);
      if (!isWellFormedUpdate(bytes)) refused += 1;
    }
    expect(refused).toBeGreaterThan(45);
  });
});
