import type { beforeHandleAwarenessPayload } from "@hocuspocus/server";
import { describe, expect, it } from "vitest";
import { AwarenessGuardExtension } from "./awareness-guard";
import {
  FALLBACK_PRESENCE_COLOR,
  isPresenceColor,
  presenceColor,
  userColor,
} from "./presence-color";

describe("presence colours", () => {
  it.each(["#abc", "#A1B2C3", "#000000"])("accepts %s", (value) => {
    expect(isPresenceColor(value)).toBe(true);
  });

  it.each([
    "red",
    "#abcd",
    "#12345g",
    "hsl(1 2% 3%)",
    "#fff; background: url(//evil.example)",
    "#fff\n",
    " #fff",
    "",
    null,
    12,
  ])("refuses %j", (value) => {
    expect(isPresenceColor(value)).toBe(false);
    expect(presenceColor(value)).toBe(FALLBACK_PRESENCE_COLOR);
  });

  it("gives every user a valid colour of their own", () => {
    expect(isPresenceColor(userColor("user-1"))).toBe(true);
    expect(userColor("user-1")).toBe(userColor("user-1"));
  });
});

describe("AwarenessGuardExtension colours", () => {
  const identity = { id: "u1", name: "Awa" };
  function run(states: Map<number, Record<string, unknown>>) {
    const payload = {
      states,
      context: { user: identity, briefId: "b", workspaceId: "w", readOnly: false },
      connection: {},
      document: { name: "brief.b", awareness: { getStates: () => new Map() } },
    } as unknown as beforeHandleAwarenessPayload;
    return new AwarenessGuardExtension().beforeHandleAwareness(payload);
  }

  it("replaces a colour that is not a hex colour and keeps a valid one", async () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { ...identity, color: "#fff; background: url(//evil.example)" }, cursor: 1 }],
      [2, { user: { ...identity, color: "#12ab34" } }],
    ]);
    await run(states);
    expect(states.get(1)).toEqual({
      user: { ...identity, color: FALLBACK_PRESENCE_COLOR },
      cursor: 1,
    });
    expect(states.get(2)).toEqual({ user: { ...identity, color: "#12ab34" } });
  });
});
