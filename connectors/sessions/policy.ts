import type { SessionSignals, StoredEvent } from "../../state/session.js";

/** Computes a session's signals from all of its events, in time order. */
export type Sessionizer = (sessionId: string, events: StoredEvent[]) => SessionSignals;

/** Names an inferred session from its user and first event, so that re-imports agree. */
export type InferredSessionId = (distinctId: string, first: { uuid: string; timestamp: string }) => string;

/**
 * What an import does with events that carry no session id (issue #3). `attach`: a source that records
 * sessions; such an event (server-side) joins the same user's session whose time span contains it, or
 * one it follows within a grace window (attachUnlinked.ts), else stays sessionless. `infer`: a source
 * without sessions (Segment); a user's page and screen events are cut into sessions at gaps longer than
 * `gapMs`. `attachOrInfer`: a source with session ids; a user who has real sessions gets their
 * session-less events attached, a user with none at all (no session tracking) is sessionized by
 * inactivity.
 */
export type UnlinkedPolicy =
  | { kind: "attach" }
  | { kind: "infer"; gapMs: number; sessionIdOf: InferredSessionId }
  | { kind: "attachOrInfer"; gapMs: number; sessionIdOf: InferredSessionId };

/** Properties that say an event happened on a page or screen of the product. */
const PLACE_PROPERTIES = ["$current_url", "$pathname", "$screen_name"] as const;

/**
 * Only events of a page or screen say the user was in the product: a server-side event (a billing
 * job's invoice_paid) never makes a session; it joins one that spans it or that it shortly follows.
 */
export function makesSession(event: StoredEvent): boolean {
  return PLACE_PROPERTIES.some((key) => event.properties[key] !== undefined && event.properties[key] !== null);
}
