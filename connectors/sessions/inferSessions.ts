import type { EventWrites, SessionAssignment } from "../../warehouse/types.js";
import { makesSession, type InferredSessionId } from "./policy.js";

/**
 * Cuts each user's session-less and inferred page/screen events into sessions at inactivity gaps.
 * A session whose id no longer comes out (it merged into one that starts earlier) is deleted with
 * its reports. Adds the sessions it changed to `touched` and removes the ones it deleted; returns the
 * sessions that gained events.
 */
export async function inferSessions(
  tx: EventWrites,
  users: Iterable<string>,
  rule: { gapMs: number; sessionIdOf: InferredSessionId; onlyUsersWithoutSessions: boolean },
  touched: Set<string>,
): Promise<Set<string>> {
  const gained = new Set<string>();
  for (const user of users) {
    // A user with any real (source-given) session is left to attachUnlinked.
    if (rule.onlyUsersWithoutSessions && (await tx.hasSourceSession(user))) continue;
    const before = new Set<string>();
    const after = new Set<string>();
    const moves: SessionAssignment[] = [];
    let current: string | null = null;
    let lastMs = Number.NEGATIVE_INFINITY;
    for (const event of ((await tx.unsessionedEventsOf([user])).get(user) ?? []).filter(makesSession)) {
      const ms = Date.parse(event.timestamp);
      if (current === null || ms - lastMs > rule.gapMs) current = rule.sessionIdOf(user, event);
      lastMs = ms;
      if (event.sessionId) before.add(event.sessionId);
      after.add(current);
      if (event.sessionId !== current) {
        moves.push({ uuid: event.uuid, sessionId: current, inferred: true });
        touched.add(current);
        gained.add(current);
      }
    }
    await tx.assignSessions(moves);
    for (const id of before) {
      if (after.has(id)) continue;
      await tx.deleteSession(id);
      touched.delete(id);
    }
  }
  return gained;
}
