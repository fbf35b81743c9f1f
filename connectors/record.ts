/** Why one record of an export could not be read; the reader adds file and line. */
export class RecordError extends Error {
  constructor(
    message: string,
    readonly key?: string,
    /** Fatal errors stop the import even without --strict: the file's format is not what we read. */
    readonly fatal = false,
  ) {
    super(message);
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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
 * Reads an event time (ISO 8601 text, zone-less UTC text, or epoch milliseconds) as ISO UTC. Missing is
 * a bad record (skipped); present but unreadable is fatal: it means the export's time format is not one
 * we understand, and skipping would silently drop every line.
 */
export function parseTimestamp(raw: unknown, key: string): string {
  if (raw === undefined || raw === null || raw === "") throw new RecordError(`missing ${key}`, key);
  if (typeof raw !== "string" && typeof raw !== "number") throw new RecordError(`${key} must be text or a number`, key, true);
  const match = typeof raw === "string" ? ZONELESS.exec(raw.trim()) : null;
  const time = new Date(typeof raw === "number" ? epochMs(raw) : /^\d+(\.\d+)?$/.test(raw.trim()) ? epochMs(Number(raw)) : match ? `${match[1]}T${match[2]}Z` : raw);
  if (Number.isNaN(time.getTime())) {
    throw new RecordError(`timestamp does not parse: ${JSON.stringify(raw)} (expected ISO 8601 or epoch seconds or milliseconds)`, key, true);
  }
  return time.toISOString();
}

/**
 * Epoch seconds or milliseconds, told apart by size: 1e11 seconds is the year 5138, 1e11 milliseconds
 * 1973, so a number below it is seconds (Unix tools, warehouses) and one above it milliseconds (JS, Amplitude).
 */
function epochMs(value: number): number {
  return Math.abs(value) < 1e11 ? value * 1000 : value;
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
