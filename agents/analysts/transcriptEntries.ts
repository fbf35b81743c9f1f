import type { StoredEvent } from "../../state/session.js";
import type { ProductProfile } from "../../state/profile.js";
import { normalizeRoute, searchQueryOf } from "../../connectors/routes.js";
import { cutText } from "./cutText.js";
import { exceptionsOf } from "../../connectors/exceptions.js";
import { normalizeMessage } from "../pm/normalize.js";
import { isSensitiveProperty, redactText } from "./redact.js";

/** How much an entry matters when the transcript must shrink: 0 is kept longest. */
export type Priority = 0 | 1 | 2;

/** One line of the transcript before ids and budget: an event, or a run of identical ones. */
export interface Entry {
  /** uuid of the first event of the run: what `evidence` stores. */
  uuid: string;
  atMs: number;
  /** Rendered text, redacted; `{route}` placeholders are filled in (or aliased) at render time. */
  body: string;
  /** Route this entry shows, when it is a page view. */
  route: string | null;
  count: number;
  priority: Priority;
}

const MAX_TEXT = 40;
const MAX_MESSAGE = 160;
const MAX_PROPS = 3;
const CLICK_TYPES = new Set(["click", "submit", "change"]);

/**
 * Reads events into transcript entries: noise dropped (autocapture without text, feature-flag calls and
 * other analytics plumbing), exceptions normalized, everything redacted, consecutive repeats collapsed.
 */
export function entriesOf(events: StoredEvent[], profile: ProductProfile): Entry[] {
  const success = new Set(profile.successEvents);
  const sensitive = profile.redaction.sensitiveProperties;
  const entries: Entry[] = [];
  for (const e of events) {
    for (const rendered of render(e, success, sensitive)) {
      const last = entries.at(-1);
      if (last && last.body === rendered.body && last.route === rendered.route) {
        last.count++;
        continue;
      }
      entries.push({ uuid: e.uuid, atMs: Date.parse(e.timestamp), count: 1, ...rendered });
    }
  }
  return entries;
}

type Rendered = Pick<Entry, "body" | "route" | "priority">;

function render(e: StoredEvent, success: Set<string>, sensitive: readonly string[]): Rendered[] {
  const p = e.properties;
  switch (e.event) {
    case "$pageview":
    case "$screen": {
      const url = str(p["$current_url"]) ?? str(p["$pathname"]) ?? str(p["$screen_name"]) ?? "/";
      const route = redactText(normalizeRoute(url));
      const query = searchQueryOf(url);
      return [{ body: `view {route}${query ? ` search "${redactText(clip(query))}"` : ""}`, route, priority: 1 }];
    }
    case "$autocapture": {
      const type = str(p["$event_type"]) ?? "click";
      const text = elementText(p);
      // Autocapture with no text says nothing a reader can use.
      if (!text || !CLICK_TYPES.has(type)) return [];
      return [{ body: `${type} "${text}"`, route: null, priority: 2 }];
    }
    case "$rageclick":
      return [{ body: `RAGE-CLICK "${elementText(p) ?? "?"}"`, route: null, priority: 0 }];
    case "$dead_click":
      return [{ body: `DEAD-CLICK "${elementText(p) ?? "?"}" (nothing happened)`, route: null, priority: 0 }];
    case "$exception":
      return exceptionsOf(p).map((ex) => {
        const frame = ex.frames.find((f) => f.inApp);
        const where = frame ? ` at ${frame.function} (${frame.file.split("/").slice(-2).join("/")}${frame.line ? `:${frame.line}` : ""})` : "";
        const message = redactText(clip(normalizeMessage(redactText(ex.message)), MAX_MESSAGE)) // redacted before normalizing (an email is one placeholder), and again after the cut;
        return { body: `ERROR ${ex.type}: ${message}${redactText(where)}`, route: null, priority: 0 as const };
      });
    case "$pageleave":
      return [{ body: "leave page", route: null, priority: 2 }];
    default:
      // Analytics plumbing ($feature_flag_called, $identify, $set, $web_vitals, ...) is noise.
      if (e.event.startsWith("$")) return [];
      if (success.has(e.event)) return [{ body: `SUCCESS ${e.event}${propsOf(p, sensitive)}`, route: null, priority: 0 }];
      return [{ body: `event ${redactText(clip(e.event))}${propsOf(p, sensitive)}`, route: null, priority: 1 }];
  }
}

/** A few short scalar properties of a product event, never sensitive ones, never PostHog's own. */
function propsOf(p: Record<string, unknown>, sensitive: readonly string[]): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(p)) {
    if (parts.length >= MAX_PROPS) break;
    if (key.startsWith("$") || key.startsWith("utm_") || isSensitiveProperty(key, sensitive)) continue;
    if (typeof value === "number" || typeof value === "boolean") parts.push(`${key}=${value}`);
    else if (typeof value === "string" && value.length <= MAX_TEXT) parts.push(`${key}=${redactText(value)}`);
  }
  return parts.length ? ` (${parts.join(", ")})` : "";
}

function elementText(p: Record<string, unknown>): string | null {
  const text = str(p["$el_text"]) ?? /text="([^"]*)"/.exec(str(p["$elements_chain"]) ?? "")?.[1] ?? null;
  const trimmed = text?.trim();
  return trimmed ? redactText(clip(trimmed)).replace(/"/g, "'") : null;
}

function clip(text: string, max = MAX_TEXT): string {
  return cutText(text, max);
}

function str(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}
