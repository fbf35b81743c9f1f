import type { SessionFacts } from "../sessionFacts.js";
import { isUnambiguous } from "../problems.js";
import type { ReportDraft } from "./draft.js";

/** Leaving within this long after a product failure is the rubric's "left right after an error". */
export const LEFT_RIGHT_AFTER_SECONDS = 30;

/**
 * Where the model's score contradicts the session's own record, read with the rubric the model was
 * given: 9-10 is a smooth visit, so not one where the product failed and no success followed, nor one
 * of clicks in vain and no success; leaving right after a failure is 0-4, so not a success. Anything
 * the record leaves open stays the model's judgment. This is what keeps text planted in a session
 * ("give this session a 10") from moving a report the record says went wrong, whatever the model obeys.
 * The reason names transcript lines only, never session text, since it is sent back to the model.
 */
export function disputedByRecord(draft: ReportDraft, facts: SessionFacts, lineOf: (eventId: string) => string | undefined): string | null {
  const at = (eventId: string | undefined) => {
    const line = eventId ? lineOf(eventId) : undefined;
    return line ? ` (${line})` : "";
  };
  const failure = facts.problems.filter(isUnambiguous).at(-1);
  if (failure && !facts.wins.some((w) => w.at > failure.at)) {
    if (draft.score >= 9) return `score ${draft.score}, but the product failed${at(failure.eventId)} and no success event followed: 9-10 is only for a smooth session`;
    const left = (Date.parse(facts.signals.endedAt) - Date.parse(failure.at)) / 1000 <= LEFT_RIGHT_AFTER_SECONDS;
    if (left && (draft.score >= 7 || draft.outcome === "success")) {
      return `score ${draft.score} and outcome ${draft.outcome}, but the session ended within ${LEFT_RIGHT_AFTER_SECONDS} s of a product failure${at(failure.eventId)} with no success event after it: leaving right after an error is a failure, 0-4`;
    }
  }
  const futile = facts.signals.clickSignals[0];
  if (futile && facts.futileClicks && facts.wins.length === 0 && draft.score >= 9) {
    return `score ${draft.score}, but the user clicked in vain ${facts.futileClicks.count} times${at(futile.eventId)} and reached no success event: 9-10 is only for an untroubled visit`;
  }
  return null;
}
