import type { StoredEvent } from "../../state/session.js";

/** Why one record of an export could not be read; the reader adds file and line. */
export class RecordError extends Error {
  constructor(
    message: string,
    readonly key?: string,
  ) {
    super(message);
  }
}

/**
 * One PostHog event as exported (batch export, "export events" JSON lines, or the query API's rows):
 * { uuid, event, distinct_id, timestamp, properties, person_properties? }. The warehouse keeps PostHog's
 * property names ($session_id, $pathname, ...) as its own event model; other sources map into them.
 */
export function parsePostHogEvent(record: unknown): StoredEvent {
  if (!isObject(record)) throw new RecordError("expected a JSON object");
  const uuid = requireString(record, "uuid");
  const event = requireString(record, "event");
  const rawTimestamp = record["timestamp"];
  if (typeof rawTimestamp !== "string" && typeof rawTimestamp !== "number") {
    throw new RecordError("missing timestamp", "timestamp");
  }
  const time = new Date(typeof rawTimestamp === "string" ? asUtc(rawTimestamp) : rawTimestamp);
  if (Number.isNaN(time.getTime())) throw new RecordError(`timestamp does not parse: ${String(rawTimestamp)}`, "timestamp");
  const propsRaw = record["properties"] ?? {};
  const properties = typeof propsRaw === "string" ? parseJsonObject(propsRaw, "properties") : propsRaw;
  if (!isObject(properties)) throw new RecordError("properties must be an object", "properties");
  const distinctId = stringOr(record["distinct_id"]) ?? stringOr(properties["distinct_id"]);
  if (!distinctId) throw new RecordError("missing distinct_id", "distinct_id");
  const sessionId = stringOr(properties["$session_id"]);
  return { uuid, event, distinctId, timestamp: time.toISOString(), sessionId, properties };
}

/** A timestamp with no zone ("2026-01-05 10:00:00", as ClickHouse prints them) is UTC, on every machine. */
const ZONELESS = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(:\d{2}(\.\d+)?)?)$/;

function asUtc(text: string): string {
  const match = ZONELESS.exec(text.trim());
  return match ? `${match[1]}T${match[2]}Z` : text;
}

function requireString(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  if (typeof value !== "string" || value.length === 0) throw new RecordError(`missing ${key}`, key);
  return value;
}

function stringOr(value: unknown): string | null {
  if (typeof value === "string" && value.length > 0) return value;
  if (typeof value === "number") return String(value);
  return null;
}

function parseJsonObject(text: string, key: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RecordError(`${key} is not valid JSON`, key);
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
