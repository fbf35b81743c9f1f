import type { ProductProfile } from "../../state/profile.js";

export interface Decision {
  decision: "ticket" | "flag";
  /** Linear's scale: 1 urgent, 2 high, 3 medium, 4 low. */
  priority: number;
}

/** Share of the week's sessions past which a high-priority failure becomes urgent. */
export const URGENT_SHARE = 0.1;
/** Points under the week's mean score from which a failure counts as blocking users. */
export const SEVERE_DROP = 4;
/** Points under the week's mean score up to which a failure barely hurts. */
export const MILD_DROP = 1;

export interface DecisionInput {
  /** Sessions the pattern affected. */
  sessions: number;
  /** Mean implied score (0-10) of those sessions. */
  averageScore: number;
  /** Of those, the sessions that did not reach what they came for (all of them when not counted). */
  blocked?: number;
}

export interface WeekFigures {
  /** Sessions in the week. */
  sessions: number;
  /** Mean implied score of all the week's scored sessions (null when none). */
  averageScore: number | null;
}

/**
 * Ticket or flag by the profile's thresholds, which keep their meaning: under `ticketMinSessions`, or
 * when every one of its users reached a success after it, a pattern is flagged (priority 4), at or over `highPriorityMinSessions` it is high priority (2) or
 * urgent (1), in between it is medium (3). Within those bands, the share of the week's sessions and the
 * score drop (how far under the week's mean the pattern's sessions scored) move it one step:
 * - high becomes urgent at 10% of the week, or at 5% when the drop is severe (4+ points);
 * - medium becomes high when the drop is severe, and low when it is mild (1 point or less).
 */
export function decide(group: DecisionInput, week: WeekFigures, thresholds: ProductProfile["thresholds"]): Decision {
  // A failure every user got past (a declined card tried again) costs no one their goal: watched, not ticketed.
  if (group.sessions < thresholds.ticketMinSessions || group.blocked === 0) return { decision: "flag", priority: 4 };
  const share = week.sessions > 0 ? group.sessions / week.sessions : 0;
  const drop = week.averageScore === null ? 0 : week.averageScore - group.averageScore;
  if (group.sessions >= thresholds.highPriorityMinSessions) {
    const urgent = share >= URGENT_SHARE || (share >= URGENT_SHARE / 2 && drop >= SEVERE_DROP);
    return { decision: "ticket", priority: urgent ? 1 : 2 };
  }
  if (drop >= SEVERE_DROP) return { decision: "ticket", priority: 2 };
  if (week.averageScore !== null && drop <= MILD_DROP) return { decision: "ticket", priority: 4 };
  return { decision: "ticket", priority: 3 };
}
