import type { StoredEvent } from "../../state/session.js";

/** SQLite's default limit on bound parameters is 32766; stay well below it. */
export const IN_CHUNK = 500;

export const now = (): string => new Date().toISOString();

export function placeholders(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

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
