/** Why one record of an export could not be read; the reader adds file and line. */
export class RecordError extends Error {
  constructor(
    message: string,
    readonly key?: string,
  ) {
    super(message);
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A nested object of a record (`properties`, `context`, `event_properties`): as it is in JSON, or as a JSON
 * string column, which is how CSV exports and warehouse tables keep it. Absent or empty is null; text that
 * is not a JSON object is a bad record naming the key.
 */
export function objectField(record: Record<string, unknown>, key: string): Record<string, unknown> | null {
  const raw = record[key];
  if (raw === undefined || raw === null || raw === "") return null;
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new RecordError(`${key} is not valid JSON`, key);
    }
  }
  if (!isObject(value)) throw new RecordError(`${key} must be an object`, key);
  return value;
}

/** A non-empty string, or a number as text; else null. */
export function stringOr(value: unknown): string | null {
  if (typeof value === "string" && value.length > 0) return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

export function requireString(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  if (typeof value !== "string" || value.length === 0) throw new RecordError(`missing ${key}`, key);
  return value;
}

/** A timestamp with no zone ("2026-01-05 10:00:00", as ClickHouse and Amplitude print them) is UTC, on every machine. */
const ZONELESS = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(:\d{2}(\.\d+)?)?)$/;

/**
 * Reads an event time (ISO 8601 text, zone-less UTC text, or epoch seconds or milliseconds) as ISO UTC.
 * Missing or unreadable is a bad record: skipped and reported by line (`--strict` stops at it). An export
 * whose time format is not understood at all has no readable line, and that is refused whole.
 */
export function parseTimestamp(raw: unknown, key: string): string {
  if (typeof raw === "string" && isCanonicalUtc(raw)) return raw;
  if (raw === undefined || raw === null || raw === "") throw new RecordError(`missing ${key}`, key);
  if (typeof raw !== "string" && typeof raw !== "number") throw new RecordError(`${key} must be text or a number`, key);
  const match = typeof raw === "string" ? ZONELESS.exec(raw.trim()) : null;
  const time = new Date(typeof raw === "number" ? epochMs(raw) : /^\d+(\.\d+)?$/.test(raw.trim()) ? epochMs(Number(raw)) : match ? `${match[1]}T${match[2]}Z` : raw);
  if (Number.isNaN(time.getTime())) {
    throw new RecordError(`timestamp does not parse: ${JSON.stringify(raw)} (expected ISO 8601 or epoch seconds or milliseconds)`, key);
  }
  return time.toISOString();
}

/** toISOString's own form: most exports' times are already it, and re-printing each costs a Date. */
const CANONICAL_UTC = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether the text is what toISOString prints for a real instant (Date would roll "02-30" over to March). */
function isCanonicalUtc(text: string): boolean {
  const m = text.length === 24 ? CANONICAL_UTC.exec(text) : null;
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/**
 * Epoch seconds or milliseconds, told apart by size: 1e11 seconds is the year 5138, 1e11 milliseconds
 * 1973, so a number below it is seconds (Unix tools, warehouses) and one above it milliseconds (JS, Amplitude).
 */
function epochMs(value: number): number {
  return Math.abs(value) < 1e11 ? value * 1000 : value;
}

/** A day: how far ahead of this machine's clock an event may be dated (clients' clocks drift). */
const FUTURE_SLACK_MS = 86_400_000;

/** The times an import believes: from the product's first day to a day past this machine's clock, as epoch ms. */
export interface PlausibleTimes {
  since: string;
  sinceMs: number;
  latestMs: number;
}

/** Made once per import: its events are checked against numbers, not dates parsed again for each. */
export function plausibleTimes(since: string, now: Date): PlausibleTimes {
  return { since, sinceMs: Date.parse(since), latestMs: now.getTime() + FUTURE_SLACK_MS };
}

/**
 * An event time that parsed but cannot be true: more than a day in the future, or before the product
 * existed (`ingest.since` in the profile). Such an event would open a week of its own; it is a bad line.
 */
export function implausibleTime(iso: string, window: PlausibleTimes): string | null {
  const t = Date.parse(iso);
  if (t > window.latestMs) return `timestamp ${iso} is more than a day in the future`;
  if (t < window.sinceMs) return `timestamp ${iso} is before the product existed (ingest.since ${window.since})`;
  return null;
}

/** The host of a referrer URL, for `$referring_domain`; null when there is none. */
export function domainOf(url: unknown): string | null {
  if (typeof url !== "string" || url.length === 0) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/** The path of a URL, for `$pathname` when a source gives only the URL. */
export function pathOf(url: unknown): string | null {
  if (typeof url !== "string" || url.length === 0) return null;
  try {
    return new URL(url).pathname;
  } catch {
    return url.startsWith("/") ? url : null;
  }
}
