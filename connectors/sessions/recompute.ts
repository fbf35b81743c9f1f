import type { EventWrites } from "../../warehouse/types.js";
import { isoWeekOf } from "../../runtime/week.js";
import type { Sessionizer } from "./policy.js";

/**
 * Recomputes each session from all its stored events (read back in time order, so memory is one
 * session's) and returns the users they belong to. Their reports go stale: they describe less than happened.
 */
export async function recomputeSessions(tx: EventWrites, ids: Iterable<string>, sessionize: Sessionizer): Promise<Set<string>> {
  const users = new Set<string>();
  for (const id of ids) {
    const signals = sessionize(id, await tx.sessionEvents(id));
    users.add(signals.distinctId);
    await tx.saveSession({
      id,
      distinctId: signals.distinctId,
      startedAt: signals.startedAt,
      endedAt: signals.endedAt,
      week: isoWeekOf(new Date(signals.startedAt)),
      eventCount: signals.eventCount,
      signals,
    });
  }
  return users;
}
