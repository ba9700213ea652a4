/**
 * Accepting and rejecting suggestions: the library's commands, which mark their own
 * transactions so that suggesting mode never turns an accept into a new suggestion. Each
 * is one transaction, so one undo step.
 */
import {
  applySuggestion,
  applySuggestions,
  revertSuggestion,
  revertSuggestions,
  selectSuggestion,
} from "@handlewithcare/prosemirror-suggest-changes";
import type { Command } from "@tiptap/pm/state";
import { MALFORMED } from "./collect";

export function acceptSuggestion(id: string): Command {
  return id === MALFORMED ? () => false : applySuggestion(id);
}

export function rejectSuggestion(id: string): Command {
  return id === MALFORMED ? () => false : revertSuggestion(id);
}

export const acceptAllSuggestions: Command = applySuggestions;
export const rejectAllSuggestions: Command = revertSuggestions;

export function selectSuggestionText(id: string): Command {
  return id === MALFORMED ? () => false : selectSuggestion(id);
}
