import { describe, expect, it } from "vitest";
import { BRIEF_STATUSES, eventsFrom, nextStatus, WORKFLOW_EVENTS } from "./state-machine";

describe("nextStatus", () => {
  it("follows the review path DRAFT → IN_REVIEW → APPROVED → PUBLISHED", () => {
    expect(nextStatus("DRAFT", "submit")).toBe("IN_REVIEW");
    expect(nextStatus("IN_REVIEW", "approve")).toBe("APPROVED");
    expect(nextStatus("APPROVED", "publish")).toBe("PUBLISHED");
  });

  it("sends a brief in review back to DRAFT on request changes or withdraw", () => {
    expect(nextStatus("IN_REVIEW", "requestChanges")).toBe("DRAFT");
    expect(nextStatus("IN_REVIEW", "withdraw")).toBe("DRAFT");
  });

  it("returns approved and published briefs to DRAFT when their content is edited", () => {
    expect(nextStatus("APPROVED", "editedAfterApproval")).toBe("DRAFT");
    expect(nextStatus("PUBLISHED", "editedAfterApproval")).toBe("DRAFT");
    expect(nextStatus("DRAFT", "editedAfterApproval")).toBeNull();
    expect(nextStatus("IN_REVIEW", "editedAfterApproval")).toBeNull();
  });

  it("refuses every other pair, including publishing straight from review", () => {
    const allowed = new Set([
      "DRAFT:submit",
      "IN_REVIEW:withdraw",
      "IN_REVIEW:requestChanges",
      "IN_REVIEW:approve",
      "APPROVED:publish",
      "APPROVED:editedAfterApproval",
      "PUBLISHED:editedAfterApproval",
    ]);
    for (const status of BRIEF_STATUSES) {
      for (const event of WORKFLOW_EVENTS) {
        const result = nextStatus(status, event);
        if (allowed.has(`${status}:${event}`)) expect(result).not.toBeNull();
        else expect(result, `${status} --${event}-->`).toBeNull();
      }
    }
    expect(nextStatus("IN_REVIEW", "publish")).toBeNull();
    expect(nextStatus("PUBLISHED", "submit")).toBeNull();
  });
});

describe("eventsFrom", () => {
  it("lists the buttons a status offers, never the system event", () => {
    expect(eventsFrom("DRAFT")).toEqual(["submit"]);
    expect(eventsFrom("IN_REVIEW")).toEqual(["withdraw", "requestChanges", "approve"]);
    expect(eventsFrom("APPROVED")).toEqual(["publish"]);
    expect(eventsFrom("PUBLISHED")).toEqual([]);
  });
});
