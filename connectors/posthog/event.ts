import type { StoredEvent } from "../../state/session.js";
import { isObject, objectField, parseTimestamp, RecordError, requireString, stringOr } from "../record.js";

export { isObject, RecordError } from "../record.js";

/**
 * One PostHog event as exported (batch export and "export events" JSON lines, JSON arrays, the CSV
 * export with `properties` as a JSON string column, or the query API's rows):
 * { uuid, event, distinct_id, timestamp, properties, person_properties? }. The warehouse keeps PostHog's
 * property names ($session_id, $pathname, ...) as its own event model; other sources map into them.
 */
export function parsePostHogEvent(record: unknown): StoredEvent {
  if (!isObject(record)) throw new RecordError("expected a JSON object");
  const uuid = requireString(record, "uuid");
  const event = requireString(record, "event");
  const timestamp = parseTimestamp(record["timestamp"], "timestamp");
  const properties = propertiesOf(record);
  const distinctId = stringOr(record["distinct_id"]) ?? stringOr(properties["distinct_id"]);
  if (!distinctId) throw new RecordError("missing distinct_id", "distinct_id");
  // The warehouse-table and CSV exports carry the session as a column of its own.
  const sessionId = stringOr(properties["$session_id"]) ?? stringOr(record["$session_id"]) ?? stringOr(record["session_id"]);
  if (sessionId && properties["$session_id"] === undefined) properties["$session_id"] = sessionId;
  return { uuid, event, distinctId, timestamp, sessionId, properties };
}

function propertiesOf(record: Record<string, unknown>): Record<string, unknown> {
  const properties: Record<string, unknown> = { ...objectField(record, "properties") };
  // CSV exports may flatten properties into `properties.$name` columns, and keep elements_chain apart.
  for (const key in record) {
    if (!key.startsWith("properties.")) continue;
    const value = record[key];
    if (value !== "" && value !== undefined) properties[key.slice("properties.".length)] ??= value;
  }
  const chain = stringOr(record["elements_chain"]);
  if (chain) properties["$elements_chain"] ??= chain;
  return properties;
}
