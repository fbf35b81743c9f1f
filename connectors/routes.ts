/**
 * Route normalization: /app/workflows/wf_4821/edit and /app/workflows/wf_77/edit are one place.
 * A path segment that looks like an identifier (numbers, uuids, hex, prefixed ids) becomes ":id".
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]{8,}$/i;
const NUMBER = /^\d+$/;
/** prefix_ids such as wf_9, wf_4821, usr-9f3k2 or cus_J2kd8s: a short word, a separator, then a token with a digit. */
const PREFIXED_ID = /^[a-z]{1,12}[_-](?=[a-z0-9]*\d)[a-z0-9]+$/i;
/** Long opaque tokens (slugs with digits, base64-ish ids). */
const OPAQUE = /^(?=.*\d)[A-Za-z0-9_-]{16,}$/;

/** Normalized routes by what they came from: every event of a page repeats its URL, and parsing it was a tenth of an import's CPU. */
const normalized = new Map<string, string>();
/** Bound the memo's memory (at most 20 MB); past the count it starts again, longer URLs are not kept. */
const MEMO_LIMIT = 20_000;
const MEMO_KEY_CHARS = 1000;

export function normalizeRoute(pathOrUrl: string): string {
  const known = normalized.get(pathOrUrl);
  if (known !== undefined) return known;
  if (pathOrUrl.length > MEMO_KEY_CHARS) return normalizeUncached(pathOrUrl);
  if (normalized.size >= MEMO_LIMIT) normalized.clear();
  const route = normalizeUncached(pathOrUrl);
  normalized.set(pathOrUrl, route);
  return route;
}

function normalizeUncached(pathOrUrl: string): string {
  const path = pathOf(pathOrUrl);
  const segments = path.split("/").filter((s) => s.length > 0);
  const route = segments.map((seg) => (isIdentifier(decodeSafe(seg)) ? ":id" : seg.toLowerCase()));
  return `/${route.join("/")}`;
}

function isIdentifier(seg: string): boolean {
  return NUMBER.test(seg) || UUID.test(seg) || HEX.test(seg) || PREFIXED_ID.test(seg) || OPAQUE.test(seg);
}

/** The path of a URL or of a path with a query string, never throwing on junk. */
export function pathOf(pathOrUrl: string): string {
  try {
    return new URL(pathOrUrl, "http://placeholder.invalid").pathname;
  } catch {
    return pathOrUrl.split(/[?#]/)[0] ?? "/";
  }
}

/**
 * URL parameters that are site searches on most products. Not `term` or `s`: `/pricing?term=annual` is
 * a billing period, and one-letter keys mean anything; a profile whose search uses them names them
 * (`searchEvents.urlParameters`).
 */
export const DEFAULT_SEARCH_PARAMETERS: readonly string[] = ["q", "query", "search", "search_query", "keyword", "keywords"];

/** The value of the first site-search parameter in a URL, if any. */
export function searchQueryOf(url: string, parameters: readonly string[] = DEFAULT_SEARCH_PARAMETERS): string | null {
  try {
    const params = new URL(url, "http://placeholder.invalid").searchParams;
    for (const key of parameters) {
      const value = params.get(key);
      if (value && value.trim()) return value.trim();
    }
  } catch {
    // not a URL: no search to read
  }
  return null;
}

function decodeSafe(seg: string): string {
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
}
