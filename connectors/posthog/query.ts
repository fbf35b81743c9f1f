import { isObject } from "../record.js";
import { SelfhealError } from "../../runtime/errors.js";

/** Where a pull stopped: the (timestamp, uuid) of the last committed event, in PostHog's order. */
export interface Watermark {
  /** UTC, microseconds kept: "2026-01-05 10:00:00.123456". */
  timestamp: string;
  uuid: string;
}

export const QUERY_COLUMNS = ["uuid", "event", "distinct_id", "timestamp", "properties"] as const;

const UUID = /^[0-9A-Za-z-]{1,64}$/;
const CH_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/;

/**
 * One keyset page in PostHog's order (timestamp, uuid). Literals are checked against strict patterns
 * before they enter the HogQL text, so a stored watermark can never inject SQL.
 */
export function pageQuery(after: Watermark | null, limit: number): string {
  const where = after ? keysetAfter(after) : "";
  return `SELECT ${QUERY_COLUMNS.join(", ")} FROM events${where} ORDER BY timestamp ASC, uuid ASC LIMIT ${Math.floor(limit)}`;
}

/** Whether a watermark's literals are safe in a query (checked before one is stored, and again before it is used). */
export function isSafeWatermark(mark: Watermark): boolean {
  return CH_TIME.test(mark.timestamp) && UUID.test(mark.uuid);
}

/**
 * Whether a page moved the watermark on: a later timestamp, or another uuid at the same one (ClickHouse
 * orders UUIDs by their two halves as numbers, not as text, so no text order is assumed among them).
 */
export function advances(previous: Watermark | null, next: Watermark): boolean {
  return !previous || next.timestamp > previous.timestamp || (next.timestamp === previous.timestamp && next.uuid !== previous.uuid);
}

function keysetAfter(mark: Watermark): string {
  if (!isSafeWatermark(mark)) throw new SelfhealError(`stored PostHog watermark is corrupt: ${JSON.stringify(mark)}`);
  const ts = `toDateTime64('${mark.timestamp}', 6, 'UTC')`;
  return ` WHERE timestamp > ${ts} OR (timestamp = ${ts} AND uuid > toUUID('${mark.uuid}'))`;
}

/**
 * A timestamp as the query API returns it ("2026-01-05T10:00:00.123456Z", or with an offset) as a UTC
 * literal that keeps the microseconds (a JS Date would drop them and re-read the same events forever).
 */
export function toUtcMicros(raw: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(raw.trim());
  if (!m) return null;
  const offset = !m[4] || m[4] === "Z" ? "Z" : m[4].length === 5 ? `${m[4].slice(0, 3)}:${m[4].slice(3)}` : m[4];
  const seconds = new Date(`${m[1]}T${m[2]}${offset}`);
  if (Number.isNaN(seconds.getTime())) return null;
  const micros = (m[3] ?? "").padEnd(6, "0").slice(0, 6);
  return `${seconds.toISOString().slice(0, 19).replace("T", " ")}.${micros}`;
}

export interface QueryPage {
  rows: Record<string, unknown>[];
  hasMore: boolean;
}

/** Reads `{ results: [[...]], columns: [...], hasMore }` of a HogQLQuery reply into records by column name. */
export function readQueryReply(reply: unknown): QueryPage {
  if (!isObject(reply) || !Array.isArray(reply["results"]) || !Array.isArray(reply["columns"])) {
    throw new SelfhealError("PostHog's query reply has no results/columns; is the host a PostHog app host?");
  }
  const columns = reply["columns"].map(String);
  for (const needed of QUERY_COLUMNS) {
    if (!columns.includes(needed)) throw new SelfhealError(`PostHog's query reply lacks the column "${needed}"`);
  }
  const rows = reply["results"].map((row) => {
    const values: unknown[] = Array.isArray(row) ? row : [];
    return Object.fromEntries(columns.map((name, i) => [name, values[i]]));
  });
  return { rows, hasMore: reply["hasMore"] === true };
}
