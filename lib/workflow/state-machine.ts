/**
 * The review workflow as a pure function: which event moves a brief from which
 * status to which, and which policy action a person needs to cause it. The service checks
 * both; the UI asks the same table which buttons to show.
 *
 *   DRAFT ──submit──▶ IN_REVIEW ──approve──▶ APPROVED ──publish──▶ PUBLISHED
 *     ▲                 │  │                    │                     │
 *     └──requestChanges─┘  └─withdraw─▶ DRAFT   └── content edited ───┴──▶ DRAFT (system)
 *
 * Publishing straight from IN_REVIEW is not a transition. Revising a PUBLISHED brief needs
 * no event of its own: the first edit puts it back to DRAFT, from where it is submitted.
 */
import { BRIEF_STATUSES, type BriefStatus } from "@/lib/briefs/schema";
import type { BriefAction } from "@/lib/policy/can";

// The statuses belong to the brief; the workflow moves between them.
export { BRIEF_STATUSES, type BriefStatus };

export const WORKFLOW_EVENTS = [
  "submit",
  "withdraw",
  "requestChanges",
  "approve",
  "publish",
  "editedAfterApproval",
] as const;
export type WorkflowEvent = (typeof WORKFLOW_EVENTS)[number];

/** What a person may trigger (the system's "editedAfterApproval" is not a button). */
export type PersonEvent = Exclude<WorkflowEvent, "editedAfterApproval">;

export type TransitionKind =
  | "SUBMIT"
  | "WITHDRAW"
  | "REQUEST_CHANGES"
  | "APPROVE"
  | "PUBLISH"
  | "EDITED_AFTER_APPROVAL"
  /** Not a status change: who may read the published versions (audit log only). */
  | "VISIBILITY"
  /** Not a status change: the handling marking (audit log only). */
  | "MARKING";

const TABLE: Record<WorkflowEvent, { from: readonly BriefStatus[]; to: BriefStatus }> = {
  submit: { from: ["DRAFT"], to: "IN_REVIEW" },
  withdraw: { from: ["IN_REVIEW"], to: "DRAFT" },
  requestChanges: { from: ["IN_REVIEW"], to: "DRAFT" },
  approve: { from: ["IN_REVIEW"], to: "APPROVED" },
  publish: { from: ["APPROVED"], to: "PUBLISHED" },
  editedAfterApproval: { from: ["APPROVED", "PUBLISHED"], to: "DRAFT" },
};

export const TRANSITION_KIND: Record<WorkflowEvent, TransitionKind> = {
  submit: "SUBMIT",
  withdraw: "WITHDRAW",
  requestChanges: "REQUEST_CHANGES",
  approve: "APPROVE",
  publish: "PUBLISH",
  editedAfterApproval: "EDITED_AFTER_APPROVAL",
};

/** The policy action a member needs for each event they can trigger. */
export const EVENT_ACTION: Record<PersonEvent, BriefAction> = {
  submit: "brief.submit",
  // Taking a brief back out of review is the editor's call, like submitting it.
  withdraw: "brief.submit",
  requestChanges: "brief.requestChanges",
  approve: "brief.approve",
  publish: "brief.publish",
};

/** The status after `event`, or null when the event is not allowed from `from`. */
export function nextStatus(from: BriefStatus, event: WorkflowEvent): BriefStatus | null {
  const rule = TABLE[event];
  return rule.from.includes(from) ? rule.to : null;
}

/** Events a person could trigger from `status` (before asking the policy). */
export function eventsFrom(status: BriefStatus): PersonEvent[] {
  return WORKFLOW_EVENTS.filter(
    (event): event is PersonEvent =>
      event !== "editedAfterApproval" && nextStatus(status, event) !== null,
  );
}
