import type { StoredEvent } from "../../state/session.js";

export const now = (): string => new Date().toISOString();

export interface EventRow {
  uuid: string;
  event: string;
  distinct_id: string;
  timestamp: string;
  session_id: string | null;
  properties: string;
}

export const EVENT_COLUMNS = "uuid, event, distinct_id, timestamp, session_id, properties";

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    uuid: row.uuid,
    event: row.event,
    distinctId: row.distinct_id,
    timestamp: row.timestamp,
    sessionId: row.session_id,
    properties: JSON.parse(row.properties) as Record<string, unknown>,
  };
}
