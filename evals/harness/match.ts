import type { TruthSession } from "./truth.js";

export interface Matched {
  /** The truth entry of each session selfheal made, by session id. */
  bySession: Map<string, TruthSession>;
  /** What keeps the truth and the sessions from matching one to one: dataset defects. */
  defects: string[];
}

const LISTED = 5;

function listed(items: string[]): string {
  return items.slice(0, LISTED).join(", ") + (items.length > LISTED ? `, and ${items.length - LISTED} more` : "");
}

/**
 * Finds each truth entry's session by its anchor (the session that holds that event). Every session
 * must get exactly one entry: sessions with none, anchors in no session and sessions with two entries
 * are reported as defects.
 */
export function matchTruth(sessions: TruthSession[], eventsBySession: Map<string, Set<string>>): Matched {
  const sessionOfEvent = new Map<string, string>();
  for (const [sessionId, events] of eventsBySession) for (const id of events) sessionOfEvent.set(id, sessionId);
  const bySession = new Map<string, TruthSession>();
  const unknownAnchors: string[] = [];
  const doubled: string[] = [];
  for (const entry of sessions) {
    const sessionId = sessionOfEvent.get(entry.anchor);
    if (!sessionId) unknownAnchors.push(entry.anchor);
    else if (bySession.has(sessionId)) doubled.push(`${sessionId} (anchors ${bySession.get(sessionId)?.anchor} and ${entry.anchor})`);
    else bySession.set(sessionId, entry);
  }
  const unlabelled = [...eventsBySession.keys()].filter((id) => !bySession.has(id));
  const defects: string[] = [];
  if (unlabelled.length) defects.push(`${unlabelled.length} sessions have no truth entry: ${listed(unlabelled)}`);
  if (unknownAnchors.length) defects.push(`${unknownAnchors.length} truth anchors are in no session: ${listed(unknownAnchors)}`);
  if (doubled.length) defects.push(`${doubled.length} sessions have two truth entries: ${listed(doubled)}`);
  return { bySession, defects };
}
