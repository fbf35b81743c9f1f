import type { StoredEvent } from "../../state/session.js";
import { domainOf, isObject, objectField, parseTimestamp, pathOf, RecordError, requireString, stringOr } from "../record.js";

/** Amplitude's autocapture events, named in PostHog's model so the sessionizer reads them. */
const EVENT_NAMES: Record<string, string> = {
  "[Amplitude] Page Viewed": "$pageview",
  "[Amplitude] Screen Viewed": "$screen",
  "[Amplitude] Element Clicked": "$autocapture",
  // The iOS and Android SDKs' autocaptured taps.
  "[Amplitude] Element Interacted": "$autocapture",
  "[Amplitude] Rage Click": "$rageclick",
  "[Amplitude] Dead Click": "$dead_click",
  session_start: "$session_start",
  session_end: "$session_end",
};

/**
 * One event of an Amplitude export (the Export API's zip of gzipped JSON lines): `event_type`,
 * `user_id` / `device_id`, `session_id` (the session's start in epoch ms; -1 when the event has none),
 * `event_time` (UTC, zone-less), `event_properties`, `$insert_id` (the deduplication key).
 */
export function parseAmplitudeEvent(record: unknown): StoredEvent {
  if (!isObject(record)) throw new RecordError("expected a JSON object");
  const eventType = requireString(record, "event_type");
  const uuid = stringOr(record["$insert_id"]) ?? stringOr(record["uuid"]);
  if (!uuid) throw new RecordError("missing $insert_id (and uuid)", "$insert_id");
  const timestamp = parseTimestamp(record["event_time"] ?? record["client_event_time"], "event_time");
  const userId = stringOr(record["user_id"]);
  const deviceId = stringOr(record["device_id"]);
  const distinctId = userId ?? deviceId;
  if (!distinctId) throw new RecordError("missing user_id and device_id", "user_id");
  const rawSession = Number(record["session_id"]);
  // Amplitude numbers sessions per device by their start time; -1 marks an event outside any session.
  const sessionId = Number.isFinite(rawSession) && rawSession > 0 ? `amplitude:${deviceId ?? userId}:${rawSession}` : null;
  // A CSV export or warehouse table keeps these objects as JSON text columns.
  const props: Record<string, unknown> = { ...objectField(record, "event_properties") };
  const properties: Record<string, unknown> = { ...attribution(record, props), ...props, ...pageProperties(props), ...deviceProperties(record) };
  if (sessionId) properties["$session_id"] = sessionId;
  const text = elementTextOf(props);
  if (text) properties["$el_text"] = text;
  let event = EVENT_NAMES[eventType] ?? eventType;
  if (event === "$autocapture") properties["$event_type"] = stringOr(props["[Amplitude] Action"]) === "touch" ? "touch" : "click";
  const failedRequest = eventType === NETWORK_REQUEST ? serverFailure(props) : null;
  if (failedRequest) {
    event = FAILED_REQUEST;
    properties["message"] = failedRequest;
  }
  // Other built-in "[Amplitude] ..." events are analytics plumbing, not the product's own events.
  if (event === eventType && eventType.startsWith("[Amplitude] ")) event = `$${eventType}`;
  return { uuid, event, distinctId, timestamp, sessionId, properties };
}

const NETWORK_REQUEST = "[Amplitude] Network Request";
/** Named like a failure, so the rules and the PM read it as one (agents/analysts/problems.ts). */
const FAILED_REQUEST = "Network Request Failed";

/**
 * The mobile SDKs' network tracking records requests by status (by default only 500-599): a server
 * error is the product failing the user, as "POST /v2/orders answered 503". A 4xx or a request with no
 * answer (the phone offline) stays plumbing: the product may have meant it, or the network failed.
 */
function serverFailure(props: Record<string, unknown>): string | null {
  const status = Number(props["[Amplitude] Status Code"]);
  if (!Number.isInteger(status) || status < 500 || status > 599) return null;
  const method = stringOr(props["[Amplitude] Request Method"]) ?? "request";
  const path = pathOf(stringOr(props["[Amplitude] URL"])) ?? "";
  return `${method} ${path} answered ${status}`.replace(/\s+/g, " ");
}

/**
 * What the element said: the web's `Element Text`; on mobile the tapped view's text, else its
 * accessibility label, else its resource id (Android), which is all a button with an icon has.
 */
function elementTextOf(props: Record<string, unknown>): string | null {
  const keys = ["[Amplitude] Element Text", "[Amplitude] Target Text", "[Amplitude] Target Accessibility Label", "[Amplitude] Target Resource"];
  for (const key of keys) {
    const value = stringOr(props[key]);
    if (value?.trim()) return value;
  }
  return null;
}

/**
 * Where the visitor came from, which Amplitude keeps in `user_properties` (its attribution: `utm_*`,
 * `referrer`, `referring_domain`; the `initial_*` ones are the first visit ever, not this one) and in
 * the landing page's URL. The URL's own parameters win: user properties may still hold an older campaign.
 */
function attribution(record: Record<string, unknown>, props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const user = objectField(record, "user_properties");
  if (user) {
    for (const [key, value] of Object.entries(user)) if (/^utm_/.test(key) && typeof value === "string" && value) out[key] = value;
    const referrer = stringOr(user["referrer"]);
    if (referrer) {
      out["$referrer"] = referrer;
      out["$referring_domain"] = stringOr(user["referring_domain"]) ?? domainOf(referrer);
    }
  }
  const url = stringOr(props["[Amplitude] Page Location"]) ?? stringOr(props["[Amplitude] Page URL"]);
  for (const [key, value] of queryOf(url)) if (/^utm_/.test(key) && value) out[key] = value;
  return out;
}

function queryOf(url: string | null): [string, string][] {
  if (!url?.includes("?")) return [];
  try {
    return [...new URL(url, "http://placeholder.invalid").searchParams];
  } catch {
    return [];
  }
}

function pageProperties(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const screen = stringOr(props["[Amplitude] Screen Name"]);
  if (screen) out["$screen_name"] = screen;
  const url = stringOr(props["[Amplitude] Page Location"]) ?? stringOr(props["[Amplitude] Page URL"]);
  const path = stringOr(props["[Amplitude] Page Path"]) ?? pathOf(url);
  if (url) out["$current_url"] = url;
  if (path) out["$pathname"] = path;
  const referrer = stringOr(props["referrer"]) ?? stringOr(props["[Amplitude] Page Referrer"]);
  if (referrer) {
    out["$referrer"] = referrer;
    out["$referring_domain"] = stringOr(props["referring_domain"]) ?? domainOf(referrer);
  }
  return out;
}

function deviceProperties(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const os = stringOr(record["os_name"]);
  const device = stringOr(record["device_type"]) ?? stringOr(record["device_family"]);
  const platform = stringOr(record["platform"]);
  if (os) out["$os"] = os;
  if (device) out["$device_type"] = device;
  if (platform) out["$lib"] = platform;
  return out;
}
