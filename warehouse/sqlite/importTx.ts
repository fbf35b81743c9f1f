import type Database from "better-sqlite3";
import type { StoredEvent } from "../../state/session.js";
import type { EventWrites, SessionAssignment, SessionRow } from "../stores/events.js";
import { EVENT_COLUMNS, now, toStoredEvent, type EventRow } from "../rows.js";
import { ownCopy, packEvents, sessionRowText, unpackEvents, withoutRepeats, type SessionRowText } from "./importMessages.js";

/** Negative: KiB (SQLite's convention). 32 MB measured 27k events/s at 210 MB peak RSS for 1M events; 64 MB, 31k at 263 MB. */
const IMPORT_CACHE_KIB = -32768;
const DEFAULT_CACHE_KIB = -2000;

/**
 * SQLite's import transaction: BEGIN IMMEDIATE at open, prepared statements for every primitive.
 * better-sqlite3 is synchronous, so the transaction can span awaits on this one connection.
 */
export class SqliteEventWrites implements EventWrites {
  private open = true;
  private readonly statements;
  /** Users of the source-session events this transaction stored: their sessions are not recomputed yet. */
  private readonly sourceSessionUsers = new Set<string>();
  readonly startedEmpty: boolean;

  constructor(
    private readonly db: Database.Database,
    private readonly onClose: () => void,
  ) {
    // A big import touches B-tree pages all over the uuid and session indexes; SQLite's default 2 MB
    // page cache makes it spill constantly. 32 MB keeps throughput up within the memory budget.
    db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
    db.exec(`BEGIN IMMEDIATE`);
    try {
      // This connection's own record of the session-less events it stored, emptied per import.
      db.exec(`CREATE TEMP TABLE IF NOT EXISTS import_unlinked (uuid TEXT PRIMARY KEY); DELETE FROM temp.import_unlinked;`);
      this.statements = prepare(db);
      this.startedEmpty = db.prepare(`SELECT 1 FROM events LIMIT 1`).get() === undefined;
    } catch (err) {
      this.finish();
      throw err;
    }
  }

  async insertEvents(events: StoredEvent[]): Promise<StoredEvent[]> {
    let buffer = Buffer.alloc(0);
    const { lengths } = packEvents(events, (bytes) => (buffer = Buffer.allocUnsafe(bytes)));
    return withoutRepeats(events, this.insertPacked(lengths, (from, to) => buffer.toString("utf8", from, to)));
  }

  /** Stores a packed batch (see unpackEvents); returns the indexes of the events not stored (repeats). */
  insertPacked(lengths: Int32Array, textOf: (from: number, to: number) => string): number[] {
    this.check();
    const stamp = now();
    const repeats: number[] = [];
    const { insert, noteUnlinked } = this.statements;
    let i = 0;
    for (const e of unpackEvents(lengths, textOf)) {
      if (insert.run(e.uuid, e.event, e.distinctId, e.timestamp, e.sessionId, e.properties, stamp).changes !== 1) repeats.push(i);
      else if (e.sessionId) {
        if (!this.sourceSessionUsers.has(e.distinctId)) this.sourceSessionUsers.add(ownCopy(e.distinctId));
      }
      else noteUnlinked.run(e.uuid);
      i++;
    }
    return repeats;
  }

  async hasSourceSession(distinctId: string): Promise<boolean> {
    return this.sourceSessionUsers.has(distinctId) || this.statements.hasSourceSession.get(distinctId) !== undefined;
  }

  async unsessionedEventsOf(distinctIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    return byKey(distinctIds, (id) => this.statements.unsessioned.all(id) as EventRow[]);
  }

  async sessionSpans(distinctId: string): Promise<{ id: string; startedAt: string; endedAt: string }[]> {
    return this.statements.spans.all(distinctId) as { id: string; startedAt: string; endedAt: string }[];
  }

  async assignSessions(assignments: SessionAssignment[]): Promise<void> {
    this.check();
    for (const a of assignments) this.statements.assign.run(a.sessionId, a.inferred ? 1 : 0, a.uuid);
  }

  async eventsOfSessions(sessionIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    return byKey(sessionIds, (id) => this.statements.sessionEvents.all(id) as EventRow[]);
  }

  async saveSession(s: SessionRow): Promise<void> {
    this.saveSessionText(sessionRowText(s));
  }

  /** saveSession with the signals already JSON text. */
  saveSessionText(s: SessionRowText): void {
    this.check();
    this.statements.upsertSession.run({ ...s, updatedAt: now() });
    this.statements.markStale.run(s.id);
  }

  async deleteSession(sessionId: string): Promise<void> {
    this.check();
    this.statements.dropReports.run(sessionId);
    this.statements.dropSession.run(sessionId);
  }

  async countSessionless(): Promise<number> {
    return (this.statements.sessionless.get() as { n: number }).n;
  }

  async setWatermark(source: string, value: string): Promise<void> {
    this.check();
    this.statements.watermark.run(source, value, now());
  }

  async commit(): Promise<void> {
    this.check();
    try {
      this.db.exec(`COMMIT`);
    } finally {
      this.finish();
    }
  }

  async rollback(): Promise<void> {
    if (this.open) this.finish();
  }

  private check(): void {
    if (!this.open) throw new Error("this import is already committed or rolled back");
  }

  private finish(): void {
    if (this.db.inTransaction) this.db.exec(`ROLLBACK`);
    this.open = false;
    this.db.pragma(`cache_size = ${DEFAULT_CACHE_KIB}`);
    this.onClose();
  }
}

/** A prepared statement run per key (local calls cost no round trip), keys with rows only. */
function byKey(keys: readonly string[], rowsOf: (key: string) => EventRow[]): Map<string, StoredEvent[]> {
  const out = new Map<string, StoredEvent[]>();
  for (const key of keys) {
    const rows = rowsOf(key);
    if (rows.length > 0) out.set(key, rows.map(toStoredEvent));
  }
  return out;
}

function prepare(db: Database.Database) {
  return {
    insert: db.prepare(
      `INSERT INTO events (uuid, event, distinct_id, timestamp, session_id, properties, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(uuid) DO NOTHING`,
    ),
    noteUnlinked: db.prepare(`INSERT OR IGNORE INTO temp.import_unlinked (uuid) VALUES (?)`),
    // Through the user's stored sessions (indexed), not a scan of every event: one per user is a scan per user.
    hasSourceSession: db.prepare(
      `SELECT 1 FROM sessions s WHERE s.distinct_id = ? AND EXISTS (SELECT 1 FROM events e WHERE e.session_id = s.id AND e.session_inferred = 0) LIMIT 1`,
    ),
    // Served by the partial index events_user_unlinked.
    unsessioned: db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE distinct_id = ? AND (session_id IS NULL OR session_inferred = 1) ORDER BY timestamp, uuid`,
    ),
    spans: db.prepare(`SELECT id, started_at AS startedAt, ended_at AS endedAt FROM sessions WHERE distinct_id = ? ORDER BY started_at, id`),
    assign: db.prepare(`UPDATE events SET session_id = ?, session_inferred = ? WHERE uuid = ?`),
    sessionEvents: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE session_id = ? ORDER BY timestamp, uuid`),
    upsertSession: db.prepare(
      `INSERT INTO sessions (id, distinct_id, started_at, ended_at, week, event_count, signals, updated_at)
       VALUES (@id, @distinctId, @startedAt, @endedAt, @week, @eventCount, @signals, @updatedAt)
       ON CONFLICT(id) DO UPDATE SET distinct_id = excluded.distinct_id, started_at = excluded.started_at,
         ended_at = excluded.ended_at, week = excluded.week, event_count = excluded.event_count,
         signals = excluded.signals, updated_at = excluded.updated_at`,
    ),
    markStale: db.prepare(`UPDATE session_reports SET stale = 1 WHERE session_id = ?`),
    dropReports: db.prepare(`DELETE FROM session_reports WHERE session_id = ?`),
    dropSession: db.prepare(`DELETE FROM sessions WHERE id = ?`),
    sessionless: db.prepare(`SELECT count(*) AS n FROM temp.import_unlinked u JOIN events e ON e.uuid = u.uuid WHERE e.session_id IS NULL`),
    watermark: db.prepare(
      `INSERT INTO ingest_watermarks (source, watermark, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(source) DO UPDATE SET watermark = excluded.watermark, updated_at = excluded.updated_at`,
    ),
  };
}
