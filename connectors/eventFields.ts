import type { EventProperty } from "../state/session.js";

const MAX_PROPERTIES = 24;
const MAX_VALUE = 300;
/** Campaign and click-tracking parameters: where a visitor came from, never what they looked for. */
const TRACKING_PARAM = /^(utm_.*|gclid|gbraid|wbraid|fbclid|msclkid|dclid|yclid|twclid|ttclid|li_fat_id|mc_[a-z]+|_ga|_gl|ref|ref_src)$/i;

/**
 * The scalar properties of a product event, for rules the profile declares later (a search's query, a
 * failure's message or status). `$` properties are the analytics library's, not the product's.
 */
export function scalarProperties(properties: Record<string, unknown>): Record<string, EventProperty> | undefined {
  const out: Record<string, EventProperty> = {};
  let kept = 0;
  for (const [key, value] of Object.entries(properties)) {
    if (kept >= MAX_PROPERTIES) break;
    if (key.startsWith("$")) continue;
    if (typeof value === "string") out[key] = value.slice(0, MAX_VALUE);
    else if (typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) out[key] = value;
    else continue;
    kept++;
  }
  return kept ? out : undefined;
}

/** A page URL's query parameters, tracking ones left out; undefined when none is left. */
export function queryParamsOf(url: string): Record<string, string> | undefined {
  if (!url.includes("?")) return undefined;
  const out: Record<string, string> = {};
  let kept = 0;
  try {
    for (const [key, value] of new URL(url, "http://placeholder.invalid").searchParams) {
      if (kept >= MAX_PROPERTIES) break;
      if (TRACKING_PARAM.test(key) || key in out) continue;
      out[key] = value.slice(0, MAX_VALUE);
      kept++;
    }
  } catch {
    return undefined;
  }
  return kept ? out : undefined;
}

/** The host of an absolute URL, lower case; null for a path or junk. */
export function hostOf(url: string): string | null {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return null;
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}
