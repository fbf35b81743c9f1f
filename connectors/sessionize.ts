import { createHash } from "node:crypto";
import { SIGNALS_VERSION, type ClickSignal, type SessionException, type SessionSignals, type StoredEvent } from "../state/session.js";
import { exceptionsOf } from "./exceptions.js";
import { hostOf, queryParamsOf, scalarProperties } from "./eventFields.js";
import { normalizeRoute } from "./routes.js";
import { memoized } from "../runtime/memo.js";
import { makesSession } from "./sessions/policy.js";

/** Analytics plumbing, not product behaviour: never a custom event. */
const isInternalEvent = (name: string): boolean => name.startsWith("$") || name.startsWith("survey ");
const MAX_LISTED = 200;
/** A longer silence between two events is the user away, not active time. */
const IDLE_MS = 5 * 60 * 1000;

/**
 * Computes a session's signals from all its events (any order; sorted here). Source-agnostic: it reads
 * the warehouse's event model, which uses PostHog's property names.
 */
export function computeSignals(sessionId: string, unsorted: StoredEvent[]): SessionSignals {
  const events = [...unsorted].sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.uuid.localeCompare(b.uuid));
  const first = events[0];
  if (!first) throw new Error(`session ${sessionId} has no events`);
  // A server-side event the rules joined after the visit (a webhook, a billing job) says nothing of how long
  // the user stayed or whether they left right after a failure: the visit ends before such events.
  const visit = visitOf(events);
  const last = visit.at(-1) ?? first;

  const routes: string[] = [];
  const routeVisits: NonNullable<SessionSignals["routeVisits"]> = [];
  const exceptions: SessionException[] = [];
  const clickSignals: ClickSignal[] = [];
  const clickTrail: NonNullable<SessionSignals["clickTrail"]> = [];
  const customEvents: SessionSignals["customEvents"] = [];
  const pageParams: NonNullable<SessionSignals["pageParams"]> = [];
  let host: string | null = null;
  let pageviews = 0;
  let currentRoute = routeOf(first) ?? "/";

  for (const e of events) {
    const route = routeOf(e);
    if (route) currentRoute = route;
    if (e.event === "$pageview" || e.event === "$screen") {
      pageviews++;
      if (routes.at(-1) !== currentRoute) {
        routes.push(currentRoute);
        if (routeVisits.length < MAX_LISTED) routeVisits.push({ route: currentRoute, at: e.timestamp });
      }
      const url = String(e.properties["$current_url"] ?? "");
      host ??= hostOf(url);
      const params = queryParamsOf(url);
      if (params && pageParams.length < MAX_LISTED) pageParams.push({ eventId: e.uuid, route: currentRoute, params, at: e.timestamp });
    }
    if (isClick(e)) {
      clickTrail.push({ route: currentRoute, element: elementIdentity(e), at: e.timestamp, ...(isToggle(e) ? { toggle: true } : {}) });
    }
    if (e.event === "$rageclick" || e.event === "$dead_click") {
      clickSignals.push({
        eventId: e.uuid,
        kind: e.event === "$rageclick" ? "rage" : "dead",
        route: currentRoute,
        text: elementText(e),
        at: e.timestamp,
      });
    }
    if (e.event === "$exception") {
      for (const ex of exceptionsOf(e.properties)) {
        exceptions.push({ eventId: e.uuid, ...ex, route: currentRoute, at: e.timestamp });
      }
    }
    if (!isInternalEvent(e.event) && customEvents.length < MAX_LISTED) {
      customEvents.push({ eventId: e.uuid, name: e.event, at: e.timestamp, route: currentRoute, props: scalarProperties(e.properties) });
    }
  }

  const durationSec = (Date.parse(last.timestamp) - Date.parse(first.timestamp)) / 1000;
  let activeMs = 0;
  for (let i = 1; i < visit.length; i++) {
    const gap = Date.parse(visit[i]?.timestamp ?? "") - Date.parse(visit[i - 1]?.timestamp ?? "");
    if (gap <= IDLE_MS) activeMs += gap;
  }
  return {
    signalsVersion: SIGNALS_VERSION,
    sessionId,
    distinctId: first.distinctId,
    startedAt: first.timestamp,
    endedAt: last.timestamp,
    durationSec,
    activeSec: activeMs / 1000,
    eventCount: events.length,
    pageviews,
    clicks: clickTrail.length, // every click is in the trail until it is cut below
    routes: routes.length ? routes : [currentRoute],
    routeVisits,
    entryRoute: routes[0] ?? routeOf(first) ?? "/",
    exitRoute: currentRoute,
    referrer: referrerOf(events),
    utm: utmOf(events),
    exceptions: exceptions.slice(0, MAX_LISTED),
    clickSignals: clickSignals.slice(0, MAX_LISTED),
    // The last ones: what a failure late in a long session followed matters more than the first clicks.
    clickTrail: clickTrail.slice(-MAX_LISTED),
    customEvents,
    pageParams,
    host,
    lastEventId: last.uuid,
  };
}

/**
 * The events up to the last one the user was there for: trailing server-side events the rules joined
 * (stored as inferred, without a page or screen) are left out; events the source put in the session
 * (an Amplitude custom event has no page) stay. All of them when nothing else is left.
 */
function visitOf(events: StoredEvent[]): StoredEvent[] {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e && (!e.sessionInferred || makesSession(e))) return events.slice(0, i + 1);
  }
  return events;
}

function routeOf(e: StoredEvent): string | null {
  const path = e.properties["$pathname"] ?? e.properties["$current_url"] ?? e.properties["$screen_name"];
  return typeof path === "string" && path.length > 0 ? normalizeRoute(path) : null;
}

/** A click on the web; a touch in React Native, whose autocapture records taps as `touch`. */
function isClick(e: StoredEvent): boolean {
  const type = e.properties["$event_type"];
  return e.event === "$rageclick" || (e.event === "$autocapture" && (type === "click" || type === "touch"));
}

/** The clicked element as a short hash: its chain tells apart two "Run" buttons on one page, and a hash keeps the trail small. */
function elementIdentity(e: StoredEvent): string {
  const chain = e.properties["$elements_chain"] ?? e.properties["elements_chain"];
  const basis = typeof chain === "string" && chain ? chain : elementText(e);
  return basis ? elementHash(basis) : "";
}

const elementHash = memoized((basis: string): string => createHash("sha256").update(basis).digest("hex").slice(0, 12));

/** The clicked element (the chain's first) sets an option rather than acting: a checkbox, radio, switch, select or option. */
function isToggle(e: StoredEvent): boolean {
  const chain = e.properties["$elements_chain"] ?? e.properties["elements_chain"];
  const clicked = typeof chain === "string" ? (chain.split(";")[0] ?? "") : "";
  return /^(option|select)\b/.test(clicked) || /attr__type="(checkbox|radio)"/.test(clicked) || /attr__role="(switch|checkbox|radio|option)"/.test(clicked);
}

function elementText(e: StoredEvent): string {
  const text = e.properties["$el_text"];
  if (typeof text === "string") return text.trim().slice(0, 80);
  const chain = e.properties["$elements_chain"] ?? e.properties["elements_chain"];
  const match = typeof chain === "string" ? /text="([^"]*)"/.exec(chain) : null;
  return (match?.[1] ?? "").trim().slice(0, 80);
}

function referrerOf(events: StoredEvent[]): string | null {
  for (const e of events) {
    const domain = e.properties["$referring_domain"] ?? e.properties["$initial_referring_domain"];
    if (typeof domain === "string" && domain && domain !== "$direct") return domain;
  }
  return null;
}

function utmOf(events: StoredEvent[]): Record<string, string> {
  const utm: Record<string, string> = {};
  for (const e of events.slice(0, 5)) {
    for (const [key, value] of Object.entries(e.properties)) {
      if (key.startsWith("utm_") && typeof value === "string" && !(key in utm)) utm[key] = value;
    }
  }
  return utm;
}
