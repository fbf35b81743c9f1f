import type { EventWrites, SessionAssignment } from "../../warehouse/types.js";
import { inChunks } from "./chunks.js";
import { makesSession } from "./policy.js";

/** A session's time span as stored. */
export interface SessionSpan {
  id: string;
  startedAt: string;
  endedAt: string;
}

/**
 * How long after a session's last page or screen event a server-side event still belongs to it. What a
 * user's action sets off on a server (a payment provider's webhook, a billing job's confirmation, an
 * email sent) lands seconds to a minute or two later, retries included; five minutes covers that and
 * matches the silence after which sessionize counts a user as away (IDLE_MS), so a later server event
 * is not taken for the visit's consequence.
 */
export const SERVER_EVENT_GRACE_MS = 5 * 60 * 1000;

/**
 * The session a server-side event at `timestamp` joins: the earliest one whose span contains it, else the
 * latest one that started before it and ended at most `graceMs` before it; null when none. `spans` are
 * by start, as sessionSpans gives them.
 */
export function sessionForServerEvent(
  timestamp: string,
  spans: readonly SessionSpan[],
  graceMs = SERVER_EVENT_GRACE_MS,
): string | null {
  // ISO timestamps compare as text, as the stored columns do.
  const span = spans.find((s) => timestamp >= s.startedAt && timestamp <= s.endedAt);
  if (span) return span.id;
  const at = Date.parse(timestamp);
  const before = spans.filter((s) => s.startedAt <= timestamp).at(-1);
  if (before && at - Date.parse(before.endedAt) <= graceMs) return before.id;
  return null;
}

/**
 * Server-side events: each session-less event of these users joins a session by sessionForServerEvent.
 * Earlier imports' sessionless events count too, and so do the events already joined: every join is
 * stored as inferred (the source named no session), so a later import re-examines it. A session that
 * arrives later can contain it, and an inferred session it sits in can merge into one named otherwise;
 * and a user whose only "source" events are these joins still counts as one without source sessions.
 * Returns the sessions that gained or lost events.
 */
export async function attachUnlinked(tx: EventWrites, users: Iterable<string>): Promise<Set<string>> {
  const gained = new Set<string>();
  for (const chunk of inChunks(users)) {
    const unsessioned = await tx.unsessionedEventsOf(chunk);
    for (const [user, events] of unsessioned) {
      const loose = events.filter((e) => e.sessionId === null || !makesSession(e));
      if (loose.length === 0) continue;
      const spans = await tx.sessionSpans(user);
      const moves: SessionAssignment[] = [];
      for (const event of loose) {
        // A page event without a session id (attachOrInfer) says the user was there: only a span that contains it.
        const target = sessionForServerEvent(event.timestamp, spans, makesSession(event) ? 0 : SERVER_EVENT_GRACE_MS);
        if (!target || target === event.sessionId) continue;
        moves.push({ uuid: event.uuid, sessionId: target, inferred: true });
        gained.add(target);
        // The session it leaves changes too, unless an inference deleted it.
        if (event.sessionId && spans.some((s) => s.id === event.sessionId)) gained.add(event.sessionId);
      }
      await tx.assignSessions(moves);
    }
  }
  return gained;
}
