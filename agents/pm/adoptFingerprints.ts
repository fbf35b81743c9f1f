import type { FailurePattern } from "../../state/pattern.js";
import type { Ticket } from "../../state/ticket.js";
import { normalizeMessage } from "./normalize.js";
import { SAME_TOPIC, textSimilarity } from "./semanticGroups.js";

/**
 * An improvement is grouped by what its reports say, and next week's reports may say it differently
 * (another leading text, an analyst upgrade): before ticketing, an improvement pattern with no ticket of
 * its own takes over the fingerprint of the most similar improvement ticket that no pattern of this
 * week claims, so the recurring need updates its ticket instead of filing a twin. Bugs keep theirs:
 * their fingerprints come from stack frames and messages, which do not drift.
 */
export function adoptFingerprints(patterns: FailurePattern[], tickets: Ticket[]): FailurePattern[] {
  const claimed = new Set(patterns.map((p) => p.fingerprint));
  const ticketed = new Set(tickets.map((t) => t.fingerprint));
  const free = tickets.filter((t) => t.kind === "improvement" && !claimed.has(t.fingerprint));
  return patterns.map((pattern) => {
    if (pattern.kind !== "improvement" || ticketed.has(pattern.fingerprint)) return pattern;
    let best: Ticket | null = null;
    let bestScore = SAME_TOPIC - 1e-9;
    for (const ticket of free) {
      if (claimed.has(ticket.fingerprint)) continue;
      const score = textSimilarity(normalizeMessage(pattern.title), normalizeMessage(ticket.title));
      if (score > bestScore) [best, bestScore] = [ticket, score];
    }
    if (!best) return pattern;
    claimed.add(best.fingerprint);
    return { ...pattern, fingerprint: best.fingerprint };
  });
}
