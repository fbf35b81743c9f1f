import type { EventWrites, SessionAssignment } from "../../warehouse/types.js";
import { inChunks } from "./chunks.js";

/**
 * Server-side events: each session-less event of these users joins the user's earliest session whose
 * span contains it. Earlier imports' sessionless events count too, since a session that arrives later
 * can cover them. Returns the sessions that gained events.
 */
export async function attachUnlinked(tx: EventWrites, users: Iterable<string>): Promise<Set<string>> {
  const gained = new Set<string>();
  for (const chunk of inChunks(users)) {
    const unsessioned = await tx.unsessionedEventsOf(chunk);
    for (const [user, events] of unsessioned) {
      const loose = events.filter((e) => e.sessionId === null);
      if (loose.length === 0) continue;
      const spans = await tx.sessionSpans(user);
      const moves: SessionAssignment[] = [];
      for (const event of loose) {
        // ISO timestamps compare as text, as the stored columns do.
        const span = spans.find((s) => event.timestamp >= s.startedAt && event.timestamp <= s.endedAt);
        if (!span) continue;
        moves.push({ uuid: event.uuid, sessionId: span.id, inferred: false });
        gained.add(span.id);
      }
      await tx.assignSessions(moves);
    }
  }
  return gained;
}
