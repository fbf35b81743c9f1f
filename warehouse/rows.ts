import type { StoredEvent } from "../state/session.js";
import type { RunRecord } from "./stores/runs.js";

/** Rows as both engines store them (the same columns, text timestamps and JSON text), and their records. */
export const now = (): string => new Date().toISOString();

export interface EventRow {
  uuid: string;
  event: string;
  distinct_id: string;
  timestamp: string;
  session_id: string | null;
  /** 0/1 in SQLite, a boolean in Postgres. */
  session_inferred: number | boolean;
  properties: string;
}

export const EVENT_COLUMNS = "uuid, event, distinct_id, timestamp, session_id, session_inferred, properties";

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    uuid: row.uuid,
    event: row.event,
    distinctId: row.distinct_id,
    timestamp: row.timestamp,
    sessionId: row.session_id,
    properties: JSON.parse(row.properties) as Record<string, unknown>,
    ...(row.session_inferred ? { sessionInferred: true } : {}),
  };
}

export interface RunRow {
  id: string;
  kind: string;
  week: string | null;
  started_at: string;
  finished_at: string | null;
  status: string;
  summary: string | null;
  thread: string | null;
  pid: number | null;
  host: string | null;
}

export const RUN_COLUMNS = "id, kind, week, started_at, finished_at, status, summary, thread, pid, host";

export function toRunRecord(r: RunRow): RunRecord {
  return {
    id: r.id,
    kind: r.kind,
    week: r.week,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    summary: r.summary ? JSON.parse(r.summary) : null,
    thread: r.thread,
    pid: r.pid,
    host: r.host,
  };
}
