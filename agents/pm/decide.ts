import type { ProductProfile } from "../../state/profile.js";

export interface Decision {
  decision: "ticket" | "flag";
  /** Linear's scale: 1 urgent, 2 high, 3 medium, 4 low. */
  priority: number;
}

/** Share of the week's sessions past which a high-priority failure becomes urgent. */
const URGENT_SHARE = 0.1;
/** Mean score at or under which a frequent failure is treated as blocking. */
const BLOCKING_SCORE = 2.5;

/**
 * Ticket or flag by the profile's thresholds; priority by sessions affected, their share of the
 * week, and how badly the failure hurt (the mean score of its sessions).
 */
export function decide(
  group: { sessions: number; averageScore: number },
  weekSessions: number,
  thresholds: ProductProfile["thresholds"],
): Decision {
  if (group.sessions < thresholds.ticketMinSessions) return { decision: "flag", priority: 4 };
  const share = weekSessions > 0 ? group.sessions / weekSessions : 0;
  if (group.sessions >= thresholds.highPriorityMinSessions) {
    const urgent = share >= URGENT_SHARE || (share >= URGENT_SHARE / 2 && group.averageScore <= BLOCKING_SCORE);
    return { decision: "ticket", priority: urgent ? 1 : 2 };
  }
  return { decision: "ticket", priority: 3 };
}
