import type { EventWrites } from "../../warehouse/types.js";
import type { Sessionizer } from "./policy.js";
import { inChunks } from "./chunks.js";
import { rowOf } from "./batchSessions.js";

/**
 * Recomputes each session from all its stored events (read back in time order, a chunk of sessions at
 * a time, so memory is a chunk's) and returns the users they belong to. Their reports go stale: they
 * describe less than happened.
 */
export async function recomputeSessions(tx: EventWrites, ids: Iterable<string>, sessionize: Sessionizer): Promise<Set<string>> {
  const users = new Set<string>();
  // Copied first: the caller's set may grow while this runs.
  for (const chunk of inChunks([...ids])) {
    const events = await tx.eventsOfSessions(chunk);
    for (const id of chunk) {
      const signals = sessionize(id, events.get(id) ?? []);
      users.add(signals.distinctId);
      await tx.saveSession(rowOf(id, signals));
    }
  }
  return users;
}
