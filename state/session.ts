import { z } from "zod";

/** One stack frame of an exception, as the analytics source reported it. */
export const StackFrame = z.object({
  file: z.string().describe("file name or URL as reported, e.g. webpack:///./src/a.ts"),
  function: z.string().describe("function name, or '?' when unknown"),
  line: z.number().int().nullable().describe("1-based line number"),
  column: z.number().int().nullable().optional().describe("1-based column, where the source gave one (source maps need it)"),
  inApp: z.boolean().describe("true when the frame is the product's own code"),
});
export type StackFrame = z.infer<typeof StackFrame>;

/** An exception seen in a session, with its frames innermost-first. */
export const SessionException = z.object({
  eventId: z.string().describe("uuid of the event that carried it"),
  type: z.string().describe("exception class, e.g. TypeError"),
  message: z.string().describe("the message as reported (may hold personal data until redacted)"),
  frames: z.array(StackFrame).describe("innermost (throwing) frame first"),
  route: z.string().describe("normalized route where it happened"),
  at: z.string().describe("ISO timestamp"),
});
export type SessionException = z.infer<typeof SessionException>;

/** A click that did nothing useful: repeated in anger, or on something inert. */
export const ClickSignal = z.object({
  eventId: z.string(),
  kind: z.enum(["rage", "dead"]),
  route: z.string(),
  text: z.string().describe("element text, '' when none"),
  at: z.string(),
});
export type ClickSignal = z.infer<typeof ClickSignal>;

/** A scalar property of a product event, as the analysts may read it (strings cut to a few hundred characters). */
export const EventProperty = z.union([z.string(), z.number(), z.boolean()]);
export type EventProperty = z.infer<typeof EventProperty>;

/**
 * Bump when computeSignals records something new: sessions stored under an older version are recomputed
 * from their events when read (agents/analysts/currentSignals.ts), so no re-import is needed.
 * 2: product events carry their route and scalar properties; page views their query parameters.
 * 3: the clicks themselves (element, route, time), to tell retrying what failed from working around it.
 * 4: React Native's autocaptured touches are clicks.
 * 5: the visit ends before the server-side events the rules joined after it; they do not lengthen it.
 */
export const SIGNALS_VERSION = 5;

/**
 * Everything the analysts need about a session, computed once at ingest. Profile-free on purpose: what
 * the profile declares (success, search and failure events, noise) is read from these at analysis time,
 * so a profile change needs no recomputation, only a new analyst version.
 */
export const SessionSignals = z.object({
  signalsVersion: z.number().int().optional().describe("SIGNALS_VERSION at computation; absent in rows older than version 2"),
  sessionId: z.string(),
  distinctId: z.string(),
  startedAt: z.string(),
  endedAt: z.string().describe("the last event the user was there for: server-side events the rules joined after it do not count"),
  durationSec: z.number(),
  activeSec: z
    .number()
    .optional()
    .describe("seconds of activity: gaps between events of up to 5 minutes count, longer idle gaps do not (issue #3; absent in older rows)"),
  eventCount: z.number().int(),
  pageviews: z.number().int(),
  clicks: z.number().int(),
  routes: z.array(z.string()).describe("normalized routes in visit order, consecutive repeats collapsed"),
  routeVisits: z
    .array(z.object({ route: z.string(), at: z.string() }))
    .optional()
    .describe("the routes above with when each visit began (at most 200)"),
  entryRoute: z.string(),
  exitRoute: z.string(),
  referrer: z.string().nullable().describe("referring domain, null for direct"),
  utm: z.record(z.string(), z.string()).describe("utm_* properties of the entry event"),
  exceptions: z.array(SessionException),
  clickSignals: z.array(ClickSignal),
  clickTrail: z
    .array(
      z.object({
        route: z.string(),
        element: z.string().describe("what was clicked: a short hash of its elements chain (else of its text), '' when neither is known"),
        toggle: z.boolean().optional().describe("a checkbox, radio, switch or option: clicking it again changes a setting, it does not redo an action"),
        at: z.string(),
      }),
    )
    .optional()
    .describe("every click in time order (the last 200): what the user tried just before a failure, and whether they tried it again"),
  customEvents: z
    .array(
      z.object({
        eventId: z.string(),
        name: z.string(),
        at: z.string(),
        route: z.string().optional().describe("normalized route where it happened"),
        props: z.record(z.string(), EventProperty).optional().describe("its scalar, non-$ properties"),
      }),
    )
    .describe("the product's own (non-$) events in time order; the profile says which mean success, search or failure"),
  pageParams: z
    .array(z.object({ eventId: z.string(), route: z.string(), params: z.record(z.string(), z.string()), at: z.string() }))
    .optional()
    .describe("page views whose URL had query parameters (tracking parameters left out): searches are read from them"),
  host: z.string().nullable().optional().describe("host of the product's pages, to tell third-party scripts from its own"),
  lastEventId: z.string(),
});
export type SessionSignals = z.infer<typeof SessionSignals>;

/** An analytics event in the warehouse's own model, whatever source it came from. */
export interface StoredEvent {
  /** Source-unique id (PostHog uuid); the deduplication key. */
  uuid: string;
  event: string;
  distinctId: string;
  /** ISO 8601, UTC. */
  timestamp: string;
  sessionId: string | null;
  properties: Record<string, unknown>;
  /**
   * `properties` as JSON text, when the source wrote exactly them as such (a JSON line's, a CSV column):
   * stored as written rather than serialized again. Parsing it gives `properties`.
   */
  propertiesJson?: string;
  /** Read back from storage: the session was given by the rules (connectors/sessions/), not named by the source. */
  sessionInferred?: boolean;
}
