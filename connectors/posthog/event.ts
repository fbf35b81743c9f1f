import type { StoredEvent } from "../../state/session.js";
import { objectMemberText } from "../input/memberText.js";
import { isObject, objectField, parseTimestamp, RecordError, requireString, stringOr } from "../record.js";

export { isObject, RecordError } from "../record.js";

/**
 * One PostHog event as exported (batch export and "export events" JSON lines, JSON arrays, the CSV
 * export with `properties` as a JSON string column, or the query API's rows):
 * { uuid, event, distinct_id, timestamp, properties, person_properties? }. The warehouse keeps PostHog's
 * property names ($session_id, $pathname, ...) as its own event model; other sources map into them.
 * `text`, the JSON the record was parsed from, lets the properties be stored as written.
 */
export function parsePostHogEvent(record: unknown, text?: string): StoredEvent {
  if (!isObject(record)) throw new RecordError("expected a JSON object");
  const uuid = requireString(record, "uuid");
  const event = requireString(record, "event");
  const timestamp = parseTimestamp(record["timestamp"], "timestamp");
  const given = objectField(record, "properties");
  const properties = withColumns(record, given ?? {});
  const distinctId = stringOr(record["distinct_id"]) ?? stringOr(properties["distinct_id"]);
  if (!distinctId) throw new RecordError("missing distinct_id", "distinct_id");
  // The warehouse-table and CSV exports carry the session as a column of its own.
  const sessionId = stringOr(properties["$session_id"]) ?? stringOr(record["$session_id"]) ?? stringOr(record["session_id"]);
  if (sessionId && properties["$session_id"] === undefined) return { uuid, event, distinctId, timestamp, sessionId, properties: { ...properties, $session_id: sessionId } };
  const json = properties === given ? sourceText(record, text) : null;
  return json === null ? { uuid, event, distinctId, timestamp, sessionId, properties } : { uuid, event, distinctId, timestamp, sessionId, properties, propertiesJson: json };
}

/**
 * The properties with what a CSV export keeps in columns of its own (`properties.$name` columns,
 * elements_chain); the object given when there are none, a copy with them otherwise.
 */
function withColumns(record: Record<string, unknown>, given: Record<string, unknown>): Record<string, unknown> {
  let properties = given;
  const add = (key: string, value: unknown) => {
    if (properties[key] !== undefined && properties[key] !== null) return; // as `??=`: the event's own value wins
    if (properties === given) properties = { ...given };
    properties[key] = value;
  };
  for (const key in record) {
    if (!key.startsWith("properties.")) continue;
    const value = record[key];
    if (value !== "" && value !== undefined) add(key.slice("properties.".length), value);
  }
  const chain = stringOr(record["elements_chain"]);
  if (chain) add("$elements_chain", chain);
  return properties;
}

/** The properties' JSON text as the source wrote it: a CSV's column, or the member of the JSON line. */
function sourceText(record: Record<string, unknown>, text: string | undefined): string | null {
  const raw = record["properties"];
  if (typeof raw === "string") return raw;
  return isObject(raw) && text !== undefined ? objectMemberText(text, "properties") : null;
}
